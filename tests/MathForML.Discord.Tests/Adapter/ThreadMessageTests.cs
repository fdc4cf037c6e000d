using System.Text.Json.Nodes;
using MathForML.Core.Chat;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>Members' messages in threads, from MESSAGE_CREATE over the loopback gateway to <see cref="IThreadActivity"/>.</summary>
public abstract class ThreadMessageTestBase : BotTestBase
{
    internal const string PlainChannel = "555555555555555556";
    internal const string OlderThread = "666666666666666667";

    internal static readonly LoopbackAuthor Ada = new("42", "ada", "Ada", Nick: "Ada L.");
    internal static readonly LoopbackAuthor Bob = new("43", "bob", "Bob");
    internal static readonly DateTimeOffset Asked = new(2026, 1, 5, 18, 30, 15, TimeSpan.Zero);

    internal static ConversationRef InThread(string thread = Thread) => new(ChatPlatform.Discord, LoopbackDiscord.GuildId, Channel, thread);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Server.DispatchGuildCreateAsync(
            [Server.AddTextChannel(Channel), Server.AddTextChannel(PlainChannel, "general")],
            [Server.AddThread(Thread, Channel)]);
    }

    /// <summary>Waits until <paramref name="count"/> messages were recorded.</summary>
    internal Task RecordedAsync(int count) => Eventually.HoldsAsync(() => ThreadActivity.Received.Count >= count, $"{count} recorded thread messages");

    internal IReadOnlyList<RestRecord> ChannelLookups(string channelId) =>
        [.. Server.Requests.Where(r => r.Method == "GET" && r.Route == $"channels/{channelId}")];
}

public sealed class ThreadMessageTests : ThreadMessageTestBase
{
    [Fact]
    public async Task A_members_message_in_a_known_thread_is_recorded_with_thread_author_time_and_no_text_without_the_content_intent()
    {
        var question = await Server.DispatchMessageAsync(Thread, Ada, Asked, "Why is ReLU not differentiable at 0?");
        var answer = await Server.DispatchMessageAsync(Thread, Bob, Asked.AddMinutes(4), "The one-sided slopes differ.", replyTo: question);
        await RecordedAsync(2);

        var received = ThreadActivity.Received;
        Assert.Equal(new ThreadMessage(InThread(), question, new MemberRef(ChatPlatform.Discord, "42", "Ada L."), Asked), received[0]);
        Assert.Equal(new ThreadMessage(InThread(), answer, new MemberRef(ChatPlatform.Discord, "43", "Bob"), Asked.AddMinutes(4)) { ReplyToMessageId = question },
            received[1]);
        Assert.All(received, m => Assert.Null(m.Text));
        Assert.Empty(ChannelLookups(Thread));
    }

    public static TheoryData<string?, string?, string> Names => new()
    {
        { "Ada L.", "Ada", "Ada L." },
        { null, "Ada", "Ada" },
        { null, null, "ada" },
        { " ", null, "ada" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_author_is_named_by_server_nickname_then_display_name_then_username(string? nick, string? globalName, string expected)
    {
        await Server.DispatchMessageAsync(Thread, new LoopbackAuthor("42", "ada", globalName, nick), Asked, "?");
        await RecordedAsync(1);

        Assert.Equal(expected, Assert.Single(ThreadActivity.Received).Author.DisplayName);
    }

    public static TheoryData<string> NotReported => ["bot", "system user", "webhook", "our application", "direct message", "plain channel", "member joined", "pinned", "thread starter"];

    [Theory]
    [MemberData(nameof(NotReported))]
    public async Task Messages_that_are_not_a_persons_message_in_a_thread_are_not_reported(string kind)
    {
        var skipped = kind switch
        {
            "bot" => Server.DispatchMessageAsync(Thread, new LoopbackAuthor("50", "otherbot", Bot: true), Asked, "beep"),
            "system user" => Server.DispatchMessageAsync(Thread, new LoopbackAuthor("643945264868098049", "Discord", System: true), Asked, "notice"),
            "webhook" => Server.DispatchMessageAsync(Thread, new LoopbackAuthor("51", "Feed"), Asked, "news", webhookId: "52"),
            "our application" => Server.DispatchMessageAsync(Thread, new LoopbackAuthor(LoopbackDiscord.BotUserId, "mathbot"), Asked, "reply",
                applicationId: LoopbackDiscord.ApplicationId),
            "direct message" => Server.DispatchMessageAsync(Thread, Ada, Asked, "hi", inGuild: false),
            "plain channel" => Server.DispatchMessageAsync(PlainChannel, Ada, Asked, "hello?"),
            "member joined" => Server.DispatchMessageAsync(Thread, Ada, Asked, "", type: 7),
            "pinned" => Server.DispatchMessageAsync(Thread, Ada, Asked, "", type: 6),
            _ => Server.DispatchMessageAsync(Thread, Ada, Asked, "", type: 21),
        };
        await skipped;

        // Messages are recorded in order: once the next one arrives, the first was decided.
        var next = await Server.DispatchMessageAsync(Thread, Bob, Asked.AddSeconds(1), "a real message");
        await RecordedAsync(1);
        await IdleAsync();
        Assert.Equal(next, Assert.Single(ThreadActivity.Received).MessageId);
        Assert.Empty(ChannelLookups(PlainChannel));
    }

    [Fact]
    public async Task A_thread_older_than_the_session_is_looked_up_once_and_remembered()
    {
        Server.AddThread(OlderThread, Channel, type: 12);

        var first = await Server.DispatchMessageAsync(OlderThread, Ada, Asked, "first");
        var second = await Server.DispatchMessageAsync(OlderThread, Bob, Asked.AddSeconds(5), "second");
        await RecordedAsync(2);

        Assert.Equal([first, second], ThreadActivity.Received.Select(m => m.MessageId));
        Assert.All(ThreadActivity.Received, m => Assert.Equal(InThread(OlderThread), m.Thread));
        Assert.Single(ChannelLookups(OlderThread));
    }

    [Fact]
    public async Task An_unknown_channel_that_is_not_a_thread_is_looked_up_once_and_never_reported()
    {
        const string Other = "555555555555555557";
        Server.AddTextChannel(Other, "off-topic");

        await Server.DispatchMessageAsync(Other, Ada, Asked, "one");
        await Server.DispatchMessageAsync(Other, Ada, Asked, "two");
        var sentinel = await Server.DispatchMessageAsync(Thread, Bob, Asked, "in the thread");
        await RecordedAsync(1);

        Assert.Equal(sentinel, Assert.Single(ThreadActivity.Received).MessageId);
        Assert.Single(ChannelLookups(Other));
    }

    public static TheoryData<string> ThreadEvents => ["THREAD_CREATE", "THREAD_UPDATE", "THREAD_LIST_SYNC"];

    [Theory]
    [MemberData(nameof(ThreadEvents))]
    public async Task A_thread_announced_by_the_gateway_needs_no_lookup(string eventType)
    {
        var thread = Server.AddThread(OlderThread, Channel);
        await (eventType == "THREAD_LIST_SYNC"
            ? Server.DispatchThreadListSyncAsync([Channel], [thread])
            : Server.DispatchThreadEventAsync(eventType, thread));

        await Server.DispatchMessageAsync(OlderThread, Ada, Asked, "new thread, new question");
        await RecordedAsync(1);

        Assert.Equal(InThread(OlderThread), Assert.Single(ThreadActivity.Received).Thread);
        Assert.Empty(ChannelLookups(OlderThread));
    }

    [Fact]
    public async Task A_message_in_a_deleted_thread_that_discord_no_longer_knows_is_not_reported()
    {
        await Server.DispatchThreadEventAsync("THREAD_DELETE", new JsonObject { ["id"] = OlderThread, ["parent_id"] = Channel, ["type"] = 11 });

        await Server.DispatchMessageAsync(OlderThread, Ada, Asked, "late");
        var sentinel = await Server.DispatchMessageAsync(Thread, Bob, Asked, "here");
        await RecordedAsync(1);

        Assert.Equal(sentinel, Assert.Single(ThreadActivity.Received).MessageId);
        Assert.Single(ChannelLookups(OlderThread));
    }

    [Fact]
    public async Task A_failing_thread_activity_is_logged_and_the_next_message_still_arrives()
    {
        string? failing = null;
        ThreadActivity.Before = m =>
        {
            if (m.MessageId == failing)
            {
                throw new InvalidOperationException("participation log is down");
            }
        };

        failing = await Server.DispatchMessageAsync(Thread, Ada, Asked, "lost");
        var next = await Server.DispatchMessageAsync(Thread, Bob, Asked.AddSeconds(1), "kept");
        await RecordedAsync(1);

        Assert.Equal(next, Assert.Single(ThreadActivity.Received).MessageId);
        Assert.Contains(Logger.Entries, e => e.Id.Id == 4011 && e.Text.Contains(failing, StringComparison.Ordinal)
            && e.Text.Contains("participation log is down", StringComparison.Ordinal));
        Assert.False(Bot.Stopped.IsCompleted);
    }

    [Fact]
    public void The_bot_identifies_with_guilds_and_guild_messages_but_no_privileged_intent()
    {
        var identify = Server.Connection(0).ReceivedOp(2).Single().Data;

        Assert.Equal((int)(GatewayIntents.Guilds | GatewayIntents.GuildMessages), identify.GetProperty("intents").GetInt32());
    }
}

public sealed class ThreadMessageContentTests : ThreadMessageTestBase
{
    internal override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Discord:Intents"] = "Guilds, GuildMessages, MessageContent",
        ["Discord:AllowPrivilegedIntents"] = "true",
    };

    [Fact]
    public async Task With_the_message_content_intent_the_text_is_passed_on()
    {
        await Server.DispatchMessageAsync(Thread, Ada, Asked, "Why is ReLU not differentiable at 0?", withContent: true);
        await Server.DispatchMessageAsync(Thread, Bob, Asked, "", withContent: true);
        await RecordedAsync(2);

        Assert.Equal(["Why is ReLU not differentiable at 0?", ""], ThreadActivity.Received.Select(m => m.Text));
        var identify = Server.Connection(0).ReceivedOp(2).Single().Data;
        Assert.Equal((int)(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent), identify.GetProperty("intents").GetInt32());
    }
}
