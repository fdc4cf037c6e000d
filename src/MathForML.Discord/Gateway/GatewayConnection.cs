using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Gateway;

/// <summary>How a connection ended and what the supervisor should do next.</summary>
internal sealed record ConnectionOutcome(CloseCodeAction Next, string Reason, int? CloseCode = null, TimeSpan? MinimumDelay = null)
{
    public bool ReachedReady { get; init; }
}

/// <summary>Settings a connection needs from the client.</summary>
internal sealed record ConnectionSettings(string Token, GatewayIntents Intents, int ShardId, int ShardCount, Func<double> Jitter);

/// <summary>
/// One WebSocket connection to the gateway and everything that dies with it: the socket, the heartbeat
/// timer and ACK flag, the receive loop and the send gate and rate window. A new connection starts
/// from nothing, so no stale timer or flag can leak into the next one.
/// </summary>
internal sealed partial class GatewayConnection : IAsyncDisposable
{
    private const int ReceiveChunkBytes = 16 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly SlidingWindowLimiter _sendWindow;
    private readonly Uri _url;
    private readonly bool _resume;
    private readonly GatewaySession _session;
    private readonly ConnectionSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ChannelWriter<GatewayDispatch> _dispatches;
    private readonly GatewayDiagnostics _diagnostics;
    private ITimer? _heartbeatTimer;
    private ITimer? _helloTimer;
    private ConnectionOutcome? _outcome;
    private Task? _closeTask;
    private volatile bool _ackSinceLastBeat = true;
    private volatile bool _framesSinceLastBeat;
    private volatile bool _waitingForConsumer;
    private volatile bool _closing;
    private bool _reachedReady;

    public GatewayConnection(Uri url, bool resume, GatewaySession session, ConnectionSettings settings, TimeProvider clock,
        ILogger logger, ChannelWriter<GatewayDispatch> dispatches, GatewayDiagnostics diagnostics)
    {
        _url = url;
        _resume = resume;
        _session = session;
        _settings = settings;
        _clock = clock;
        _logger = logger;
        _dispatches = dispatches;
        _diagnostics = diagnostics;
        _sendWindow = new SlidingWindowLimiter(GatewayLimits.SendsPerWindow, GatewayLimits.SendWindow, clock);
    }

    public TimeSpan? HeartbeatInterval { get; private set; }

    /// <summary>Connects, handshakes and runs the receive loop until the connection ends.</summary>
    public async Task<ConnectionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        try
        {
            using (var connectTimeout = new CancellationTokenSource(GatewayLimits.ConnectTimeout, _clock))
            using (var connectLinked = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, connectTimeout.Token))
            {
                await _socket.ConnectAsync(_url, connectLinked.Token);
            }

            // A server that accepts the socket but never says HELLO is as dead as one that refuses it.
            _helloTimer = _clock.CreateTimer(_ => OnHelloOverdue(), null, GatewayLimits.ConnectTimeout, Timeout.InfiniteTimeSpan);
            _diagnostics.ConnectionOpened();
            await ReceiveLoopAsync(linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Our own stop (zombie, op 7, op 9) or the connect timeout: the outcome says which.
        }
        catch (WebSocketException)
        {
            // The socket dropped: resume below.
        }
        catch (ObjectDisposedException) when (_outcome is not null)
        {
            // Our own close (shutdown racing a reconnect) aborted the socket before or as ConnectAsync ran:
            // ClientWebSocket.Abort disposes it. The outcome says why.
        }
        finally
        {
            StopHeartbeat();
        }

        var outcome = _outcome ?? ClosedByServer();
        return outcome with { ReachedReady = _reachedReady };
    }

    /// <summary>Sends a payload through the connection's gate and rate window.</summary>
    public async Task<GatewaySendResult> SendAsync(GatewayOpcode opcode, object? data, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { op = (int)opcode, d = data });
        return await SendBytesAsync(bytes, GatewayLimits.HeartbeatReserve, cancellationToken);
    }

    private ConnectionOutcome ClosedByServer()
    {
        var code = (int?)_socket.CloseStatus;
        var action = GatewayCloseCodes.ActionFor(code);
        return new ConnectionOutcome(action, code is null ? "socket dropped" : "closed by Discord", code);
    }

    private void OnHeartbeatDue()
    {
        if (_closing)
        {
            return;
        }

        // Frames read since the last beat prove the link is alive: the ACK may just sit behind dispatches still
        // being read (a busy or starved process). Only a full interval of silence is a zombie.
        var heardFromServer = _framesSinceLastBeat;
        _framesSinceLastBeat = false;
        if (!_ackSinceLastBeat && !_waitingForConsumer && !heardFromServer)
        {
            GatewayLog.Zombie(_logger);
            _diagnostics.ZombieDetected();
            _ = CloseAsync(GatewayCloseCodes.ClientResuming, new ConnectionOutcome(CloseCodeAction.Resume, "zombie connection (no heartbeat ACK)"));
            return;
        }

        _ackSinceLastBeat = false;
        _diagnostics.HeartbeatScheduled();
        _ = SendHeartbeatAsync();
    }

    private async Task SendHeartbeatAsync()
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new { op = (int)GatewayOpcode.Heartbeat, d = _session.Sequence });
            await SendBytesAsync(bytes, reserve: 0, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The connection is going away.
        }
        catch (WebSocketException)
        {
            // The receive loop sees the broken socket and reports it.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a timer beat was in flight.
        }
    }

    private async Task<GatewaySendResult> SendBytesAsync(byte[] bytes, int reserve, CancellationToken cancellationToken)
    {
        if (bytes.Length > GatewayLimits.MaxPayloadBytes)
        {
            return GatewaySendResult.TooLarge;
        }

        if (_closing || _socket.State != WebSocketState.Open)
        {
            return GatewaySendResult.NotConnected;
        }

        await _sendWindow.AcquireAsync(reserve, cancellationToken);
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            if (_closing || _socket.State != WebSocketState.Open)
            {
                return GatewaySendResult.NotConnected;
            }

            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            _diagnostics.FrameSent();
            return GatewaySendResult.Sent;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Closes from our side with <paramref name="code"/> (non-1000 keeps the session resumable).</summary>
    private Task CloseAsync(int code, ConnectionOutcome outcome)
    {
        if (Interlocked.CompareExchange(ref _outcome, outcome, null) is not null)
        {
            return Task.CompletedTask;
        }

        // Kept so that disposing waits for it: a close started by a timer or by shutdown runs unobserved.
        var closing = CloseCoreAsync(code, outcome);
        _closeTask = closing;
        return closing;
    }

    private async Task CloseCoreAsync(int code, ConnectionOutcome outcome)
    {
        _closing = true;
        StopHeartbeat();
        try
        {
            // A send stuck on a dead socket holds the gate: then skip the close frame and just abort
            // (Discord sees an abnormal closure, which also keeps the session resumable).
            if (await _sendGate.WaitAsync(TimeSpan.Zero))
            {
                try
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        using var timeout = new CancellationTokenSource(GatewayLimits.CloseTimeout, _clock);
                        await _socket.CloseOutputAsync((WebSocketCloseStatus)code, outcome.Reason, timeout.Token);
                    }
                }
                finally
                {
                    _sendGate.Release();
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing a broken socket: abort below either way.
        }
        finally
        {
            _socket.Abort();
            await _stop.CancelAsync();
        }
    }

    /// <summary>
    /// Discord closed the socket: answer with a close frame, as the protocol asks, instead of dropping the
    /// TCP link under it. The code is ours (non-1000), so the session stays resumable where Discord allows.
    /// </summary>
    private async Task AnswerCloseAsync()
    {
        if (_closing || _socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(GatewayLimits.CloseTimeout, _clock);
            await _sendGate.WaitAsync(timeout.Token);
            try
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)GatewayCloseCodes.ClientResuming, "closed by server", timeout.Token);
                }
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone already; the connection ends either way.
        }
    }

    /// <summary>Graceful shutdown (1000: the session ends with us).</summary>
    public Task CloseForShutdownAsync() =>
        CloseAsync((int)WebSocketCloseStatus.NormalClosure, new ConnectionOutcome(CloseCodeAction.Stop, "shutdown"));

    private void OnHelloOverdue()
    {
        if (HeartbeatInterval is null)
        {
            _ = CloseAsync(GatewayCloseCodes.ClientResuming, new ConnectionOutcome(CloseCodeAction.Resume, "no HELLO within the connect timeout"));
        }
    }

    /// <summary>Stops this connection's timers (heartbeat and HELLO watchdog).</summary>
    private void StopHeartbeat()
    {
        Interlocked.Exchange(ref _heartbeatTimer, null)?.Dispose();
        Interlocked.Exchange(ref _helloTimer, null)?.Dispose();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux";

    public async ValueTask DisposeAsync()
    {
        StopHeartbeat();
        if (_closeTask is { } closing)
        {
            await closing; // bounded by CloseTimeout; never throws
        }

        _closing = true;
        await _stop.CancelAsync();
        _socket.Dispose();
        _stop.Dispose();
        _sendGate.Dispose();
    }
}
