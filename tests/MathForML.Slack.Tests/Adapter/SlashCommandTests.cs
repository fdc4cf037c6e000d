using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Slack.Adapter;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>Slash commands over the loopback Socket Mode connection, through a real dispatcher, back in Slack's wire shapes.</summary>
public sealed class SlashCommandTests
{
    [Fact]
    public async Task Organizer_sets_up_a_group_the_ack_is_empty_and_the_public_reply_is_posted_in_the_channel()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-setup", "group setup Europe/Berlin MML group", "U0ADA", bot.Slack.ResponseUrl("r1"));
        var ack = await server.NextAckAsync();
        await bot.WaitForCallsAsync("chat.postMessage");

        Assert.Null(ack.Payload);
        var group = Assert.Single(bot.Groups.Groups);
        Assert.Equal(new ConversationRef(ChatPlatform.Slack, "T0TEAM", "C0STUDY"), group.Home);
        Assert.Equal("Europe/Berlin", group.TimeZoneId);
        var post = bot.LastRequestJson("chat.postMessage");
        Assert.Equal("C0STUDY", post.GetProperty("channel").GetString());
        var section = post.GetProperty("blocks")[0];
        Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
        Assert.Contains("*MML group*", section.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("`/mfml help`", section.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_without_rights_gets_the_organizers_only_answer_ephemerally_through_the_response_url()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-denied", "group setup Europe/Berlin", "U0BOB", bot.Slack.ResponseUrl("r1"));
        var ack = await server.NextAckAsync();
        var response = await bot.NextResponseAsync();

        // The role needs users.info, so the command is acknowledged empty at once and refused from a worker.
        Assert.Null(ack.Payload);
        Assert.Empty(bot.Groups.Groups);
        Assert.Equal("r1", response.Id);
        Assert.Equal("ephemeral", response.Body.GetProperty("response_type").GetString());
        Assert.Equal(SlackText.ToMrkdwn(CommandMessages.OrganizersOnly(CommandCatalog.FindPath("group setup")!)),
            response.Body.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains("`/mfml group setup`", response.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, bot.Slack.CallCount("chat.postMessage"));
    }

    [Theory]
    [InlineData("grup show", "Did you mean `/mfml group`?")]
    [InlineData("", "*MathForML*")]
    [InlineData("help answer", "/mfml answer")]
    public async Task Text_answered_without_state_rides_on_the_acknowledgement(string text, string expected)
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-text", text, "U0ADA", bot.Slack.ResponseUrl("r1"));
        var ack = await server.NextAckAsync();

        var payload = Assert.NotNull(ack.Payload);
        Assert.Equal("ephemeral", payload.GetProperty("response_type").GetString());
        Assert.Contains(expected, payload.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, bot.Slack.CallCount("users.info"));
    }

    [Fact]
    public async Task A_command_that_needs_state_is_acknowledged_empty_at_once_and_answered_through_the_response_url()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-text", "timezone", "U0ADA", bot.Slack.ResponseUrl("r1"));
        var ack = await server.NextAckAsync();
        var response = await bot.NextResponseAsync();

        Assert.Null(ack.Payload);
        Assert.Equal("ephemeral", response.Body.GetProperty("response_type").GetString());
        Assert.Contains("You have no time zone set", response.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_that_comes_after_slacks_deadline_is_still_delivered_and_the_ack_never_waited_for_it()
    {
        // Before: a users.info slower than the 2.5 s safety net left the reply to an envelope already acknowledged,
        // and it was dropped without a log line. Now the acknowledgement goes first and the reply by response_url.
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        var slowSlack = new TaskCompletionSource();
        bot.Slack.Hold("users.info", slowSlack.Task);

        await server.SendSlashCommandAsync("env-late", "timezone", "U0ADA", bot.Slack.ResponseUrl("late"));
        var ack = await server.NextAckAsync();
        await bot.WaitForCallsAsync("users.info");
        bot.Clock.Advance(TimeSpan.FromSeconds(3));
        slowSlack.SetResult();
        var response = await bot.NextResponseAsync();

        Assert.Null(ack.Payload);
        Assert.Equal("late", response.Id);
        Assert.Contains("You have no time zone set", response.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_from_one_member_asks_slack_about_them_once()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        var slowSlack = new TaskCompletionSource();
        bot.Slack.Hold("users.info", slowSlack.Task);

        for (var i = 0; i < 20; i++)
        {
            await server.SendSlashCommandAsync($"env-burst-{i}", "timezone", "U0ADA", bot.Slack.ResponseUrl($"b{i}"));
        }

        for (var i = 0; i < 20; i++)
        {
            await server.NextAckAsync();
        }

        await bot.WaitForCallsAsync("users.info");
        slowSlack.SetResult();
        for (var i = 0; i < 20; i++)
        {
            await bot.NextResponseAsync();
        }

        Assert.Equal(1, bot.Slack.CallCount("users.info"));
    }

    [Fact]
    public async Task Public_reply_with_image_buttons_and_thread_title_is_one_message_a_title_reply_and_a_file_with_alt_text()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-problem", "problem", "U0ADA", bot.Slack.ResponseUrl("r1"));
        Assert.Null((await server.NextAckAsync()).Payload);
        await bot.WaitForCallsAsync("files.completeUploadExternal");

        var posts = bot.Slack.Messages.ToArray();
        Assert.Equal(2, posts.Length);
        var message = posts[0].Request;
        Assert.Null(posts[0].ThreadTs);
        var blocks = message.GetProperty("blocks");
        var text = blocks[0].GetProperty("text").GetProperty("text").GetString()!;
        Assert.StartsWith("*Problem 1*: compute d/dx relu(x) for x &lt; 0 &amp; x &gt; 0, due <!date^1767607200^{date_short_pretty} {time}|Mon 5 Jan 2026 10:00 UTC> (<!date^1767607200^{ago}|", text, StringComparison.Ordinal);
        var actions = blocks[1];
        Assert.Equal("actions", actions.GetProperty("type").GetString());
        Assert.Equal(["hint", "answer"], actions.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("action_id").GetString()!));
        Assert.StartsWith(SlackBlocks.FormValuePrefix, actions.GetProperty("elements")[1].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("primary", actions.GetProperty("elements")[1].GetProperty("style").GetString());
        Assert.Equal(posts[0].Ts, posts[1].ThreadTs);
        Assert.Equal("*" + TestHandlers.ThreadTitle + "*", posts[1].Text);
        var upload = bot.LastRequestForm("files.getUploadURLExternal");
        Assert.Equal(TestHandlers.AltText, upload["alt_txt"]);
        Assert.Equal("C0STUDY", bot.LastRequestJson("files.completeUploadExternal").GetProperty("channel_id").GetString());
        Assert.Equal(TestHandlers.Png, Assert.Single(bot.Slack.Uploads.Values));
    }

    [Fact]
    public async Task The_warm_up_before_connecting_sends_nothing_anywhere()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        await server.SendSlashCommandAsync("env-first", "help", "U0ADA", bot.Slack.ResponseUrl("first"));
        var ack = await server.NextAckAsync();

        // The first acknowledgement on the wire is the member's own; the warm-up reached no worker, Slack or store.
        Assert.Equal("env-first", ack.EnvelopeId);
        Assert.Equal(0, bot.Slack.CallCount("users.info"));
        Assert.Equal(0, bot.Slack.CallCount("chat.postEphemeral"));
        Assert.False(bot.Slack.Responses.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Slow_command_is_acknowledged_empty_at_once_and_answered_later_through_the_response_url()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-slow", "hint", "U0ADA", bot.Slack.ResponseUrl("slow"));
        var ack = await server.NextAckAsync();
        bot.SlowHint.Release.SetResult();
        var response = await bot.NextResponseAsync();

        Assert.Null(ack.Payload);
        Assert.Equal("slow", response.Id);
        Assert.Equal("ephemeral", response.Body.GetProperty("response_type").GetString());
        Assert.Equal(SlowHintHandler.HintText, response.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_failing_handler_is_answered_with_the_internal_error_and_the_next_command_still_works()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-bug", "stats", "U0ADA", bot.Slack.ResponseUrl("r1"));
        await server.NextAckAsync();
        var failed = await bot.NextResponseAsync();
        await server.SendSlashCommandAsync("env-after", "timezone", "U0ADA", bot.Slack.ResponseUrl("r2"));
        await server.NextAckAsync();
        var next = await bot.NextResponseAsync();

        Assert.Contains("Something went wrong while running `/mfml stats`", failed.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("time zone", next.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_reply_where_the_bot_is_not_in_the_channel_goes_through_the_response_url_in_channel()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        bot.Slack.ScriptError("chat.postMessage", "not_in_channel");

        await server.SendSlashCommandAsync("env-outside", "group setup UTC", "U0ADA", bot.Slack.ResponseUrl("out"));
        await server.NextAckAsync();
        var response = await bot.NextResponseAsync();

        Assert.Equal("in_channel", response.Body.GetProperty("response_type").GetString());
        Assert.Contains("is set up in this channel", response.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mention_in_a_thread_runs_the_command_with_the_thread_and_answers_there()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendAsync(new
        {
            envelope_id = "env-mention",
            type = "events_api",
            accepts_response_payload = false,
            payload = new
            {
                team_id = "T0TEAM",
                type = "event_callback",
                event_id = "Ev-mention",
                @event = new { type = "app_mention", user = "U0ADA", text = "<@U0BOT> problem", channel = "C0STUDY", ts = "1700000001.000001", thread_ts = "1700000000.999999" },
            },
        });
        await server.NextAckAsync();
        await bot.WaitForCallsAsync("files.completeUploadExternal");

        var first = bot.Slack.Messages.First();
        Assert.Equal("1700000000.999999", first.ThreadTs);
        Assert.Equal("1700000000.999999", bot.LastRequestJson("files.completeUploadExternal").GetProperty("thread_ts").GetString());
        Assert.Equal(1, bot.Slack.CallCount("chat.postMessage")); // a thread cannot hold another thread: no title reply
    }
}
