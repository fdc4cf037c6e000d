using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.SocketMode;

/// <summary>How a connection ended, deciding what its slot does next.</summary>
internal enum ConnectionEnd
{
    /// <summary>We were asked to stop.</summary>
    Stopped,

    /// <summary>Closed or broke (server close, network error, pong timeout, no hello, oversized frame).</summary>
    Dropped,

    /// <summary>Drained after a refresh/warning; its replacement is already open.</summary>
    Replaced,

    LinkDisabled,

    TooManyWebsockets,
}

/// <summary>Callbacks a connection makes into its owning client.</summary>
internal interface ISocketModeDispatcher
{
    void OnEnvelope(SocketModeConnection connection, JsonElement frame);
}

/// <summary>
/// Everything about one Socket Mode WebSocket: the socket, its send lock, hello state, refresh signal and
/// timers. Created per connection and discarded with it, so nothing leaks from one connection into the next.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private static long s_nextId;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<string> _refreshRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private readonly SocketModeTuning _tuning;
    private readonly ISocketModeDispatcher _dispatcher;
    private readonly ILogger _logger;
    private ITimer? _helloTimer;
    private ITimer? _drainTimer;
    private volatile bool _helloReceived;
    private volatile bool _timedOut;

    public SocketModeConnection(int slot, TimeProvider time, SocketModeTuning tuning, ISocketModeDispatcher dispatcher, ILogger logger)
    {
        Id = Interlocked.Increment(ref s_nextId);
        Slot = slot;
        _time = time;
        _tuning = tuning;
        _dispatcher = dispatcher;
        _logger = logger;
        _socket.Options.KeepAliveInterval = tuning.PingInterval;
        _socket.Options.KeepAliveTimeout = tuning.PongTimeout;
    }

    public long Id { get; }

    public int Slot { get; }

    public bool HelloReceived => _helloReceived;

    /// <summary>From hello: how many connections Slack counts for the app, including this one.</summary>
    public int NumConnections { get; private set; }

    /// <summary>From hello's debug_info: roughly how long Slack keeps this connection before refreshing it.</summary>
    public int? ApproximateLifetimeSeconds { get; private set; }

    /// <summary>Completes with the disconnect reason when Slack asks us to move to a fresh connection.</summary>
    public Task<string> RefreshRequested => _refreshRequested.Task;

    public async Task ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        _helloTimer = _time.CreateTimer(_ => TimeOut(), null, _tuning.HelloTimeout, Timeout.InfiniteTimeSpan);
        await _socket.ConnectAsync(url, cancellationToken);
    }

    /// <summary>Reads frames until the connection ends; never throws for network reasons.</summary>
    public async Task<ConnectionEnd> RunAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == int.Min(buffer.Length, _tuning.MaxMessageBytes))
                    {
                        if (length >= _tuning.MaxMessageBytes)
                        {
                            SlackLog.BadFrame(_logger, Id, "message larger than the limit");
                            return ConnectionEnd.Dropped;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(int.Min(buffer.Length * 2, _tuning.MaxMessageBytes));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(length, int.Min(buffer.Length, _tuning.MaxMessageBytes) - length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync();
                    return RefreshRequested.IsCompleted ? ConnectionEnd.Replaced : ConnectionEnd.Dropped;
                }

                if (result.MessageType == WebSocketMessageType.Text && HandleFrame(buffer.AsSpan(0, length)) is { } end)
                {
                    return end;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ConnectionEnd.Stopped;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Aborted by a timer of ours (hello or drain), by the keep-alive's pong timeout, or by the network.
            return RefreshRequested.IsCompleted && !_timedOut ? ConnectionEnd.Replaced : ConnectionEnd.Dropped;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<bool> SendAckAsync(string envelopeId, JsonElement? payload, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is { } value)
            {
                writer.WritePropertyName("payload");
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return await SendAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
    }

    /// <summary>Closes politely within <see cref="SocketModeTuning.CloseTimeout"/>, then aborts.</summary>
    public async Task CloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(_tuning.CloseTimeout, _time);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The peer is gone already; aborting below is all that is left to do.
            }
        }

        _socket.Abort();
    }

    /// <summary>Slack closed the socket: answer with our close frame now, as the protocol asks, rather than when the slot cleans up.</summary>
    private async Task AnswerCloseAsync()
    {
        using var timeout = new CancellationTokenSource(_tuning.CloseTimeout, _time);
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The peer is gone already; disposing aborts what is left.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _helloTimer?.Dispose();
        _drainTimer?.Dispose();
        await CloseAsync();
        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task<bool> SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        try
        {
            await _sendLock.WaitAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        try
        {
            if (_socket.State != WebSocketState.Open && _socket.State != WebSocketState.CloseReceived)
            {
                return false;
            }

            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            return false;
        }
        finally
        {
            try
            {
                _sendLock.Release();
            }
            catch (ObjectDisposedException)
            {
                // The connection was disposed while this send was in flight; nothing left to release.
            }
        }
    }

    /// <summary>Handles one text frame; returns how the connection ends if this frame ends it.</summary>
    private ConnectionEnd? HandleFrame(ReadOnlySpan<byte> frame)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(frame);
            using var document = JsonDocument.ParseValue(ref reader);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                SlackLog.BadFrame(_logger, Id, ex.Message);
            }

            return null;
        }

        switch (JsonRead.String(root, "type"))
        {
            case "hello":
                _helloReceived = true;
                _helloTimer?.Dispose();
                ApproximateLifetimeSeconds = JsonRead.Object(root, "debug_info") is { } debug ? JsonRead.Int(debug, "approximate_connection_time") : null;
                NumConnections = JsonRead.Int(root, "num_connections") ?? 0;
                SlackLog.Hello(_logger, Id, Slot, NumConnections, ApproximateLifetimeSeconds);
                return null;
            case "disconnect":
                return HandleDisconnect(JsonRead.String(root, "reason") ?? "unknown");
            case "events_api" or "slash_commands" or "interactive":
                _dispatcher.OnEnvelope(this, root);
                return null;
            default:
                return null;
        }
    }

    private ConnectionEnd? HandleDisconnect(string reason)
    {
        switch (reason)
        {
            case "link_disabled":
                return ConnectionEnd.LinkDisabled;
            case "too_many_websockets":
                return ConnectionEnd.TooManyWebsockets;
            default:
                // warning, refresh_requested and any future reason: keep reading this connection until Slack
                // closes it, while the slot opens the replacement, so envelopes sent meanwhile still arrive.
                if (_refreshRequested.TrySetResult(reason))
                {
                    SlackLog.RefreshRequested(_logger, Id, reason);
                    _drainTimer = _time.CreateTimer(_ => _socket.Abort(), null, _tuning.RefreshDrainTimeout, Timeout.InfiniteTimeSpan);
                }

                return null;
        }
    }

    private void TimeOut()
    {
        if (!_helloReceived)
        {
            _timedOut = true;
            _socket.Abort();
        }
    }
}
