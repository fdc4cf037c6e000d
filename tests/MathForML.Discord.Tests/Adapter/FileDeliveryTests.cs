using System.Globalization;
using System.Text;
using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Discord.Adapter;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>Data exports (<see cref="ChatFile"/>) as multipart uploads on every path that carries images.</summary>
public sealed class FileDeliveryTests : BotTestBase
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("date,problem,verdict\n2026-01-05,3,correct\n");
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""{"member":"42","answers":[{"problem":3,"verdict":"correct"}]}""");

    private static ChatFile CsvFile => new(Csv, "ada records.csv", "text/csv", "Your answers, hints and readings");

    private static ChatFile JsonFile => new(Json, "ada-records.json", "application/json", "The same records as JSON");

    private static ChatReply Export(bool ephemeral, params ChatFile[] files) =>
        new() { Content = new MessageContent { Text = "Here are your records.", Files = files }, Ephemeral = ephemeral };

    private static void AssertUpload(RestRecord request, JsonElement payload, int index, string fileName, string contentType, byte[] bytes, string? description)
    {
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        var part = request.Files[index];
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"files[{index}]"), part.PartName);
        Assert.Equal((fileName, contentType), (part.FileName, part.ContentType));
        Assert.Equal(bytes, part.Content);
        var metadata = payload.GetProperty("attachments")[index];
        Assert.Equal((index, fileName), (metadata.GetProperty("id").GetInt32(), metadata.GetProperty("filename").GetString()));
        Assert.Equal(description, metadata.TryGetProperty("description", out var d) ? d.GetString() : null);
    }

    [Fact]
    public async Task An_ephemeral_reply_carries_the_export_as_a_file_part_with_its_name_type_and_bytes()
    {
        Handlers.Hint.Behaviour = _ => Task.FromResult(Export(ephemeral: true, CsvFile));

        var token = await SendAsync(Slash("hint"));

        var answer = Answer(token);
        var data = MessageData(answer);
        Assert.True(IsPrivate(token));
        Assert.Equal("Here are your records.", data.GetProperty("content").GetString());
        AssertUpload(answer, data, 0, "ada_records.csv", "text/csv", Csv, "Your answers, hints and readings");
    }

    [Fact]
    public async Task A_public_reply_uploads_its_image_first_then_its_files()
    {
        Handlers.Problem.Behaviour = _ => Task.FromResult(new ChatReply
        {
            Content = new MessageContent { Text = "Group export", Images = [new ChatImage(TestHandlers.Png, "solve rates", "rates.png", 10, 10)], Files = [JsonFile] },
        });

        var token = await SendAsync(Slash("leaderboard"));

        var answer = Answer(token);
        var data = MessageData(answer);
        Assert.False(IsPrivate(token));
        Assert.Equal(2, answer.Files.Count);
        AssertUpload(answer, data, 0, "rates.png", "image/png", TestHandlers.Png, "solve rates");
        AssertUpload(answer, data, 1, "ada-records.json", "application/json", Json, "The same records as JSON");
    }

    private async Task<string> SendSlowAsync(TestHandler handler, TaskCompletionSource<ChatReply> release, string command)
    {
        handler.Behaviour = _ => release.Task;
        var token = NewToken(out var id);
        await Server.DispatchInteractionAsync(token, Channel, Interaction(id, token, 2, Slash(command)));
        await Eventually.HoldsAsync(() => handler.Received.Count == 1, "the handler to start");
        await Eventually.HoldsAsync(() => RequestsFor(token).Count == 1, "the deferral");
        return token;
    }

    [Fact]
    public async Task A_private_export_after_a_public_deferral_goes_as_an_ephemeral_follow_up_with_the_file()
    {
        var release = new TaskCompletionSource<ChatReply>();
        var token = await SendSlowAsync(Handlers.Problem, release, "leaderboard");
        release.SetResult(Export(ephemeral: true, CsvFile, JsonFile));
        await IdleAsync();

        var followUp = Assert.Single(RequestsFor(token), r => r.Method == "POST" && r.Route.StartsWith("webhooks/", StringComparison.Ordinal));
        var payload = followUp.Json!.Value;
        Assert.True(IsEphemeral(payload));
        AssertUpload(followUp, payload, 0, "ada_records.csv", "text/csv", Csv, "Your answers, hints and readings");
        AssertUpload(followUp, payload, 1, "ada-records.json", "application/json", Json, "The same records as JSON");
    }

    [Fact]
    public async Task A_slow_private_export_edits_the_deferred_reply_with_the_file()
    {
        var release = new TaskCompletionSource<ChatReply>();
        var token = await SendSlowAsync(Handlers.Hint, release, "hint");
        release.SetResult(Export(ephemeral: true, CsvFile));
        await IdleAsync();

        var edit = Assert.Single(RequestsFor(token), r => r.Method == "PATCH");
        AssertUpload(edit, edit.Json!.Value, 0, "ada_records.csv", "text/csv", Csv, "Your answers, hints and readings");
    }

    [Fact]
    public async Task A_post_carries_its_files_as_attachments_and_shows_only_images_in_the_card()
    {
        var post = new ChatPost
        {
            Target = new ConversationRef(ChatPlatform.Discord, LoopbackDiscord.GuildId, Channel),
            Content = new MessageContent { Text = "Weekly export", Images = [new ChatImage(TestHandlers.Png, "chart", "chart.png", 10, 10)], Files = [CsvFile] },
        };

        var result = await Platform.PostAsync(post, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var create = Assert.Single(Server.Requests, r => r.Method == "POST" && r.Route == $"channels/{Channel}/messages");
        var payload = create.Json!.Value;
        AssertUpload(create, payload, 0, "chart.png", "image/png", TestHandlers.Png, "chart");
        AssertUpload(create, payload, 1, "ada_records.csv", "text/csv", Csv, "Your answers, hints and readings");
        var embed = Assert.Single(payload.GetProperty("embeds").EnumerateArray());
        Assert.Equal("attachment://chart.png", embed.GetProperty("image").GetProperty("url").GetString());
    }

    public static TheoryData<string> OverLimits => ["five files", "one byte over 8 MiB", "no media type"];

    private static MessageContent OverLimit(string kind) => new()
    {
        Text = "export",
        Files = kind switch
        {
            "five files" => [.. Enumerable.Range(1, ChatLimits.MaxFiles + 1).Select(n => CsvFile with { FileName = $"part{n}.csv" })],
            "one byte over 8 MiB" => [CsvFile with { Bytes = new byte[ChatLimits.MaxFileBytes + 1] }],
            _ => [CsvFile with { ContentType = "" }],
        },
    };

    [Theory]
    [MemberData(nameof(OverLimits))]
    public async Task A_post_over_the_limits_throws_before_anything_is_sent_or_recorded(string kind)
    {
        var post = new ChatPost
        {
            Target = new ConversationRef(ChatPlatform.Discord, LoopbackDiscord.GuildId, Channel),
            Content = OverLimit(kind),
            IdempotencyKey = "export:1",
        };
        var before = Server.Requests.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => Platform.PostAsync(post, CancellationToken.None));

        Assert.Equal(before, Server.Requests.Count);
        Assert.Empty(Ledger.Entries);
    }

    [Theory]
    [MemberData(nameof(OverLimits))]
    public async Task A_reply_over_the_limits_uploads_nothing_and_the_member_gets_the_apology(string kind)
    {
        Handlers.Hint.Behaviour = _ => Task.FromResult(new ChatReply { Content = OverLimit(kind), Ephemeral = true });

        var token = await SendAsync(Slash("hint"));
        await IdleAsync();

        // Deferred at once; the reply fails its limits before any upload, so the deferral is edited into the apology.
        Assert.Equal(["POST", "PATCH"], RequestsFor(token).Select(r => r.Method));
        Assert.All(RequestsFor(token), r => Assert.Empty(r.Files));
        Assert.Equal(DiscordMessages.HandlerFailedReply, Content(Answer(token)));
    }

    public static TheoryData<int, bool> TooLarge => new()
    {
        { 413, false },   // the edge's HTML page, no JSON code
        { 400, true },    // Discord's JSON error 40005
        { 413, true },
    };

    private void RefuseUploads(int status, bool withCode) =>
        Server.Misbehave = r => r.Files.Count > 0
            ? new CannedReply(status, withCode ? new { message = "Request entity too large", code = 40005 } : null)
            : null;

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task A_post_refused_as_too_large_fails_with_a_clear_reason(int status, bool withCode)
    {
        RefuseUploads(status, withCode);
        var post = new ChatPost { Target = new ConversationRef(ChatPlatform.Discord, LoopbackDiscord.GuildId, Channel), Content = Export(false, CsvFile).Content };

        var result = await Platform.PostAsync(post, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, DiscordMessages.PostTooLargeFormat, Channel), result.Error);
    }

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task A_reply_refused_as_too_large_is_followed_by_a_notice_with_the_same_visibility(int status, bool withCode)
    {
        RefuseUploads(status, withCode);
        Handlers.Hint.Behaviour = _ => Task.FromResult(Export(ephemeral: true, CsvFile));

        var token = await SendAsync(Slash("hint"));
        await IdleAsync();

        // Deferred at once: the edit carrying the file is refused, so the notice follows, as private as the deferral.
        Assert.Equal(["POST", "PATCH", "POST"], RequestsFor(token).Select(r => r.Method));
        Assert.Single(RequestsFor(token)[1].Files);
        var notice = RequestsFor(token)[2];
        Assert.Equal(DiscordMessages.ReplyTooLarge, Content(notice));
        Assert.True(IsEphemeral(notice.Json!.Value));
        Assert.Contains(Logger.Entries, e => e.Id.Id == 4004 && e.Text.Contains("40005", StringComparison.Ordinal) == withCode);
    }
}

public sealed class DiscordFileRenderingTests
{
    public static TheoryData<string, string, string> Names => new()
    {
        { "ada records.csv", "text/csv", "ada_records.csv" },
        { "../../etc/passwd", "text/plain", "passwd.txt" },
        { "export", "application/json", "export.json" },
        { "", "text/csv; charset=utf-8", "file.csv" },
        { "report.tar.gz", "application/gzip", "report_tar.gz" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void File_names_are_made_safe_and_keep_or_gain_an_extension(string name, string contentType, string expected)
    {
        var uploads = DiscordMessageRenderer.Uploads(new MessageContent { Files = [new ChatFile([1], name, contentType, "")] });

        var upload = Assert.Single(uploads);
        Assert.Equal((expected, contentType), (upload.FileName, upload.ContentType));
        Assert.Null(upload.Description);
    }

    [Fact]
    public void Files_and_images_share_unique_names_and_files_win_the_last_attachment_slots()
    {
        var images = Enumerable.Range(0, 12).Select(_ => new ChatImage([1], "chart", "export.png", 1, 1)).ToList();
        var files = new[] { new ChatFile([2], "export.png", "image/png", "raw"), new ChatFile([3], "export.csv", "text/csv", "rows") };

        var uploads = DiscordMessageRenderer.Uploads(new MessageContent { Images = images, Files = files });

        Assert.Equal(DiscordMessageRenderer.MaxAttachments, uploads.Count);
        Assert.Equal(DiscordMessageRenderer.MaxAttachments, uploads.Select(u => u.FileName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["export-9.png", "export.csv"], uploads.TakeLast(2).Select(u => u.FileName));
        Assert.Equal([(byte)2, (byte)3], uploads.TakeLast(2).Select(u => u.Content.Span[0]));
    }
}
