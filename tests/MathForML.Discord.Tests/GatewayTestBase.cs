using System.Text.Json;
using MathForML.Discord.Gateway;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;

namespace MathForML.Discord.Tests;

/// <summary>A loopback Discord, a fake clock and a gateway client running against them.</summary>
#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls after each test.
public abstract class GatewayTestBase : IAsyncLifetime
#pragma warning restore CA1001
{
    internal static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    internal const int IntervalMs = 41_250;

    private readonly CancellationTokenSource _stop = new();

    internal FakeTimeProvider Clock { get; } = new();

    internal LoopbackDiscord Server { get; private set; } = null!;

    internal ListLogger Logger { get; } = new();

    internal DiscordGatewayClient Client { get; private set; } = null!;

    internal Task<GatewayStopReason> Run { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Server = await LoopbackDiscord.StartAsync(Clock);

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Run is not null)
        {
            await Run.WaitAsync(Eventually.RealTimeout);
        }

        await Server.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>Starts the client; waits until it identified and processed READY.</summary>
    internal async Task StartAsync(Action<DiscordOptions>? configure = null, bool waitForReady = true)
    {
        Client = Clients.Gateway(Server, Clock, Logger, configure);
        Run = Client.RunAsync(_stop.Token);
        if (waitForReady)
        {
            // READY processed and handed to the stream (its sequence counts only once delivered).
            await Eventually.HoldsAsync(() => Client.SessionId is not null && Client.Sequence is not null, "READY");
        }
    }

    /// <summary>Reads dispatches in the background, as the adapter will.</summary>
    internal List<GatewayDispatch> Consume()
    {
        var received = new List<GatewayDispatch>();
        _ = Task.Run(async () =>
        {
            await foreach (var dispatch in Client.Dispatches.ReadAllAsync())
            {
                lock (received)
                {
                    received.Add(dispatch);
                }
            }
        });
        return received;
    }

    internal static int Count(List<GatewayDispatch> received, string type)
    {
        lock (received)
        {
            return received.Count(d => d.Type == type);
        }
    }

    internal static bool HasOp(LoopbackGatewayConnection connection, int op) => connection.ReceivedOp(op).Any();

    internal bool HasConnection(int index) => Server.Connections.Count > index;

    internal async Task WaitForResumeAsync(int connectionIndex) =>
        await Eventually.PumpUntilAsync(Clock, () => HasConnection(connectionIndex) && HasOp(Server.Connection(connectionIndex), 6), Step,
            $"RESUME on connection {connectionIndex}");

    internal static JsonElement Data(LoopbackGatewayConnection connection, int op) => connection.ReceivedOp(op).First().Data;
}
