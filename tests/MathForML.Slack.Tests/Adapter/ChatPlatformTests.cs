using MathForML.Core.Chat;
using MathForML.Slack.Adapter;

namespace MathForML.Slack.Tests.Adapter;

/// <summary><see cref="SlackChatPlatform.PostAsync"/>: layout, threads, exactly-once with the ledger, failures as values.</summary>
public sealed class ChatPlatformTests
{
    private static readonly ConversationRef Channel = new(ChatPlatform.Slack, "T0TEAM", "C0STUDY");

    private static ChatPost Post(string? key = "problem-2026-01-05", ConversationRef? target = null) => new()
    {
        Target = target ?? Channel,
        Content = TestHandlers.Problem,
        ThreadTitle = TestHandlers.ThreadTitle,
        IdempotencyKey = key,
    };

    [Fact]
    public async Task Post_with_image_buttons_and_thread_title_returns_the_message_as_its_thread_and_records_it()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);

        var result = await bot.Platform.PostAsync(Post(), CancellationToken.None);

        var message = Assert.IsType<PostedMessage>(result.Message);
        var anchor = bot.Slack.Messages.First();
        Assert.Equal(new PostedMessage(Channel, anchor.Ts, anchor.Ts), message);
        Assert.Equal("mathforml_post", anchor.Request.GetProperty("metadata").GetProperty("event_type").GetString());
        Assert.Equal("problem-2026-01-05", anchor.Request.GetProperty("metadata").GetProperty("event_payload").GetProperty("key").GetString());
        Assert.Equal(1, bot.Slack.CallCount("files.completeUploadExternal"));
        Assert.Equal(message, Assert.Single(bot.Ledger.Entries).Message);
    }

    [Fact]
    public async Task Second_post_with_the_same_key_sends_nothing()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        var first = await bot.Platform.PostAsync(Post(), CancellationToken.None);
        var calls = bot.Slack.Requests.Count;

        var second = await bot.Platform.PostAsync(Post(), CancellationToken.None);

        Assert.Equal(first.Message, second.Message);
        Assert.Equal(calls, bot.Slack.Requests.Count);
    }

    [Fact]
    public async Task Started_but_unknown_key_found_in_history_is_not_sent_again()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        var earlier = bot.Slack.Seed("C0STUDY", "Problem 1", "problem-2026-01-05");
        await bot.Ledger.MarkStartedAsync(ChatPlatform.Slack, "problem-2026-01-05", bot.Clock.GetUtcNow(), CancellationToken.None);

        var result = await bot.Platform.PostAsync(Post(), CancellationToken.None);

        Assert.Equal(earlier.Ts, result.Message!.MessageId);
        Assert.Equal(0, bot.Slack.CallCount("chat.postMessage"));
        Assert.Equal("true", bot.LastRequestForm("conversations.history")["include_all_metadata"]);
        Assert.NotNull(Assert.Single(bot.Ledger.Entries).Message);
    }

    [Fact]
    public async Task Started_but_unknown_key_missing_from_history_is_sent_into_the_target_thread()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        bot.Slack.Seed("C0STUDY", "someone else's", "another-key");
        await bot.Ledger.MarkStartedAsync(ChatPlatform.Slack, "reminder-3", bot.Clock.GetUtcNow(), CancellationToken.None);

        var result = await bot.Platform.PostAsync(Post("reminder-3", Channel.InThread("1700000000.000042")) with { ThreadTitle = null }, CancellationToken.None);

        Assert.Equal("1700000000.000042", result.Message!.ThreadId);
        Assert.Equal("1700000000.000042", bot.LastRequestJson("chat.postMessage").GetProperty("thread_ts").GetString());
        Assert.Equal("1700000000.000042", bot.LastRequestForm("conversations.replies")["ts"]);
    }

    [Theory]
    [InlineData("not_in_channel", null, "not a member of channel C0STUDY")]
    [InlineData("channel_not_found", null, "channel C0STUDY does not exist")]
    [InlineData("missing_scope", "chat:write", "chat.postMessage needs the scope chat:write")]
    [InlineData("is_archived", null, "channel C0STUDY is archived")]
    public async Task Slack_errors_come_back_as_failed_results_with_a_clear_message(string code, string? needed, string expected)
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        bot.Slack.Script("chat.postMessage", new Loopback.ScriptedResponse(200, System.Text.Json.JsonSerializer.Serialize(new { ok = false, error = code, needed })));

        var result = await bot.Platform.PostAsync(Post(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(bot.State.IsStopped);
    }

    [Fact]
    public async Task Revoked_token_stops_the_adapter_and_later_posts_fail_fast()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        bot.Slack.ScriptError("chat.postMessage", "token_revoked");

        var first = await bot.Platform.PostAsync(Post(), CancellationToken.None);
        var calls = bot.Slack.Requests.Count;
        var second = await bot.Platform.PostAsync(Post("other"), CancellationToken.None);

        Assert.Contains("token_revoked", first.Error, StringComparison.Ordinal);
        Assert.True(bot.State.IsStopped);
        Assert.StartsWith("Slack: the adapter has stopped", second.Error, StringComparison.Ordinal);
        Assert.Equal(calls, bot.Slack.Requests.Count);
    }

    [Fact]
    public async Task Rate_limit_exhausted_is_a_failed_result()
    {
        await using var bot = await SlackBotHarness.StartAsync(start: false);
        bot.Slack.Script("chat.postMessage", new Loopback.ScriptedResponse(429, "{}", "3600"));

        var result = await bot.Platform.PostAsync(Post(), CancellationToken.None);

        Assert.Contains("still rate limited", result.Error, StringComparison.Ordinal);
    }
}
