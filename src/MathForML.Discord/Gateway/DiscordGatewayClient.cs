using System.Threading.Channels;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Gateway;

/// <summary>
/// Keeps one shard connected to the Discord gateway: fetches <c>/gateway/bot</c>, identifies within the
/// session start limit, resumes after drops, zombies, op 7 and resumable op 9, re-identifies when the
/// session is gone, backs off with jitter, and stops (with a critical log) on fatal close codes or a 401.
/// Dispatch events flow to consumers through <see cref="Dispatches"/>; nothing runs on the receive loop.
/// </summary>
public sealed class DiscordGatewayClient
{
    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly IdentifyLimiter _identifyLimiter;
    private readonly Channel<GatewayDispatch> _dispatches;
    private readonly GatewaySession _session = new();
    private readonly Func<double> _jitter;
    private GatewayConnection? _current;
    private int _started;

    public DiscordGatewayClient(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider clock,
        IdentifyLimiter identifyLimiter, ILogger<DiscordGatewayClient>? logger = null)
        : this(rest, options, clock, identifyLimiter, logger, Jitter.NextFraction)
    {
    }

    /// <summary>Tests pin the heartbeat and backoff jitter to make timing exact.</summary>
    internal DiscordGatewayClient(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider clock,
        IdentifyLimiter identifyLimiter, ILogger? logger, Func<double> jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rest = rest;
        _options = options.Value;
        _clock = clock;
        _identifyLimiter = identifyLimiter;
        _logger = logger ?? NullLogger.Instance;
        _jitter = jitter;
        _dispatches = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(_options.DispatchBufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    /// <summary>Dispatch events in sequence order, each exactly once per session. Completes when the client stops.</summary>
    public ChannelReader<GatewayDispatch> Dispatches => _dispatches.Reader;

    public GatewayDiagnostics Diagnostics { get; } = new();

    public string? SessionId => _session.SessionId;

    public long? Sequence => _session.Sequence;

    /// <summary>Sends a payload (e.g. a presence update) on the live connection.</summary>
    public Task<GatewaySendResult> SendAsync(GatewayOpcode opcode, object? data, CancellationToken cancellationToken = default) =>
        _current is { } connection ? connection.SendAsync(opcode, data, cancellationToken) : Task.FromResult(GatewaySendResult.NotConnected);

    /// <summary>Runs until cancelled or until Discord says not to reconnect. Call once per client.</summary>
    public async Task<GatewayStopReason> RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A gateway client runs once; create a new client to reconnect after it stopped.");
        }

        using var unauthorized = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnRestStopped(object? sender, EventArgs e) => unauthorized.Cancel();
        _rest.Stopped += OnRestStopped;
        try
        {
            return await SuperviseAsync(unauthorized.Token, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _rest.IsStopped)
        {
            GatewayLog.StoppedUnauthorized(_logger);
            return new GatewayStopReason(GatewayStopKind.Unauthorized, DiscordMessages.Unauthorized);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new GatewayStopReason(GatewayStopKind.Cancelled, "cancelled");
        }
        finally
        {
            _rest.Stopped -= OnRestStopped;
            _dispatches.Writer.TryComplete();
        }
    }

    private async Task<GatewayStopReason> SuperviseAsync(CancellationToken stop, CancellationToken shutdown)
    {
        var info = await FetchGatewayInfoAsync(stop);
        if (info is null)
        {
            GatewayLog.StoppedUnauthorized(_logger);
            return new GatewayStopReason(GatewayStopKind.Unauthorized, DiscordMessages.Unauthorized);
        }

        _identifyLimiter.Update(info.SessionStartLimit);
        var gatewayUrl = WithQuery(new Uri(_options.GatewayUrlOverride ?? info.Url));
        var settings = new ConnectionSettings(_options.Token, _options.Intents, _options.ShardId, _options.ShardCount, _jitter);
        var consecutiveFailures = 0;
        var delay = TimeSpan.Zero;
        while (true)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _clock, stop);
            }

            var resume = _session.CanResume;
            if (!resume)
            {
                await _identifyLimiter.WaitForSlotAsync(_options.ShardId, RefreshLimitAsync,
                    wait => GatewayLog.SessionStartLimitWait(_logger, wait.TotalMilliseconds), stop);
            }

            // Shutdown may have come while the last connection ended; then do not open another.
            stop.ThrowIfCancellationRequested();
            var url = resume ? WithQuery(_session.ResumeUrl!) : gatewayUrl;
            var started = _clock.GetUtcNow();
            ConnectionOutcome outcome;
            var connection = new GatewayConnection(url, resume, _session, settings, _clock, _logger, _dispatches.Writer, Diagnostics);
            await using (connection)
            {
                _current = connection;
                using (stop.Register(() => _ = connection.CloseForShutdownAsync()))
                {
                    outcome = await connection.RunAsync(CancellationToken.None);
                }

                _current = null;
            }

            stop.ThrowIfCancellationRequested();
            if (outcome.Next == CloseCodeAction.Stop)
            {
                var explanation = GatewayCloseCodes.Describe(outcome.CloseCode);
                GatewayLog.FatalClose(_logger, outcome.CloseCode, explanation);
                return new GatewayStopReason(GatewayStopKind.FatalCloseCode, explanation, outcome.CloseCode);
            }

            if (outcome.Next == CloseCodeAction.Reidentify)
            {
                _session.Invalidate();
            }

            var stable = outcome.ReachedReady && _clock.GetUtcNow() - started >= GatewayLimits.StableConnectionTime;
            consecutiveFailures = stable ? 0 : consecutiveFailures + 1;
            // The first reconnect after a healthy connection is immediate; repeated short-lived ones back off.
            delay = GatewayLimits.ReconnectDelay(stable ? 0 : consecutiveFailures - 1, _jitter());
            if (outcome.MinimumDelay is { } minimum && minimum > delay)
            {
                delay = minimum;
            }

            GatewayLog.ConnectionEnded(_logger, outcome.Reason, outcome.CloseCode,
                _session.CanResume ? "resume" : "identify", delay.TotalMilliseconds);
        }
    }

    /// <summary>GET /gateway/bot, retried with backoff; null when the token is rejected.</summary>
    private async Task<GatewayBotInfo?> FetchGatewayInfoAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await _rest.GetGatewayBotAsync(cancellationToken);
            if (result.IsSuccess)
            {
                return result.Value;
            }

            if (result.Error!.Kind is DiscordErrorKind.Unauthorized or DiscordErrorKind.ClientStopped)
            {
                return null;
            }

            var delay = GatewayLimits.ReconnectDelay(attempt, _jitter());
            GatewayLog.GatewayInfoFailed(_logger, result.Error.ToString(), delay.TotalMilliseconds);
            await Task.Delay(delay, _clock, cancellationToken);
        }
    }

    private async Task<SessionStartLimit?> RefreshLimitAsync(CancellationToken cancellationToken)
    {
        var result = await _rest.GetGatewayBotAsync(cancellationToken);
        return result.IsSuccess ? result.Value!.SessionStartLimit : null;
    }

    /// <summary>Gateway v10 with JSON text frames (no transport compression).</summary>
    private static Uri WithQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;
}
