using MathForML.Core.Concurrency;
using MathForML.Discord.Adapter;
using MathForML.Discord.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Hosting;

/// <summary>
/// Runs the Discord bot: keeps the gateway connected and hands every dispatch to the <see cref="DiscordEventRouter"/>
/// (which never waits), records thread messages in order, and on stop lets the command work in progress finish
/// (bounded by <see cref="ShutdownGrace"/>). Nothing here stops the host: a fatal gateway close (4004 authentication
/// failed, 4010–4014), a rejected token or a crash stops only the Discord adapter, with a critical log saying why,
/// and <see cref="Stopped"/> tells the host.
/// </summary>
public sealed partial class DiscordBotHostedService : BackgroundService
{
    /// <summary>How long shutdown waits for interactions being answered before cancelling them.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly DiscordGatewayClient _gateway;
    private readonly DiscordEventRouter _events;
    private readonly DiscordThreadMessageRouter _threadMessages;
    private readonly CommandWorkPool _pool;
    private readonly DiscordOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _recording = new();
    private readonly TaskCompletionSource<GatewayStopReason> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DiscordBotHostedService(DiscordGatewayClient gateway, DiscordEventRouter events, DiscordThreadMessageRouter threadMessages,
        CommandWorkPool pool, IOptions<DiscordOptions> options, ILogger<DiscordBotHostedService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = gateway;
        _events = events;
        _threadMessages = threadMessages;
        _pool = pool;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Completes when the adapter has stopped, with the reason.</summary>
    public Task<GatewayStopReason> Stopped => _stopped.Task;

    /// <summary>Command work accepted and not finished (shared with the other platforms).</summary>
    public int InFlight => _pool.InFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var invite = DiscordInviteUrl.Build(_options.ApplicationId).AbsoluteUri;
        LogStarting(invite);
        var consuming = ConsumeAsync();
        var recording = Task.Run(() => _threadMessages.RunAsync(_recording.Token), CancellationToken.None);
        GatewayStopReason reason;
        try
        {
            reason = await _gateway.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            reason = new GatewayStopReason(GatewayStopKind.Cancelled, "cancelled");
        }
#pragma warning disable CA1031 // The Discord adapter failing must not take the host (and the other platforms) down.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogCrashed(error);
            reason = new GatewayStopReason(GatewayStopKind.Crashed, error.GetType().Name + ": " + error.Message);
        }

        await consuming;
        _threadMessages.Complete();
        await DrainAsync(recording);
        switch (reason.Kind)
        {
            case GatewayStopKind.FatalCloseCode:
                LogStoppedFatal(reason.CloseCode, reason.Message);
                break;
            case GatewayStopKind.Unauthorized:
                LogStoppedUnauthorized(reason.Message);
                break;
            case GatewayStopKind.Crashed:
                break;
            default:
                LogStopped();
                break;
        }

        _stopped.TrySetResult(reason);
    }

    /// <summary>Reads dispatches until the gateway completes the stream; the router never waits, so neither does this.</summary>
    private async Task ConsumeAsync()
    {
        await foreach (var dispatch in _gateway.Dispatches.ReadAllAsync(CancellationToken.None))
        {
            _events.Route(dispatch);
        }
    }

    /// <summary>Lets interactions being answered and thread messages being recorded finish (bounded), then cancels what is left.</summary>
    private async Task DrainAsync(Task recording)
    {
        await _pool.DrainAsync(ShutdownGrace);
        try
        {
            await recording.WaitAsync(ShutdownGrace);
        }
        catch (TimeoutException)
        {
            await _recording.CancelAsync();
            await recording;
        }
    }

    public override void Dispose()
    {
        _recording.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Discord bot starting. Invite it to a server with: {InviteUrl}")]
    private partial void LogStarting(string inviteUrl);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Critical,
        Message = "The Discord adapter has stopped: Discord closed the gateway with {CloseCode} ({Explanation}). Fix the setting and restart.")]
    private partial void LogStoppedFatal(int? closeCode, string explanation);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Critical, Message = "The Discord adapter has stopped: {Reason}")]
    private partial void LogStoppedUnauthorized(string reason);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Discord bot stopped.")]
    private partial void LogStopped();

    [LoggerMessage(EventId = 6104, Level = LogLevel.Critical, Message = "The Discord adapter crashed.")]
    private partial void LogCrashed(Exception error);
}
