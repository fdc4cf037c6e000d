using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Slack.Tests.Loopback;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>
/// Replies in channel threads reach Core's <see cref="IThreadActivity"/> (message.channels / message.groups events over
/// the loopback Socket Mode connection, and signed HTTP-mode requests); nothing else does.
/// </summary>
public sealed class ThreadMessageTests
{
    private const string Parent = "1700000000.000100";
    private const string ReplyTs = "1700000123.456789";

    /// <summary>The inner <c>event</c> of a thread reply as Slack sends it; <paramref name="change"/> adjusts it per scenario.</summary>
    private static Dictionary<string, object?> Reply(string channelType = "channel", string channel = "C0STUDY", string ts = ReplyTs, string text = "why is x &lt; 0 &amp; not 0?") => new()
    {
        ["type"] = "message",
        ["user"] = "U0ADA",
        ["text"] = text,
        ["channel"] = channel,
        ["channel_type"] = channelType,
        ["ts"] = ts,
        ["thread_ts"] = Parent,
        ["event_ts"] = ts,
    };

    private static object Envelope(string id, Dictionary<string, object?> inner) => new
    {
        envelope_id = "env-" + id,
        type = "events_api",
        accepts_response_payload = false,
        payload = new { team_id = "T0TEAM", api_app_id = "A0TEST", type = "event_callback", event_id = "Ev-" + id, event_time = 1_700_000_123, @event = inner },
    };

    [Theory]
    [InlineData("channel", "C0STUDY")]
    [InlineData("group", "G0PRIVATE")]
    public async Task Thread_reply_reaches_thread_activity_with_thread_author_time_and_text(string channelType, string channel)
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendAsync(Envelope("reply", Reply(channelType, channel)));
        var ack = await server.NextAckAsync();
        await bot.Threads.WaitForCallsAsync(1);

        Assert.Equal("env-reply", ack.EnvelopeId);
        var recorded = Assert.Single(bot.Threads.Recorded);
        Assert.Equal(new ConversationRef(ChatPlatform.Slack, "T0TEAM", channel, Parent), recorded.Thread);
        Assert.Equal(ReplyTs, recorded.MessageId);
        Assert.Equal(new MemberRef(ChatPlatform.Slack, "U0ADA", "Ada Lovelace"), recorded.Author);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 15, 23, TimeSpan.Zero).AddTicks(4_567_890), recorded.SentAt);
        Assert.Equal("why is x < 0 & not 0?", recorded.Text);
        Assert.Null(recorded.ReplyToMessageId);
        Assert.Equal(0, bot.Slack.CallCount("chat.postMessage") + bot.Slack.CallCount("chat.postEphemeral")); // never a command
    }

    /// <summary>"Also send to channel" replies, and replies carrying a file (a photo of one's working), are new messages.</summary>
    [Theory]
    [InlineData("thread_broadcast")]
    [InlineData("file_share")]
    public async Task Reply_with_a_person_subtype_counts_once_as_a_thread_message(string subtype)
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        var broadcast = Reply();
        broadcast["subtype"] = subtype;

        await server.SendAsync(Envelope("broadcast", broadcast));
        await bot.Threads.WaitForCallsAsync(1);

        Assert.Equal(ReplyTs, Assert.Single(bot.Threads.Recorded).MessageId);
    }

    [Theory]
    [InlineData("parent")]
    [InlineData("top-level")]
    [InlineData("bot")]
    [InlineData("own-bot-user")]
    [InlineData("edit")]
    [InlineData("delete")]
    [InlineData("join")]
    [InlineData("dm")]
    public async Task Messages_that_are_not_a_persons_new_reply_in_a_channel_thread_are_not_reported(string scenario)
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        var inner = Reply(ts: "1700000050.000001");
        switch (scenario)
        {
            case "parent": inner["ts"] = Parent; break;
            case "top-level": inner.Remove("thread_ts"); break;
            case "bot": inner["bot_id"] = "B0OTHER"; inner["user"] = "U0OTHERBOT"; break;
            case "own-bot-user": inner["user"] = "U0BOT"; break;
            case "edit":
                inner["subtype"] = "message_changed";
                inner["message"] = new { type = "message", user = "U0ADA", text = "edited", ts = "1700000050.000001", thread_ts = Parent };
                break;
            case "delete": inner["subtype"] = "message_deleted"; inner["deleted_ts"] = "1700000050.000001"; break;
            case "join": inner["subtype"] = "channel_join"; break;
            case "dm": inner["channel_type"] = "im"; inner["channel"] = "D0ADA"; inner["text"] = "timezone"; break;
        }

        await server.SendAsync(Envelope("ignored", inner));
        await server.NextAckAsync();
        // A real reply after it: once that one is recorded and every delivery drained, the first had its chance.
        await server.SendAsync(Envelope("sentinel", Reply(text: "sentinel")));
        await bot.Threads.WaitForCallsAsync(1);
        await bot.Router.DrainAsync();

        Assert.Equal("sentinel", Assert.Single(bot.Threads.Recorded).Text);
    }

    [Fact]
    public async Task A_mention_in_a_thread_runs_the_command_and_is_recorded_once_from_its_message_event()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        var message = Reply(text: "<@U0BOT> group show");
        var mention = new Dictionary<string, object?>(message) { ["type"] = "app_mention" };
        mention.Remove("channel_type");

        await server.SendAsync(Envelope("mention", mention));
        await server.SendAsync(Envelope("message", message));
        await bot.WaitForCallsAsync("chat.postEphemeral");
        await bot.Threads.WaitForCallsAsync(1);
        await bot.Router.DrainAsync();

        Assert.Equal("<@U0BOT> group show", Assert.Single(bot.Threads.Recorded).Text);
        Assert.Equal(1, bot.Slack.CallCount("chat.postEphemeral"));
        Assert.Equal(Parent, bot.LastRequestJson("chat.postEphemeral").GetProperty("thread_ts").GetString());
    }

    [Fact]
    public async Task A_throwing_thread_activity_is_logged_the_envelope_is_acked_and_the_next_reply_is_recorded()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        bot.Threads.FailNext(1);

        await server.SendAsync(Envelope("fails", Reply(ts: "1700000050.000001")));
        var ack = await server.NextAckAsync();
        await bot.Threads.WaitForCallsAsync(1);
        await server.SendAsync(Envelope("works", Reply()));
        await server.NextAckAsync();
        await bot.Threads.WaitForCallsAsync(2);
        await bot.Router.DrainAsync();

        Assert.Equal("env-fails", ack.EnvelopeId);
        Assert.Equal(ReplyTs, Assert.Single(bot.Threads.Recorded).MessageId);
        var line = Assert.Single(bot.Log.Lines, l => l.Contains("could not be recorded", StringComparison.Ordinal));
        Assert.Contains("1700000050.000001", line, StringComparison.Ordinal);
        Assert.Contains("thread log exploded", line, StringComparison.Ordinal);
        Assert.False(bot.State.IsStopped);
    }

    [Fact]
    public async Task Http_mode_thread_reply_is_acknowledged_and_recorded()
    {
        await using var bot = await SlackBotHarness.StartAsync(SlackMode.Http);
        var body = JsonSerializer.Serialize(new
        {
            type = "event_callback",
            team_id = "T0TEAM",
            event_id = "Ev-http",
            event_time = 1_700_000_123,
            @event = Reply(),
        });
        var ts = bot.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackBotHarness.SigningSecret), Encoding.UTF8.GetBytes("v0:" + ts + ":" + body)));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.Bot.HttpAddress!, "slack/events")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);

        using var response = await http.SendAsync(request);
        await bot.Threads.WaitForCallsAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(bot.Threads.Recorded);
        Assert.Equal(new ConversationRef(ChatPlatform.Slack, "T0TEAM", "C0STUDY", Parent), recorded.Thread);
        Assert.Equal("Ada Lovelace", recorded.Author.DisplayName);
    }
}
