using System.Net.WebSockets;
using MathForML.Discord.Gateway;
using MathForML.Discord.Tests.Loopback;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests;

public sealed class GatewayClientTests : GatewayTestBase
{
    [Fact]
    public async Task Identify_uses_v10_json_the_configured_intents_token_and_shard()
    {
        await StartAsync(o => (o.ShardId, o.ShardCount) = (2, 4));

        var connection = Server.Connection(0);
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        var identify = Data(connection, 2);
        Assert.Equal(LoopbackDiscord.Token, identify.GetProperty("token").GetString());
        Assert.Equal((int)(GatewayIntents.Guilds | GatewayIntents.GuildMessages), identify.GetProperty("intents").GetInt32());
        Assert.Equal([2, 4], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("linux", identify.GetProperty("properties").GetProperty("os").GetString());
        Assert.Equal(Server.CurrentSession!.Id, Client.SessionId);
        // SessionId is set as READY is read; the event reaches the stream a moment later.
        var ready = await Client.Dispatches.ReadAsync().AsTask().WaitAsync(Eventually.RealTimeout);
        Assert.Equal(("READY", 1L), (ready.Type, ready.Sequence));
    }

    [Fact]
    public async Task Nothing_is_lost_or_duplicated_across_a_dropped_socket_and_resume()
    {
        await StartAsync();
        var received = Consume();
        Server.ReplayOverlap = 5;
        for (var n = 1; n <= 20; n++)
        {
            await Server.DispatchAsync("MESSAGE_CREATE", new { n });
        }

        await Eventually.HoldsAsync(() => Count(received, "MESSAGE_CREATE") == 20, "first 20 events");
        Server.Connection(0).Drop();
        await Server.Connection(0).Ended.Task.WaitAsync(Eventually.RealTimeout);
        for (var n = 21; n <= 40; n++)
        {
            await Server.DispatchAsync("MESSAGE_CREATE", new { n });
        }

        await WaitForResumeAsync(1);
        await Eventually.HoldsAsync(() => Count(received, "RESUMED") == 1 && Count(received, "MESSAGE_CREATE") >= 40, "replay");

        List<GatewayDispatch> snapshot;
        lock (received)
        {
            snapshot = [.. received];
        }

        Assert.Equal(Enumerable.Range(1, 40), snapshot.Where(d => d.Type == "MESSAGE_CREATE").Select(d => d.Data.GetProperty("n").GetInt32()));
        Assert.Equal(snapshot.Select(d => d.Sequence).Order(), snapshot.Select(d => d.Sequence));
        Assert.Equal(snapshot.Count, snapshot.Select(d => d.Sequence).Distinct().Count());
        Assert.Equal(5, Client.Diagnostics.DuplicatesDropped);
    }

    [Fact]
    public async Task A_message_spanning_several_frames_is_reassembled()
    {
        await StartAsync();
        var received = Consume();
        var text = new string('∑', 20_000);

        await Server.DispatchFragmentedAsync("GUILD_CREATE", new { id = "1", text }, frames: 7);

        await Eventually.HoldsAsync(() => Count(received, "GUILD_CREATE") == 1, "fragmented event");
        lock (received)
        {
            Assert.Equal(text, received.Single(d => d.Type == "GUILD_CREATE").Data.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Identify_waits_for_the_session_start_limit_to_reset()
    {
        var calls = 0;
        Server.SessionStartRemaining = () => Interlocked.Increment(ref calls) == 1 ? 0 : 999;
        Server.SessionStartResetAfterMs = 10_000;

        await StartAsync(waitForReady: false);
        var waited = await Eventually.PumpUntilAsync(Clock, () => HasConnection(0), Step, "first connection");

        Assert.True(waited >= TimeSpan.FromSeconds(10), $"identified after {waited}");
        Assert.Equal(2, Server.Requests.Count(r => r.Route == "gateway/bot"));
        Assert.Contains(Logger.Entries, e => e.Id.Id == 1006);
    }

    [Fact]
    public async Task A_rejected_token_on_gateway_bot_stops_before_connecting()
    {
        var client = Clients.Gateway(Server, Clock, Logger, o => o.Token = "not-the-token");

        var stop = await client.RunAsync(CancellationToken.None).WaitAsync(Eventually.RealTimeout);

        Assert.Equal(GatewayStopKind.Unauthorized, stop.Kind);
        Assert.Empty(Server.Connections);
        Assert.Contains(Logger.Entries, e => e.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task A_resumed_event_without_sequence_still_completes_the_resume_and_later_events_flow()
    {
        await StartAsync();
        var received = Consume();
        Server.ResumedWithoutSequence = true;

        await Server.Connection(0).SendOpAsync(7, null);
        await WaitForResumeAsync(1);
        await Eventually.HoldsAsync(() => Count(received, "RESUMED") == 1, "RESUMED");
        await Server.DispatchAsync("MESSAGE_CREATE", new { n = 1 });

        await Eventually.HoldsAsync(() => Count(received, "MESSAGE_CREATE") == 1 && Client.Sequence == 2, "event after resume");
    }

    [Fact]
    public async Task A_ready_without_resume_url_is_rejected_and_the_client_identifies_again()
    {
        Server.ReadyWithoutResumeUrl = true;
        await StartAsync(waitForReady: false);

        await Eventually.PumpUntilAsync(Clock, () => HasConnection(1) && HasOp(Server.Connection(1), 2), Step, "second IDENTIFY");

        Assert.Contains(Logger.Entries, e => e.Id.Id == 1009);
        Assert.Null(Client.SessionId);
    }
}
