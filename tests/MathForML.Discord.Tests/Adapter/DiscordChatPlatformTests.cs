using System.Globalization;
using System.Text.Json.Nodes;
using MathForML.Core.Chat;
using MathForML.Discord.Adapter;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>Scheduled posts through <see cref="DiscordChatPlatform"/> against the loopback REST API.</summary>
public sealed class DiscordChatPlatformTests : BotTestBase
{
    private const string Key = "problem:group-1:2026-01-05";

    internal override bool StartBot => false;

    private static ConversationRef Target(string? thread = null) => new(ChatPlatform.Discord, LoopbackDiscord.GuildId, Channel, thread);

    private static ChatPost Post(string? key = Key, string? threadTitle = "Problem 3 discussion", ConversationRef? target = null) => new()
    {
        Target = target ?? Target(),
        Content = TestHandlers.ProblemContent,
        ThreadTitle = threadTitle,
        IdempotencyKey = key,
    };

    private IReadOnlyList<RestRecord> Creates(string channel = Channel) =>
        [.. Server.Requests.Where(r => r.Method == "POST" && r.Route == $"channels/{channel}/messages")];

    [Fact]
    public async Task The_daily_problem_is_one_embed_with_its_image_alt_text_buttons_and_a_thread()
    {
        var result = await Platform.PostAsync(Post(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var create = Assert.Single(Creates());
        var payload = create.Json!.Value;
        var embed = Assert.Single(payload.GetProperty("embeds").EnumerateArray());
        Assert.Equal(TestHandlers.ProblemText, embed.GetProperty("description").GetString());
        Assert.Equal("attachment://problem_3.png", embed.GetProperty("image").GetProperty("url").GetString());
        Assert.Contains(DiscordPostKey.Nonce(Key), embed.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.False(embed.TryGetProperty("title", out _));
        Assert.Equal("problem_3.png", Assert.Single(create.Files).FileName);
        Assert.Equal(TestHandlers.Png, create.Files[0].Content);
        Assert.Equal(@"\frac{d}{dx} \max(x, 0)", payload.GetProperty("attachments")[0].GetProperty("description").GetString());
        Assert.Equal(["hint", "answer"], payload.GetProperty("components")[0].GetProperty("components").EnumerateArray().Select(b => b.GetProperty("custom_id").GetString()));
        Assert.Equal((DiscordPostKey.Nonce(Key), true), (payload.GetProperty("nonce").GetString(), payload.GetProperty("enforce_nonce").GetBoolean()));
        var thread = Assert.Single(Server.Requests, r => r.Route.EndsWith("/threads", StringComparison.Ordinal));
        Assert.Equal(("Problem 3 discussion", 1440), (thread.Json!.Value.GetProperty("name").GetString(), thread.Json!.Value.GetProperty("auto_archive_duration").GetInt32()));
        Assert.Equal(result.Message!.MessageId, result.Message.ThreadId);
        Assert.Equal(result.Message, Ledger.Entries.Single().Message);
    }

    [Fact]
    public async Task Time_tokens_are_left_for_discord_to_render_in_the_readers_time_zone()
    {
        await Platform.PostAsync(Post(key: null, threadTitle: null), CancellationToken.None);

        var description = Creates()[0].Json!.Value.GetProperty("embeds")[0].GetProperty("description").GetString();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<t:{TestHandlers.Deadline.ToUnixTimeSeconds()}:R>"), description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_into_a_thread_goes_to_the_thread_channel_and_opens_no_new_thread()
    {
        var result = await Platform.PostAsync(Post(target: Target(Thread)), CancellationToken.None);

        Assert.Single(Creates(Thread));
        Assert.DoesNotContain(Server.Requests, r => r.Route.EndsWith("/threads", StringComparison.Ordinal));
        Assert.Equal(Thread, result.Message!.ThreadId);
    }

    [Fact]
    public async Task A_key_already_posted_sends_nothing_the_second_time()
    {
        var first = await Platform.PostAsync(Post(), CancellationToken.None);
        var second = await Platform.PostAsync(Post(), CancellationToken.None);

        Assert.Equal(first.Message, second.Message);
        Assert.Single(Creates());
    }

    [Fact]
    public async Task A_key_started_within_the_nonce_window_is_resent_with_the_same_nonce_and_discord_returns_the_first_message()
    {
        await Platform.PostAsync(Post(), CancellationToken.None);
        await Ledger.ForgetPostedAsync(Key);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var retry = await Platform.PostAsync(Post(), CancellationToken.None);

        Assert.Equal(2, Creates().Count);
        var stored = Assert.Single(Server.MessagesIn(Channel));
        Assert.Equal(stored["id"]!.GetValue<string>(), retry.Message!.MessageId);
        Assert.Equal(retry.Message.MessageId, retry.Message.ThreadId);
        Assert.Equal(retry.Message, Ledger.Entries.Single().Message);
    }

    [Fact]
    public async Task A_key_started_long_ago_is_found_in_the_channel_history_by_its_marker()
    {
        await Platform.PostAsync(Post(), CancellationToken.None);
        var posted = Ledger.Entries.Single();
        await Ledger.ForgetPostedAsync(Key);
        Server.EnforceNonces = false;
        Clock.Advance(TimeSpan.FromHours(1));

        var retry = await Platform.PostAsync(Post(), CancellationToken.None);

        Assert.Single(Creates());
        Assert.Contains(Server.Requests, r => r.Method == "GET" && r.Route == $"channels/{Channel}/messages");
        Assert.Equal(posted.Message!.MessageId, retry.Message!.MessageId);
        Assert.Equal(posted.Message.MessageId, retry.Message.ThreadId);
    }

    [Fact]
    public async Task A_key_started_long_ago_and_not_in_the_history_is_sent()
    {
        await Ledger.MarkStartedAsync(ChatPlatform.Discord, Key, Clock.GetUtcNow(), CancellationToken.None);
        Server.Seed(Channel, new JsonObject { ["content"] = "someone else's message" }, authorId: "42");
        Server.Seed(Channel, new JsonObject { ["embeds"] = new JsonArray(new JsonObject { ["description"] = "another post", ["url"] = "https://example.org/?mathforml-post=kother" }) });
        Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await Platform.PostAsync(Post(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(Creates());
        Assert.Equal(3, Server.MessagesIn(Channel).Count);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { nameof(ChannelFailure.MissingAccess), DiscordMessages.PostMissingAccessFormat },
        { nameof(ChannelFailure.MissingPermissions), DiscordMessages.PostMissingPermissionsFormat },
        { nameof(ChannelFailure.UnknownChannel), DiscordMessages.PostUnknownChannelFormat },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Platform_errors_come_back_as_failed_posts_with_a_clear_message(string failure, string format)
    {
        Server.ChannelFailures[Channel] = failure switch
        {
            nameof(ChannelFailure.MissingAccess) => ChannelFailure.MissingAccess,
            nameof(ChannelFailure.MissingPermissions) => ChannelFailure.MissingPermissions,
            _ => ChannelFailure.UnknownChannel,
        };

        var result = await Platform.PostAsync(Post(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, format, Channel), result.Error);
        Assert.Null(Ledger.Entries.Single().Message);
    }

    [Fact]
    public async Task Rate_limits_past_the_retry_limit_come_back_as_a_failed_post()
    {
        Server.Misbehave = r => r.Method == "POST" ? new CannedReply(429, new { message = "You are being rate limited.", retry_after = 0.0, global = false }) : null;

        var result = await Eventually.PumpAsync(Clock, Platform.PostAsync(Post(key: null), CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(string.Format(CultureInfo.InvariantCulture, DiscordMessages.PostRateLimitedFormat, Channel), result.Error);
    }

    [Fact]
    public async Task A_rejected_token_comes_back_as_a_failed_post_and_stops_the_client()
    {
        Server.Misbehave = _ => new CannedReply(401, new { message = "401: Unauthorized", code = 0 });

        var first = await Platform.PostAsync(Post(key: null), CancellationToken.None);
        var second = await Platform.PostAsync(Post(key: null), CancellationToken.None);

        Assert.Equal((DiscordMessages.Unauthorized, DiscordMessages.ClientStopped), (first.Error, second.Error));
    }

    [Fact]
    public async Task A_post_for_another_platform_is_refused()
    {
        var result = await Platform.PostAsync(Post() with { Target = new ConversationRef(ChatPlatform.Slack, "T1", "C1") }, CancellationToken.None);

        Assert.Equal(DiscordMessages.PostWrongPlatform, result.Error);
        Assert.Empty(Server.Requests);
    }
}
