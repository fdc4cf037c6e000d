using MathForML.Slack.SocketMode;
using MathForML.Slack.Tests.Loopback;

namespace MathForML.Slack.Tests;

public sealed class SocketModeConnectionTests
{
    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task Refresh_opens_a_new_connection_before_the_old_one_closes_and_loses_nothing(string reason)
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var old = await slack.NextConnectionAsync();

        await old.SendDisconnectAsync(reason);
        var fresh = await slack.NextConnectionAsync();
        var oldStillOpen = old.IsOpen;
        await old.SendEventAsync("env-on-old", "EvOld");
        var onOld = await clients.NextEnvelopeAsync();
        await onOld.AckAsync();
        var oldAck = await old.NextAckAsync();
        await fresh.SendEventAsync("env-resent-on-new", "EvOld", retryAttempt: 1);
        var resentAck = await fresh.NextAckAsync();
        await old.CloseAsync();
        await old.Closed.WaitAsync(TestWait.Limit);
        await fresh.SendEventAsync("env-on-new", "EvNew");
        var onNew = await clients.NextEnvelopeAsync();

        Assert.True(oldStillOpen);
        Assert.NotEqual(old.Ticket, fresh.Ticket);
        Assert.Equal("EvOld", onOld.EventId);
        Assert.Equal("env-on-old", oldAck.EnvelopeId);
        Assert.Equal("env-resent-on-new", resentAck.EnvelopeId);
        Assert.Equal("EvNew", onNew.EventId);
        Assert.False(clients.SocketMode.Envelopes.TryRead(out _));
        Assert.Equal(2, slack.CallCount("apps.connections.open"));
    }

    [Fact]
    public async Task Old_connection_that_never_closes_after_refresh_is_closed_by_the_drain_timeout()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        await clients.SocketMode.StartAsync();
        var old = await slack.NextConnectionAsync();

        await old.SendDisconnectAsync("refresh_requested");
        await clock.TimerScheduledAsync(due => due == SlackClients.Tuning.RefreshDrainTimeout);
        await slack.NextConnectionAsync();
        clock.Advance(SlackClients.Tuning.RefreshDrainTimeout);
        await old.Closed.WaitAsync(TestWait.Limit);

        Assert.Equal(2, slack.CallCount("apps.connections.open"));
    }

    [Fact]
    public async Task Link_disabled_stops_with_a_clear_error_and_never_reconnects()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendDisconnectAsync("link_disabled");
        var error = await Assert.ThrowsAsync<SlackSocketModeException>(() => clients.SocketMode.Completion.WaitAsync(TestWait.Limit));
        var channelError = await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(
            async () => await clients.SocketMode.Envelopes.ReadAsync().AsTask().WaitAsync(TestWait.Limit));
        await clients.SocketMode.StopAsync();

        Assert.Equal(SocketModeStopReason.LinkDisabled, error.Reason);
        Assert.Equal(SlackMessages.LinkDisabled, error.Message);
        Assert.Same(error, channelError.InnerException);
        Assert.Equal(1, slack.CallCount("apps.connections.open"));
        Assert.Equal(1, clients.SocketMode.ConnectionsOpened);
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    [InlineData("account_inactive")]
    [InlineData("token_revoked")]
    public async Task Unrecoverable_auth_error_from_connections_open_stops_without_retry(string code)
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.ScriptError("apps.connections.open", code);
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();

        var error = await Assert.ThrowsAsync<SlackSocketModeException>(() => clients.SocketMode.Completion.WaitAsync(TestWait.Limit));
        await clients.SocketMode.StopAsync();

        Assert.Equal(SocketModeStopReason.Unauthorized, error.Reason);
        Assert.Equal(code, error.Code);
        Assert.DoesNotContain(LoopbackSlack.AppToken, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, slack.CallCount("apps.connections.open"));
    }

    [Fact]
    public async Task Transient_connections_open_failure_is_retried_after_a_backoff()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.ScriptError("apps.connections.open", "internal_error");
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        await clients.SocketMode.StartAsync();

        var delay = await clock.TimerScheduledAsync(SlackClients.IsReconnectBackoff);
        var callsBefore = slack.CallCount("apps.connections.open");
        clock.Advance(delay);
        var server = await slack.NextConnectionAsync();

        Assert.Equal(1, callsBefore);
        Assert.Equal(2, slack.CallCount("apps.connections.open"));
        Assert.True(server.IsOpen);
    }

    [Fact]
    public async Task Too_many_websockets_backs_off_longer_before_reconnecting()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        await clients.SocketMode.StartAsync();
        var first = await slack.NextConnectionAsync();

        await first.SendDisconnectAsync("too_many_websockets");
        var baseDelay = SlackClients.Tuning.TooManyWebsocketsBaseDelay;
        var delay = await clock.TimerScheduledAsync(due => due >= baseDelay / 2 && due < baseDelay);
        var reconnectedEarly = slack.Connections.Reader.TryRead(out _);
        clock.Advance(delay);
        var second = await slack.NextConnectionAsync();

        Assert.False(reconnectedEarly);
        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.Equal(2, slack.CallCount("apps.connections.open"));
    }

    [Fact]
    public async Task Connection_without_hello_is_dropped_at_the_hello_timeout_and_replaced()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.SendHello = false;
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        await clients.SocketMode.StartAsync();
        var mute = await slack.NextConnectionAsync();

        slack.SendHello = true;
        await clock.TimerScheduledAsync(due => due == SlackClients.Tuning.HelloTimeout);
        clock.Advance(SlackClients.Tuning.HelloTimeout);
        await mute.Closed.WaitAsync(TestWait.Limit);
        var delay = await clock.TimerScheduledAsync(SlackClients.IsReconnectBackoff);
        clock.Advance(delay);
        var replacement = await slack.NextConnectionAsync();
        await replacement.SendSlashCommandAsync("env-after-hello");
        var envelope = await clients.NextEnvelopeAsync();

        Assert.Equal("env-after-hello", envelope.EnvelopeId);
    }

    [Fact]
    public async Task Silent_half_open_socket_is_detected_by_missing_pongs_and_replaced()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.SilentConnections = 1;
        var tuning = SlackClients.Tuning with
        {
            // The WebSocket keep-alive runs on the real clock; keep it short so the test stays fast.
            PingInterval = TimeSpan.FromMilliseconds(100),
            PongTimeout = TimeSpan.FromMilliseconds(300),
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        };
        await using var clients = new SlackClients(slack, TimeProvider.System, tuning: tuning);
        await clients.SocketMode.StartAsync();
        var silent = await slack.NextConnectionAsync();

        var replacement = await slack.NextConnectionAsync();
        await replacement.SendSlashCommandAsync("env-after-silence");
        var envelope = await clients.NextEnvelopeAsync();

        Assert.NotEqual(silent.Ticket, replacement.Ticket);
        Assert.Equal("env-after-silence", envelope.EnvelopeId);
    }

    [Fact]
    public async Task Two_staggered_connections_deliver_a_duplicated_event_once()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock, connectionCount: 2);
        await clients.SocketMode.StartAsync();
        var first = await slack.NextConnectionAsync();

        await clock.TimerScheduledAsync(due => due == SlackClients.Tuning.ConnectionStagger);
        var secondBeforeStagger = slack.Connections.Reader.TryRead(out _);
        clock.Advance(SlackClients.Tuning.ConnectionStagger);
        var second = await slack.NextConnectionAsync();
        await first.SendEventAsync("env-x1", "EvBoth");
        await second.SendEventAsync("env-x2", "EvBoth");
        var envelope = await clients.NextEnvelopeAsync();
        await envelope.AckAsync();
        var ackOnFirst = await first.NextAckAsync();
        var ackOnSecond = await second.NextAckAsync();

        Assert.False(secondBeforeStagger);
        Assert.Equal("EvBoth", envelope.EventId);
        Assert.Equal("env-x1", ackOnFirst.EnvelopeId);
        Assert.Equal("env-x2", ackOnSecond.EnvelopeId);
        Assert.False(clients.SocketMode.Envelopes.TryRead(out _));
    }

    [Fact]
    public async Task Oversized_frame_drops_the_connection_and_the_client_reconnects()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        var tuning = SlackClients.Tuning with { MaxMessageBytes = 4096 };
        await using var clients = new SlackClients(slack, clock, tuning: tuning);
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        // The client drops the link mid-frame, so the server's own send may fail; that is the point.
        await server.SendSlashCommandAsync("env-huge", new string('x', 8192)).ContinueWith(_ => { }, TaskScheduler.Default);
        await server.Closed.WaitAsync(TestWait.Limit);
        clock.Advance(await clock.TimerScheduledAsync(SlackClients.IsReconnectBackoff));
        var replacement = await slack.NextConnectionAsync();
        await replacement.SendSlashCommandAsync("env-small");
        var envelope = await clients.NextEnvelopeAsync();

        Assert.Equal("env-small", envelope.EnvelopeId);
    }

    [Fact]
    public async Task Stop_closes_the_connection_and_completes_the_channel_and_completion()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await clients.SocketMode.StopAsync().WaitAsync(TestWait.Limit);
        await server.Closed.WaitAsync(TestWait.Limit);

        Assert.True(clients.SocketMode.Completion.IsCompletedSuccessfully);
        Assert.True(clients.SocketMode.Envelopes.Completion.IsCompletedSuccessfully);
        Assert.Equal(0, clients.SocketMode.ReadyConnections);
        Assert.Equal(0, clients.SocketMode.DrainingConnections);
    }
}
