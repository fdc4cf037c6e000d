using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Slack.Adapter;
using MathForML.Slack.Tests.Loopback;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>Files (data exports) on every path that delivers images: public replies, ephemeral replies (by DM), PostAsync.</summary>
public sealed class FileTests
{
    private static readonly ConversationRef Channel = new(ChatPlatform.Slack, "T0TEAM", "C0STUDY");

    private static void AssertUploaded(SlackBotHarness bot, string fileId, ChatFile expected)
    {
        Assert.Equal(expected.FileName, bot.Slack.Reserved[fileId].FileName);
        Assert.Equal(expected.Bytes.Length, bot.Slack.Reserved[fileId].Length);
        Assert.Equal(expected.Bytes, bot.Slack.Uploads[fileId]);
    }

    /// <summary>The files of the last files.completeUploadExternal: (id, title).</summary>
    private static (string Id, string Title)[] Shared(JsonElement complete) =>
        [.. complete.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("id").GetString()!, f.GetProperty("title").GetString()!))];

    [Fact]
    public async Task Public_reply_files_are_uploaded_in_three_steps_and_shared_in_the_channel_after_the_message()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-export", "leaderboard", "U0ADA", bot.Slack.ResponseUrl("r1"));
        Assert.Null((await server.NextAckAsync()).Payload);
        await bot.WaitForCallsAsync("files.completeUploadExternal");

        var order = bot.Slack.Requests.Select(r => r.Method).Where(m => m is "files.getUploadURLExternal" or "upload" or "chat.postMessage" or "files.completeUploadExternal").ToArray();
        Assert.Equal(["files.getUploadURLExternal", "upload", "files.getUploadURLExternal", "upload", "chat.postMessage", "files.completeUploadExternal"], order);
        var complete = bot.LastRequestJson("files.completeUploadExternal");
        Assert.Equal("C0STUDY", complete.GetProperty("channel_id").GetString());
        Assert.False(complete.TryGetProperty("thread_ts", out _));
        var shared = Shared(complete);
        Assert.Equal(["Your participation records (CSV)", "Your participation records (JSON)"], shared.Select(s => s.Title));
        AssertUploaded(bot, shared[0].Id, ExportTestHandler.CsvFile);
        AssertUploaded(bot, shared[1].Id, ExportTestHandler.JsonFile);
        Assert.False(bot.LastRequestForm("files.getUploadURLExternal").ContainsKey("alt_txt"));
        Assert.Equal(ExportTestHandler.Text, bot.Slack.Messages.Single().Text);
    }

    [Fact]
    public async Task Ephemeral_reply_files_go_to_the_members_direct_messages_and_the_reply_says_so()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        bot.Export.Reply = bot.Export.Reply with { Ephemeral = true };

        await server.SendSlashCommandAsync("env-mydata", "leaderboard", "U0BOB", bot.Slack.ResponseUrl("mine"));
        var ack = await server.NextAckAsync();
        var response = await bot.NextResponseAsync();

        Assert.Null(ack.Payload); // files cannot ride on the acknowledgement
        Assert.Equal("U0BOB", bot.LastRequestForm("conversations.open")["users"]);
        var complete = bot.LastRequestJson("files.completeUploadExternal");
        Assert.Equal("DU0BOB", complete.GetProperty("channel_id").GetString());
        var shared = Shared(complete);
        AssertUploaded(bot, shared[0].Id, ExportTestHandler.CsvFile);
        AssertUploaded(bot, shared[1].Id, ExportTestHandler.JsonFile);
        Assert.Equal(0, bot.Slack.CallCount("chat.postMessage"));
        Assert.Equal("ephemeral", response.Body.GetProperty("response_type").GetString());
        var text = response.Body.GetProperty("text").GetString()!;
        Assert.StartsWith(ExportTestHandler.Text, text, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, SlackMessages.FilesSentByDirectMessage, "`mydata.csv`, `mydata.json`"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ephemeral_files_without_im_write_say_why_they_were_not_sent()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        bot.Export.Reply = bot.Export.Reply with { Ephemeral = true };
        bot.Slack.Script("conversations.open", new ScriptedResponse(200, """{"ok":false,"error":"missing_scope","needed":"im:write"}"""));

        await server.SendSlashCommandAsync("env-mydata", "leaderboard", "U0BOB", bot.Slack.ResponseUrl("mine"));
        await server.NextAckAsync();
        var response = await bot.NextResponseAsync();

        var text = response.Body.GetProperty("text").GetString()!;
        Assert.Contains("I could not send you `mydata.csv`, `mydata.json`", text, StringComparison.Ordinal);
        Assert.Contains("conversations.open needs the scope im:write", text, StringComparison.Ordinal);
        Assert.Equal(0, bot.Slack.CallCount("files.getUploadURLExternal"));
    }

    [Fact]
    public async Task PostAsync_files_are_shared_into_the_target_thread()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        var post = new ChatPost
        {
            Target = Channel.InThread("1700000000.000042"),
            Content = new MessageContent { Text = "Group export", Files = [ExportTestHandler.CsvFile] },
            IdempotencyKey = "export-1",
        };

        var result = await bot.Platform.PostAsync(post, CancellationToken.None);

        Assert.True(result.Succeeded);
        var complete = bot.LastRequestJson("files.completeUploadExternal");
        Assert.Equal("C0STUDY", complete.GetProperty("channel_id").GetString());
        Assert.Equal("1700000000.000042", complete.GetProperty("thread_ts").GetString());
        AssertUploaded(bot, Assert.Single(Shared(complete)).Id, ExportTestHandler.CsvFile);
        Assert.Equal("1700000000.000042", bot.Slack.Messages.Single().ThreadTs);
    }

    [Fact]
    public async Task PostAsync_with_only_a_file_posts_its_description_as_the_anchor_message()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);

        var result = await bot.Platform.PostAsync(new ChatPost { Target = Channel, Content = new MessageContent { Files = [ExportTestHandler.CsvFile] } }, CancellationToken.None);

        Assert.Equal(bot.Slack.Messages.Single().Ts, result.Message!.MessageId);
        Assert.Equal(ExportTestHandler.CsvFile.Description, bot.Slack.Messages.Single().Text);
        Assert.Equal(1, bot.Slack.CallCount("files.completeUploadExternal"));
    }

    public static TheoryData<string, MessageContent> OverLimits => new()
    {
        { "five files", new MessageContent { Files = [.. Enumerable.Repeat(ExportTestHandler.CsvFile, ChatLimits.MaxFiles + 1)] } },
        { "a file over 8 MiB", new MessageContent { Files = [ExportTestHandler.CsvFile with { Bytes = new byte[ChatLimits.MaxFileBytes + 1] }] } },
        { "an empty file", new MessageContent { Files = [ExportTestHandler.CsvFile with { Bytes = [] }] } },
    };

    [Theory]
    [MemberData(nameof(OverLimits))]
    public async Task PostAsync_over_the_limits_throws_before_anything_is_sent(string scenario, MessageContent content)
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);

        await Assert.ThrowsAsync<ArgumentException>(() => bot.Platform.PostAsync(new ChatPost { Target = Channel, Content = content, IdempotencyKey = scenario }, CancellationToken.None));

        Assert.Empty(bot.Slack.Requests);
        Assert.Empty(bot.Ledger.Entries);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reply_over_the_limits_is_a_contained_bug_nothing_is_sent_and_the_envelope_is_acked(bool ephemeral)
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        bot.Export.Reply = new ChatReply { Content = new MessageContent { Text = "too many", Files = [.. Enumerable.Repeat(ExportTestHandler.CsvFile, ChatLimits.MaxFiles + 1)] }, Ephemeral = ephemeral };
        var before = bot.Slack.Requests.Count;

        await server.SendSlashCommandAsync("env-over", "leaderboard", "U0ADA", bot.Slack.ResponseUrl("over"));
        var ack = await server.NextAckAsync();
        await bot.Router.DrainAsync();

        Assert.Null(ack.Payload);
        Assert.Equal(before, bot.Slack.Requests.Count(r => r.Method != "users.info"));
        Assert.Contains(bot.Log.Lines, l => l.Contains("/leaderboard for U0ADA failed", StringComparison.Ordinal) && l.Contains("at most 4 files", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("files.getUploadURLExternal", """{"ok":false,"error":"missing_scope","needed":"files:write"}""", 200, "files.getUploadURLExternal needs the scope files:write")]
    [InlineData("files.getUploadURLExternal", """{"ok":false,"error":"file_type_not_allowed"}""", 200, "refused the file's type (file_type_not_allowed)")]
    [InlineData("upload", "", 413, "refused a file as too large (http_413)")]
    public async Task PostAsync_refused_files_come_back_as_a_clear_failure(string step, string body, int status, string expected)
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        if (step == "upload")
        {
            bot.Slack.FailingUploads = 1;
            bot.Slack.FailingUploadStatus = status;
        }
        else
        {
            bot.Slack.Script(step, new ScriptedResponse(status, body));
        }

        var result = await bot.Platform.PostAsync(new ChatPost { Target = Channel, Content = new MessageContent { Files = [ExportTestHandler.CsvFile] } }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, bot.Slack.CallCount("chat.postMessage")); // refused before anything became visible
    }

    [Fact]
    public async Task PostAsync_whose_files_cannot_be_shared_after_the_message_returns_the_message_and_logs_why()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        bot.Slack.ScriptError("files.completeUploadExternal", "is_archived");

        var result = await bot.Platform.PostAsync(new ChatPost { Target = Channel, Content = new MessageContent { Text = "Export", Files = [ExportTestHandler.CsvFile] }, IdempotencyKey = "k" }, CancellationToken.None);

        // The message exists: failing the post would make a retry post it twice.
        Assert.Equal(bot.Slack.Messages.Single().Ts, result.Message!.MessageId);
        Assert.Contains(bot.Log.Lines, l => l.Contains("the message was posted, but its attachments (mydata.csv) could not be shared", StringComparison.Ordinal)
                                            && l.Contains("channel C0STUDY is archived", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_reply_whose_file_is_refused_tells_the_member_why_privately()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        bot.Slack.ScriptError("files.getUploadURLExternal", "file_type_not_allowed");

        await server.SendSlashCommandAsync("env-refused", "leaderboard", "U0ADA", bot.Slack.ResponseUrl("refused"));
        await server.NextAckAsync();
        var response = await bot.NextResponseAsync();

        Assert.Equal(0, bot.Slack.CallCount("chat.postMessage"));
        Assert.Equal("ephemeral", response.Body.GetProperty("response_type").GetString());
        Assert.Contains("I could not post my reply here. Slack refused the file's type", response.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
