using System.Net.WebSockets;
using MathForML.Discord.Gateway;
using MathForML.Discord.Tests.Loopback;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests;

public sealed class GatewayHeartbeatTests : GatewayTestBase
{
    [Fact]
    public async Task First_heartbeat_is_jittered_then_beats_follow_the_interval()
    {
        await StartAsync();
        var connection = Server.Connection(0);

        // Jitter pinned to 0.5: the first beat is due at half the interval.
        Clock.Advance(TimeSpan.FromMilliseconds((IntervalMs / 2) - 1));
        Assert.Equal(0, Client.Diagnostics.HeartbeatsScheduled);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, Client.Diagnostics.HeartbeatsScheduled);
        await Eventually.HoldsAsync(() => Client.Diagnostics.AcksReceived == 1, "first ACK");
        Assert.Equal(1, connection.ReceivedOp(1).Single().Data.GetInt64());

        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs - 1));
        Assert.Equal(1, Client.Diagnostics.HeartbeatsScheduled);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, Client.Diagnostics.HeartbeatsScheduled);
        await Eventually.HoldsAsync(() => connection.ReceivedOp(1).Count() == 2, "second beat");
    }

    [Fact]
    public async Task Heartbeat_request_from_discord_is_answered_immediately()
    {
        await StartAsync();
        var connection = Server.Connection(0);

        await connection.SendOpAsync(1, null);

        await Eventually.HoldsAsync(() => HasOp(connection, 1), "an immediate heartbeat");
        Assert.Equal(0, Client.Diagnostics.HeartbeatsScheduled);
    }

    [Fact]
    public async Task Missing_ack_between_two_beats_closes_the_zombie_with_a_non_1000_code_and_resumes()
    {
        await StartAsync();
        Server.AckHeartbeats = false;
        var first = Server.Connection(0);

        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs / 2));
        await Eventually.HoldsAsync(() => HasOp(first, 1), "first beat");
        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs));
        await WaitForResumeAsync(1);

        Assert.Equal(1, Client.Diagnostics.ZombiesDetected);
        await first.Ended.Task.WaitAsync(Eventually.RealTimeout);
        Assert.Equal(GatewayCloseCodes.ClientResuming, first.ClientCloseCode);
        var resume = Server.Connection(1);
        Assert.Equal("/resume", resume.Path);
        Assert.Equal("?v=10&encoding=json", resume.Query);
        var data = Data(resume, 6);
        Assert.Equal(Server.CurrentSession!.Id, data.GetProperty("session_id").GetString());
        Assert.Equal(1, data.GetProperty("seq").GetInt64());
        Assert.Equal(LoopbackDiscord.Token, data.GetProperty("token").GetString());
    }

    [Fact]
    public async Task An_ack_still_behind_dispatches_being_read_is_not_taken_for_a_zombie()
    {
        // Under load the ACK sits in the socket behind dispatches the receive loop is still reading: frames keep
        // arriving, so the link is alive. Only a whole interval of silence is a zombie.
        await StartAsync();
        Server.AckHeartbeats = false;
        var connection = Server.Connection(0);
        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs / 2));
        await Eventually.HoldsAsync(() => HasOp(connection, 1), "first beat");

        await Server.DispatchAsync("MESSAGE_CREATE", new { n = 1 });
        await Eventually.HoldsAsync(() => Client.Diagnostics.DispatchesDelivered >= 2, "the dispatch read");
        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs));
        await Eventually.HoldsAsync(() => connection.ReceivedOp(1).Count() == 2, "second beat despite the missing ACK");
        Assert.Equal(0, Client.Diagnostics.ZombiesDetected);

        // A whole interval with nothing at all from the server: now it is one.
        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs));
        await WaitForResumeAsync(1);
        Assert.Equal(1, Client.Diagnostics.ZombiesDetected);
    }

    [Fact]
    public async Task Payloads_over_4096_bytes_are_refused_without_sending()
    {
        await StartAsync();
        var before = Client.Diagnostics.FramesSent;

        var result = await Client.SendAsync(GatewayOpcode.PresenceUpdate, new { status = new string('x', GatewayLimits.MaxPayloadBytes) });

        Assert.Equal(GatewaySendResult.TooLarge, result);
        Assert.Equal(before, Client.Diagnostics.FramesSent);
    }

    [Fact]
    public async Task Sends_stay_under_120_per_minute_and_heartbeats_keep_their_reserved_room()
    {
        await StartAsync();
        var connection = Server.Connection(0);
        var presence = new { since = (long?)null, activities = Array.Empty<object>(), status = "online", afk = false };

        var sends = Enumerable.Range(0, 130).Select(_ => Client.SendAsync(GatewayOpcode.PresenceUpdate, presence)).ToArray();
        var allowedNow = GatewayLimits.SendsPerWindow - GatewayLimits.HeartbeatReserve - 1; // IDENTIFY used one slot
        await Eventually.HoldsAsync(() => connection.ReceivedOp(3).Count() == allowedNow, "sends up to the window");

        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs / 2));
        await Eventually.HoldsAsync(() => HasOp(connection, 1), "heartbeat through the reserve");
        Assert.Equal(allowedNow, connection.ReceivedOp(3).Count());

        await Eventually.PumpUntilAsync(Clock, () => sends.All(s => s.IsCompleted), Step, "the rest after the window");
        Assert.All(await Task.WhenAll(sends), r => Assert.Equal(GatewaySendResult.Sent, r));
        var frames = connection.Received.Select(f => f.At).Order().ToList();
        for (var i = GatewayLimits.SendsPerWindow; i < frames.Count; i++)
        {
            Assert.True(frames[i] - frames[i - GatewayLimits.SendsPerWindow] >= GatewayLimits.SendWindow - Step);
        }
    }

    [Fact]
    public async Task A_slow_consumer_applies_back_pressure_without_losing_events_or_false_zombies()
    {
        await StartAsync(o => o.DispatchBufferCapacity = 16);
        for (var n = 1; n <= 40; n++)
        {
            await Server.DispatchAsync("MESSAGE_CREATE", new { n });
        }

        // READY plus 15 events fill the buffer; the receive loop now waits for the consumer.
        await Eventually.HoldsAsync(() => Client.Diagnostics.DispatchesDelivered == 16, "a full buffer");
        var connection = Server.Connection(0);
        Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs / 2));
        for (var beat = 1; beat <= 3; beat++)
        {
            await Eventually.HoldsAsync(() => connection.ReceivedOp(1).Count() == beat, $"beat {beat}");
            Clock.Advance(TimeSpan.FromMilliseconds(IntervalMs));
        }

        Assert.Equal(0, Client.Diagnostics.ZombiesDetected);
        var received = Consume();
        await Eventually.HoldsAsync(() => Count(received, "MESSAGE_CREATE") == 40, "all events");
        Assert.Single(Server.Connections);
        lock (received)
        {
            Assert.Equal(Enumerable.Range(1, 40), received.Where(d => d.Type == "MESSAGE_CREATE").Select(d => d.Data.GetProperty("n").GetInt32()));
        }
    }
}
