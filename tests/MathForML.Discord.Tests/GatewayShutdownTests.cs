using MathForML.Discord.Gateway;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests;

public sealed class GatewayShutdownTests : GatewayTestBase
{
    [Theory]
    [InlineData(4000)]
    [InlineData(4009)]
    [InlineData(1001)]
    public async Task A_close_from_Discord_is_answered_with_a_close_frame(int code)
    {
        await StartAsync();

        await Server.Connection(0).CloseAsync(code);
        await Server.Connection(0).Ended.Task.WaitAsync(Eventually.RealTimeout);

        // The loopback, like Discord, waits for our close frame; without it the TCP link just drops.
        Assert.NotNull(Server.Connection(0).ClientCloseCode);
        Assert.NotEqual((int)System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, Server.Connection(0).ClientCloseCode);
    }

    [Fact]
    public async Task A_fatal_close_from_Discord_is_answered_too()
    {
        await StartAsync();

        await Server.Connection(0).CloseAsync(4004);
        await Run.WaitAsync(Eventually.RealTimeout);
        await Server.Connection(0).Ended.Task.WaitAsync(Eventually.RealTimeout);

        Assert.NotNull(Server.Connection(0).ClientCloseCode);
    }

    [Fact]
    public async Task Shutdown_racing_an_immediate_reconnect_ends_the_run_as_cancelled_without_an_exception()
    {
        using var stop = new CancellationTokenSource();
        // Shutdown arrives exactly between one connection ending and the next connecting (the first
        // reconnect after a healthy connection is immediate, so nothing else looks at the token).
        var logger = new StopOnLog(stop, "connection ended", Logger);
        var client = Clients.Gateway(Server, Clock, logger);
        var run = client.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => client.SessionId is not null && client.Sequence is not null, "READY");
        Clock.Advance(GatewayLimits.StableConnectionTime);

        await Server.Connection(0).CloseAsync(4000);
        var reason = await run.WaitAsync(Eventually.RealTimeout);

        Assert.Equal(GatewayStopKind.Cancelled, reason.Kind);
        Assert.True(stop.IsCancellationRequested);
    }

    /// <summary>Cancels <paramref name="stop"/> from inside the log call whose text contains <paramref name="text"/>.</summary>
    private sealed class StopOnLog(CancellationTokenSource stop, string text, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            if (formatter(state, exception).Contains(text, StringComparison.Ordinal))
            {
                stop.Cancel();
            }
        }
    }
}
