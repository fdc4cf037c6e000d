using System.Net.WebSockets;
using MathForML.Discord.Gateway;
using MathForML.Discord.Tests.Loopback;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests;

public sealed class GatewayReconnectTests : GatewayTestBase
{
    [Fact]
    public async Task Op7_reconnect_resumes_on_the_resume_url()
    {
        await StartAsync();

        await Server.Connection(0).SendOpAsync(7, null);
        await WaitForResumeAsync(1);

        Assert.Equal("/resume", Server.Connection(1).Path);
        await Server.Connection(0).Ended.Task.WaitAsync(Eventually.RealTimeout);
        Assert.NotEqual((int)WebSocketCloseStatus.NormalClosure, Server.Connection(0).ClientCloseCode);
        Assert.Equal(0, Client.Diagnostics.IdentifiesSent - 1);
    }

    [Fact]
    public async Task Op9_resumable_resumes()
    {
        await StartAsync();

        await Server.Connection(0).SendOpAsync(9, true);
        await WaitForResumeAsync(1);

        Assert.Equal(1, Client.Diagnostics.IdentifiesSent);
    }

    [Fact]
    public async Task Op9_not_resumable_waits_then_identifies_a_new_session()
    {
        await StartAsync();
        var firstSession = Client.SessionId;
        var firstIdentifyAt = Server.Connection(0).ReceivedOp(2).Single().At;

        await Server.Connection(0).SendOpAsync(9, false);
        await Eventually.PumpUntilAsync(Clock, () => HasConnection(1) && HasOp(Server.Connection(1), 2), Step, "new IDENTIFY");

        var second = Server.Connection(1);
        Assert.Equal("/gateway", second.Path);
        Assert.False(HasOp(second, 6));
        // 1–5 s random wait (3 s with jitter pinned) and identify spacing of 5 s per bucket.
        Assert.True(second.ReceivedOp(2).Single().At - firstIdentifyAt >= GatewayLimits.IdentifySpacing);
        await Eventually.HoldsAsync(() => Client.SessionId is not null && Client.SessionId != firstSession, "new session");
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1001)]
    public async Task Retryable_close_codes_resume(int code)
    {
        await StartAsync();

        await Server.Connection(0).CloseAsync(code);
        await WaitForResumeAsync(1);

        Assert.Equal("/resume", Server.Connection(1).Path);
        Assert.False(Run.IsCompleted);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Session_ending_close_codes_reidentify_instead_of_resuming(int code)
    {
        await StartAsync();

        await Server.Connection(0).CloseAsync(code);
        await Eventually.PumpUntilAsync(Clock, () => HasConnection(1) && HasOp(Server.Connection(1), 2), Step, "IDENTIFY");

        Assert.False(HasOp(Server.Connection(1), 6));
        Assert.Equal(2, Client.Diagnostics.IdentifiesSent);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Fatal_close_codes_stop_with_a_critical_log_and_never_reconnect(int code)
    {
        await StartAsync();

        await Server.Connection(0).CloseAsync(code);
        var stop = await Run.WaitAsync(Eventually.RealTimeout);
        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(GatewayStopKind.FatalCloseCode, stop.Kind);
        Assert.Equal(code, stop.CloseCode);
        Assert.Equal(GatewayCloseCodes.Describe(code), stop.Message);
        Assert.Single(Server.Connections);
        Assert.Contains(Logger.Entries, e => e.Level == LogLevel.Critical && e.Text.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await DrainToCompletionAsync(Client);
    }

    [Fact]
    public async Task A_server_that_keeps_closing_gets_backoff_not_a_reconnect_storm()
    {
        Server.CloseAfterHelloCode = GatewayCloseCodes.UnknownError;
        var start = Clock.GetUtcNow();
        await StartAsync(waitForReady: false);

        await Eventually.PumpUntilAsync(Clock, () => Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(60), Step, "a minute of failures");

        // Delays 0, 0.5–1, 1–2, 2–4, 4–8, 8–16, 16–32 s: at most 8 attempts in a minute, and it keeps trying.
        Assert.InRange(Server.Connections.Count, 4, 8);
        Assert.False(Run.IsCompleted);
    }

    [Fact]
    public async Task Shutdown_closes_with_1000_and_completes_the_dispatch_stream()
    {
        using var stop = new CancellationTokenSource();
        var client = Clients.Gateway(Server, Clock, Logger);
        var run = client.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => client.SessionId is not null, "READY");

        await stop.CancelAsync();
        var reason = await run.WaitAsync(Eventually.RealTimeout);

        Assert.Equal(GatewayStopKind.Cancelled, reason.Kind);
        await Server.Connection(0).Ended.Task.WaitAsync(Eventually.RealTimeout);
        Assert.Equal((int)WebSocketCloseStatus.NormalClosure, Server.Connection(0).ClientCloseCode);
        await DrainToCompletionAsync(client);
    }

    [Fact]
    public async Task The_token_is_never_logged_across_identify_resume_and_errors()
    {
        await StartAsync();
        await Server.Connection(0).SendOpAsync(7, null);
        await WaitForResumeAsync(1);
        await Server.Connection(1).CloseAsync(GatewayCloseCodes.AuthenticationFailed);
        await Run.WaitAsync(Eventually.RealTimeout);

        Assert.NotEmpty(Logger.Entries);
        Assert.DoesNotContain(Logger.Entries, e => e.Text.Contains(LoopbackDiscord.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_gateway_is_retried_with_backoff()
    {
        var start = Clock.GetUtcNow();
        await StartAsync(o => o.GatewayUrlOverride = "ws://127.0.0.1:9/gateway", waitForReady: false);

        await Eventually.PumpUntilAsync(Clock, () => Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(60), Step, "a minute of refused connections");

        Assert.InRange(Logger.Entries.Count(e => e.Id.Id == 1002), 4, 8);
        Assert.False(Run.IsCompleted);
    }

    [Fact]
    public async Task A_gateway_that_never_says_hello_is_abandoned_after_the_connect_timeout()
    {
        Server.SendHello = false;
        await StartAsync(waitForReady: false);
        // The HELLO timer starts before the connection is counted as open.
        await Eventually.HoldsAsync(() => Client.Diagnostics.ConnectionsOpened == 1, "first connection");

        // Exact steps, not a pump: the close handshake and the reconnect are real I/O, and a pump would
        // keep moving the clock (past the close timeout) while they are on their way.
        Clock.Advance(GatewayLimits.ConnectTimeout - Step);
        await Task.Delay(50);
        Assert.False(Server.Connection(0).Ended.Task.IsCompleted, "abandoned before the connect timeout");
        Clock.Advance(Step);
        await Server.Connection(0).Ended.Task.WaitAsync(Eventually.RealTimeout);

        await Eventually.PumpUntilAsync(Clock, () => HasConnection(1), Step, "a second attempt",
            maxFakeTime: GatewayLimits.ReconnectBaseDelay * 2);
    }

    [Fact]
    public async Task Running_a_client_twice_is_a_bug()
    {
        await StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.RunAsync(CancellationToken.None));
    }

    /// <summary>Reads what is left; returns once the client completed the stream.</summary>
    private static async Task DrainToCompletionAsync(DiscordGatewayClient client)
    {
        while (await client.Dispatches.WaitToReadAsync().AsTask().WaitAsync(Eventually.RealTimeout))
        {
            while (client.Dispatches.TryRead(out _))
            {
            }
        }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 500, 1000)]
    [InlineData(2, 1000, 2000)]
    [InlineData(7, 30_000, 60_000)]
    [InlineData(50, 30_000, 60_000)]
    public void Reconnect_delay_backs_off_exponentially_with_jitter_and_a_cap(int failures, int minMs, int maxMs)
    {
        Assert.InRange(GatewayLimits.ReconnectDelay(failures, 0).TotalMilliseconds, minMs, maxMs);
        Assert.InRange(GatewayLimits.ReconnectDelay(failures, 0.999).TotalMilliseconds, minMs, maxMs);
    }

    [Theory]
    [InlineData(null, CloseCodeAction.Resume)]
    [InlineData(1000, CloseCodeAction.Resume)]
    [InlineData(4000, CloseCodeAction.Resume)]
    [InlineData(4008, CloseCodeAction.Resume)]
    [InlineData(4007, CloseCodeAction.Reidentify)]
    [InlineData(4009, CloseCodeAction.Reidentify)]
    [InlineData(4004, CloseCodeAction.Stop)]
    [InlineData(4014, CloseCodeAction.Stop)]
    public void Close_code_table(int? code, CloseCodeAction expected) => Assert.Equal(expected, GatewayCloseCodes.ActionFor(code));
}
