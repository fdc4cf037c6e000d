using System.Text.Json;
using MathForML.Slack.SocketMode;
using MathForML.Slack.Tests.Loopback;

namespace MathForML.Slack.Tests;

public sealed class SocketModeTests
{
    private static readonly JsonElement Reply = JsonDocument.Parse("""{"text":"Today's problem is on its way."}""").RootElement;

    [Fact]
    public async Task Slash_command_is_delivered_and_acknowledged_with_its_response_payload()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-1", "problem");
        var envelope = await clients.NextEnvelopeAsync();
        var outcome = await envelope.AckAsync(Reply);
        var ack = await server.NextAckAsync();

        Assert.Equal(SocketEnvelopeType.SlashCommands, envelope.Type);
        Assert.True(envelope.AcceptsResponsePayload);
        Assert.Equal("problem", envelope.Payload.GetProperty("text").GetString());
        Assert.Equal(AckOutcome.Sent, outcome);
        Assert.Equal("env-1", ack.EnvelopeId);
        Assert.Equal("Today's problem is on its way.", ack.Payload!.Value.GetProperty("text").GetString());
        var open = Assert.Single(slack.Requests, r => r.Method == "apps.connections.open");
        Assert.Equal("Bearer " + LoopbackSlack.AppToken, open.Authorization);
    }

    [Fact]
    public async Task Hello_reports_connection_count_and_lifetime_and_marks_the_connection_ready()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();
        await server.SendSlashCommandAsync("env-ready");
        await clients.NextEnvelopeAsync(); // frames are handled in order, so hello has been processed

        Assert.Equal(1, clients.SocketMode.ReadyConnections);
    }

    [Fact]
    public async Task Unacknowledged_envelope_is_acknowledged_automatically_at_the_deadline_without_payload()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-slow");
        var envelope = await clients.NextEnvelopeAsync();
        clock.Advance(clients.SocketMode.Tuning.AutoAckDeadline - TimeSpan.FromMilliseconds(100));
        var earlyAck = server.Acks.Reader.TryRead(out _);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var ack = await server.NextAckAsync();
        var lateOutcome = await envelope.AckAsync(Reply);

        Assert.False(earlyAck);
        Assert.Equal("env-slow", ack.EnvelopeId);
        Assert.Null(ack.Payload);
        Assert.True(envelope.IsAcknowledged);
        Assert.Equal(AckOutcome.AlreadyAcknowledged, lateOutcome);
    }

    [Fact]
    public async Task Handler_ack_before_the_deadline_is_the_only_ack_sent()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-fast");
        var envelope = await clients.NextEnvelopeAsync();
        await envelope.AckAsync();
        var first = await server.NextAckAsync();
        clock.Advance(clients.SocketMode.Tuning.AutoAckDeadline * 2);
        await server.SendSlashCommandAsync("env-probe");
        var probe = await clients.NextEnvelopeAsync();
        await probe.AckAsync();
        var second = await server.NextAckAsync();

        Assert.Equal("env-fast", first.EnvelopeId);
        Assert.Equal("env-probe", second.EnvelopeId); // no second ack for env-fast came in between
    }

    [Fact]
    public async Task Redelivered_event_with_the_same_event_id_is_acknowledged_but_handled_once()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendEventAsync("env-a", "Ev001");
        var first = await clients.NextEnvelopeAsync();
        await first.AckAsync();
        await server.SendEventAsync("env-b", "Ev001", retryAttempt: 1);
        await server.SendEventAsync("env-c", "Ev002");
        var next = await clients.NextEnvelopeAsync();
        await next.AckAsync();
        string[] acks = [(await server.NextAckAsync()).EnvelopeId, (await server.NextAckAsync()).EnvelopeId, (await server.NextAckAsync()).EnvelopeId];

        Assert.Equal("Ev001", first.EventId);
        Assert.Equal("Ev002", next.EventId);
        Assert.Equal(["env-a", "env-b", "env-c"], acks);
        Assert.False(clients.SocketMode.Envelopes.TryRead(out _));
    }

    [Fact]
    public async Task Same_envelope_twice_is_handled_once()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-twice");
        await server.SendSlashCommandAsync("env-twice");
        var duplicateAck = await server.NextAckAsync(); // the duplicate is acknowledged at once
        var envelope = await clients.NextEnvelopeAsync();

        Assert.Equal("env-twice", duplicateAck.EnvelopeId);
        Assert.Equal("env-twice", envelope.EnvelopeId);
        Assert.False(clients.SocketMode.Envelopes.TryRead(out _));
    }

    [Fact]
    public async Task Full_envelope_queue_leaves_the_envelope_unacknowledged_so_slack_redelivers_it()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var tuning = SlackClients.Tuning with { EnvelopeQueueCapacity = 1 };
        await using var clients = new SlackClients(slack, new SignallingClock(), tuning: tuning);
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-queued");
        await server.SendSlashCommandAsync("env-overflow");
        await server.SendSlashCommandAsync("env-queued"); // probe: its duplicate ack proves env-overflow was processed
        var probeAck = await server.NextAckAsync();
        var queued = await clients.NextEnvelopeAsync();
        await server.SendSlashCommandAsync("env-overflow"); // Slack's redelivery
        var redelivered = await clients.NextEnvelopeAsync();

        Assert.Equal("env-queued", probeAck.EnvelopeId);
        Assert.Equal("env-queued", queued.EnvelopeId);
        Assert.Equal("env-overflow", redelivered.EnvelopeId);
    }

    [Fact]
    public async Task Ack_with_payload_on_an_envelope_that_accepts_none_is_a_bug()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendEventAsync("env-event", "EvPayload");
        var envelope = await clients.NextEnvelopeAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => envelope.AckAsync(Reply));
        Assert.Equal(SlackMessages.AckPayloadNotAccepted, error.Message);
        Assert.False(envelope.IsAcknowledged);
    }

    [Fact]
    public async Task Ack_after_the_delivering_connection_closed_reports_connection_closed()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();

        await server.SendSlashCommandAsync("env-orphan");
        var envelope = await clients.NextEnvelopeAsync();
        await server.CloseAsync();
        await clock.TimerScheduledAsync(SlackClients.IsReconnectBackoff); // the client has disposed the connection by now
        var outcome = await envelope.AckAsync();

        Assert.Equal(AckOutcome.ConnectionClosed, outcome);
    }
}
