using System.Collections.Concurrent;
using System.Text.Json;
using MathForML.Discord.Adapter;
using MathForML.Discord.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Hosting;

/// <summary>
/// Runs the Discord bot: keeps the gateway connected, registers the slash commands after each READY,
/// hands every INTERACTION_CREATE to the <see cref="DiscordInteractionRouter"/> off the receive loop, and
/// MESSAGE_CREATE to the <see cref="DiscordThreadMessageRouter"/> (messages in threads, recorded in order).
/// Nothing here stops the host: a failing event is logged and skipped, and a fatal gateway close
/// (4004 authentication failed, 4010–4014) or a rejected token stops only the Discord adapter, with a
/// critical log saying why. Of guild and channel payloads only which channels are threads is kept
/// (<see cref="DiscordThreadDirectory"/>).
/// </summary>
public sealed partial class DiscordBotHostedService : BackgroundService
{
    /// <summary>How long shutdown waits for interactions being answered before cancelling them.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly DiscordGatewayClient _gateway;
    private readonly DiscordInteractionRouter _router;
    private readonly DiscordCommandRegistrar _registrar;
    private readonly DiscordThreadMessageRouter _threadMessages;
    private readonly DiscordThreadDirectory _threads;
    private readonly DiscordBotIdentity _identity;
    private readonly DiscordOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _work = new();
    private readonly TaskCompletionSource<GatewayStopReason> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DiscordBotHostedService(DiscordGatewayClient gateway, DiscordInteractionRouter router, DiscordCommandRegistrar registrar,
        DiscordBotIdentity identity, DiscordThreadMessageRouter threadMessages, DiscordThreadDirectory threads, IOptions<DiscordOptions> options,
        ILogger<DiscordBotHostedService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = gateway;
        _router = router;
        _registrar = registrar;
        _threadMessages = threadMessages;
        _threads = threads;
        _identity = identity;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Completes when the adapter has stopped, with the reason.</summary>
    public Task<GatewayStopReason> Stopped => _stopped.Task;

    /// <summary>Events being handled right now (interactions, command registration).</summary>
    public int InFlight => _inFlight.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var invite = DiscordInviteUrl.Build(_options.ApplicationId).AbsoluteUri;
        LogStarting(invite);
        var consuming = ConsumeAsync();
        var recording = Task.Run(() => _threadMessages.RunAsync(_work.Token), CancellationToken.None);
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
            reason = new GatewayStopReason(GatewayStopKind.Unauthorized, error.Message);
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
            default:
                LogStopped();
                break;
        }

        _stopped.TrySetResult(reason);
    }

    /// <summary>Reads dispatches until the gateway completes the stream; each event is routed in isolation.</summary>
    private async Task ConsumeAsync()
    {
        await foreach (var dispatch in _gateway.Dispatches.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                Route(dispatch);
            }
#pragma warning disable CA1031 // One bad event is logged and skipped; the stream goes on.
            catch (Exception error)
#pragma warning restore CA1031
            {
                DiscordAdapterLog.EventFailed(_logger, dispatch.Type, error);
            }
        }
    }

    private void Route(GatewayDispatch dispatch)
    {
        switch (dispatch.Type)
        {
            case "READY":
                // READY only follows IDENTIFY (a resume ends with RESUMED), so this is once per new session.
                if (dispatch.Data.ValueKind == JsonValueKind.Object && dispatch.Data.TryGetProperty("user", out var user)
                    && user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    _identity.Learned(id.GetString()!);
                }

                Track(dispatch.Type, ct => _registrar.RegisterAsync(ct));
                break;
            case "INTERACTION_CREATE":
                var data = dispatch.Data;
                Track(dispatch.Type, ct => _router.HandleAsync(data, ct));
                break;
            case "MESSAGE_CREATE":
                _threadMessages.Enqueue(dispatch.Data);
                break;
            case var type when DiscordThreadDirectory.Describes(type):
                _threads.Observe(type, dispatch.Data);
                break;
            default:
                // The rest: nothing the bot needs is kept (interactions carry their own context).
                break;
        }
    }

    private void Track(string eventType, Func<CancellationToken, Task> work)
    {
        var token = _work.Token;
        var task = Task.Run(async () =>
        {
            try
            {
                await work(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Shutdown outlasted the grace period.
            }
#pragma warning disable CA1031 // A failing handler is contained: logged, never rethrown into the loop or host.
            catch (Exception error)
#pragma warning restore CA1031
            {
                DiscordAdapterLog.EventFailed(_logger, eventType, error);
            }
        }, CancellationToken.None);
        _inFlight.TryAdd(task, 0);
        _ = task.ContinueWith(done => _inFlight.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Lets interactions being answered and thread messages being recorded finish (bounded), then cancels what is left.</summary>
    private async Task DrainAsync(Task recording)
    {
        Task[] pending = [.. _inFlight.Keys, recording];

        try
        {
            await Task.WhenAll(pending).WaitAsync(ShutdownGrace);
        }
        catch (TimeoutException)
        {
            await _work.CancelAsync();
            await Task.WhenAll(pending);
        }
    }

    public override void Dispose()
    {
        _work.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Discord bot starting. Invite it to a server with: {InviteUrl}")]
    private partial void LogStarting(string inviteUrl);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Critical,
        Message = "The Discord adapter has stopped: Discord closed the gateway with {CloseCode} ({Explanation}). The rest of MathForML keeps running; fix the setting and restart.")]
    private partial void LogStoppedFatal(int? closeCode, string explanation);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Critical,
        Message = "The Discord adapter has stopped: {Reason} The rest of MathForML keeps running.")]
    private partial void LogStoppedUnauthorized(string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Discord bot stopped.")]
    private partial void LogStopped();

    [LoggerMessage(EventId = 4104, Level = LogLevel.Critical, Message = "The Discord adapter crashed; the rest of MathForML keeps running.")]
    private partial void LogCrashed(Exception error);
}
