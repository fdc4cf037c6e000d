using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Slack.SocketMode;

/// <summary>
/// Slack Socket Mode: keeps <see cref="SlackOptions.ConnectionCount"/> staggered WebSocket connections, each
/// opened with a fresh URL from <c>apps.connections.open</c>, and hands every distinct delivery to
/// <see cref="Envelopes"/> exactly once. Handlers read that channel (never on the receive loop) and acknowledge
/// through <see cref="SocketModeEnvelope.AckAsync(CancellationToken)"/>; unacknowledged envelopes are acknowledged
/// automatically before Slack's 3-second deadline.
/// </summary>
public sealed class SocketModeClient : ISocketModeDispatcher, IAsyncDisposable
{
    private readonly SlackWebApiClient _webApi;
    private readonly int _connectionCount;
    private readonly TimeProvider _time;
    private readonly SocketModeTuning _tuning;
    private readonly ILogger _logger;
    private readonly DeliveryDeduplicator _deduplicator;
    private readonly Channel<SocketModeEnvelope> _envelopes;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, SocketModeConnection> _live = new();
    private readonly ConcurrentDictionary<long, Task> _draining = new();
    private CancellationTokenSource? _stopping;
    private Task[] _slots = [];
    private int _opened;
    private int _disposed;

    public SocketModeClient(
        SlackWebApiClient webApi, IOptions<SlackOptions> options, TimeProvider time, ILogger<SocketModeClient>? logger = null, SocketModeTuning? tuning = null)
        : this(webApi, options.Value.ConnectionCount, time, tuning ?? new SocketModeTuning(), logger ?? (ILogger)NullLogger.Instance)
    {
    }

    internal SocketModeClient(SlackWebApiClient webApi, int connectionCount, TimeProvider time, SocketModeTuning tuning, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(webApi);
        ArgumentOutOfRangeException.ThrowIfLessThan(connectionCount, SlackOptionsValidator.MinConnectionCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(connectionCount, SlackOptionsValidator.MaxConnectionCount);
        _webApi = webApi;
        _connectionCount = connectionCount;
        _time = time;
        _tuning = tuning;
        _logger = logger;
        _deduplicator = new DeliveryDeduplicator(time, tuning.DeduplicationWindow, tuning.DeduplicationCapacity);
        _envelopes = Channel.CreateBounded<SocketModeEnvelope>(new BoundedChannelOptions(tuning.EnvelopeQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full; the receive loop never waits
            SingleWriter = false,
        });
    }

    /// <summary>Distinct deliveries, in arrival order. Completes with <see cref="SlackSocketModeException"/> on a fatal stop.</summary>
    public ChannelReader<SocketModeEnvelope> Envelopes => _envelopes.Reader;

    /// <summary>Completes when the client stops; faults with <see cref="SlackSocketModeException"/> if Slack stopped it.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Connections that are open and have received hello (draining ones included).</summary>
    public int ReadyConnections => _live.Values.Count(c => c.HelloReceived);

    /// <summary>Connections opened so far (each reconnect opens a new one).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    internal SocketModeTuning Tuning => _tuning;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException("The Socket Mode client was already started.");
        }

        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        _slots = [.. Enumerable.Range(0, _connectionCount).Select(slot => Task.Run(() => RunSlotAsync(slot, token), CancellationToken.None))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping is null || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_slots).WaitAsync(cancellationToken);
        }
        catch (Exception) when (_completion.Task.IsFaulted)
        {
            // Already reported through Completion.
        }

        await Task.WhenAll(_draining.Values).WaitAsync(cancellationToken);
        _envelopes.Writer.TryComplete();
        _completion.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping?.Dispose();
        }
    }

    void ISocketModeDispatcher.OnEnvelope(SocketModeConnection connection, JsonElement frame)
    {
        var envelopeId = JsonRead.String(frame, "envelope_id");
        var type = JsonRead.String(frame, "type") switch
        {
            "events_api" => SocketEnvelopeType.EventsApi,
            "slash_commands" => SocketEnvelopeType.SlashCommands,
            _ => SocketEnvelopeType.Interactive,
        };
        if (envelopeId is null)
        {
            SlackLog.BadFrame(_logger, connection.Id, "envelope without envelope_id");
            return;
        }

        var payload = frame.TryGetProperty("payload", out var p) ? p : default;
        var eventId = type == SocketEnvelopeType.EventsApi ? JsonRead.String(payload, "event_id") : null;
        var key = eventId is null ? "envelope:" + envelopeId : "event:" + eventId;
        var retryAttempt = JsonRead.Int(frame, "retry_attempt") ?? 0;
        var retryReason = JsonRead.String(frame, "retry_reason");
        if (!_deduplicator.TryRegister(key))
        {
            // Already handed out: acknowledge so Slack stops retrying, but do not hand it out again.
            SlackLog.DuplicateDropped(_logger, key, retryAttempt, retryReason);
            _ = connection.SendAckAsync(envelopeId, null, CancellationToken.None);
            return;
        }

        var envelope = new SocketModeEnvelope(
            connection, envelopeId, type, payload, JsonRead.Bool(frame, "accepts_response_payload"), retryAttempt, retryReason, eventId, _time.GetUtcNow());
        envelope.ArmAutoAck(_time, _tuning.AutoAckDeadline, id => SlackLog.AutoAcknowledged(_logger, id));
        if (!_envelopes.Writer.TryWrite(envelope))
        {
            envelope.DisarmAutoAck();
            _deduplicator.Forget(key);
            SlackLog.QueueFull(_logger, _tuning.EnvelopeQueueCapacity, envelopeId);
        }
    }

    private async Task RunSlotAsync(int slot, CancellationToken stopping)
    {
        try
        {
            if (slot > 0)
            {
                await Task.Delay(_tuning.ConnectionStagger * slot, _time, stopping);
            }

            var failures = 0;
            while (!stopping.IsCancellationRequested)
            {
                var opened = await _webApi.OpenSocketModeConnectionAsync(stopping);
                if (!opened.IsSuccess)
                {
                    if (opened.Error.IsUnrecoverableAuth)
                    {
                        Fail(new SlackSocketModeException(
                            SocketModeStopReason.Unauthorized,
                            opened.Error.Code,
                            string.Format(System.Globalization.CultureInfo.InvariantCulture, SlackMessages.ConnectionOpenUnauthorized, opened.Error.Code)));
                        return;
                    }

                    failures++;
                    var openDelay = Backoff.Delay(failures, _tuning.ReconnectBaseDelay, _tuning.ReconnectMaxDelay);
                    SlackLog.OpenFailed(_logger, slot, opened.Error.Code, openDelay.TotalMilliseconds);
                    await Task.Delay(openDelay, _time, stopping);
                    continue;
                }

                var connection = new SocketModeConnection(slot, _time, _tuning, this, _logger);
                Interlocked.Increment(ref _opened);
                _live[connection.Id] = connection;
                ConnectionEnd end;
                Task<ConnectionEnd>? run = null;
                try
                {
                    await connection.ConnectAsync(opened.Value, stopping);
                    run = connection.RunAsync(stopping);
                    if (await Task.WhenAny(run, connection.RefreshRequested) != run)
                    {
                        // Slack asked for a fresh connection: open it now while this one keeps delivering.
                        var drain = DrainAsync(connection, run);
                        _draining[connection.Id] = drain;
                        if (drain.IsCompleted)
                        {
                            _draining.TryRemove(connection.Id, out _); // it finished before it was registered
                        }

                        failures = 0;
                        continue;
                    }

                    end = await run;
                }
                catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException
                                           || (ex is OperationCanceledException && !stopping.IsCancellationRequested)
                                           // ClientWebSocket.Abort disposes: the hello timer (or a stop) aborting as ConnectAsync runs.
                                           || ex is ObjectDisposedException)
                {
                    end = ConnectionEnd.Dropped;
                }
                finally
                {
                    if (run is null || run.IsCompleted)
                    {
                        _live.TryRemove(connection.Id, out _);
                        await connection.DisposeAsync();
                    }
                }

                if (end == ConnectionEnd.Stopped || stopping.IsCancellationRequested)
                {
                    return;
                }

                if (end == ConnectionEnd.LinkDisabled)
                {
                    Fail(new SlackSocketModeException(SocketModeStopReason.LinkDisabled, "link_disabled", SlackMessages.LinkDisabled));
                    return;
                }

                // A connection that got as far as hello was healthy: start the backoff from the bottom again.
                failures = connection.HelloReceived && end != ConnectionEnd.TooManyWebsockets ? 1 : failures + 1;
                var delay = end == ConnectionEnd.TooManyWebsockets
                    ? Backoff.Delay(failures, _tuning.TooManyWebsocketsBaseDelay, TimeSpan.FromTicks(long.Max(_tuning.TooManyWebsocketsBaseDelay.Ticks, _tuning.ReconnectMaxDelay.Ticks)))
                    : Backoff.Delay(failures, _tuning.ReconnectBaseDelay, _tuning.ReconnectMaxDelay);
                SlackLog.Reconnecting(_logger, slot, end, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            // A bug, not a Slack condition: surface it through Completion and the channel instead of dying silently.
            _envelopes.Writer.TryComplete(ex);
            _completion.TrySetException(ex);
            throw;
        }
    }

    private async Task DrainAsync(SocketModeConnection connection, Task<ConnectionEnd> run)
    {
        try
        {
            if (await run == ConnectionEnd.LinkDisabled)
            {
                Fail(new SlackSocketModeException(SocketModeStopReason.LinkDisabled, "link_disabled", SlackMessages.LinkDisabled));
            }
        }
        finally
        {
            _live.TryRemove(connection.Id, out _);
            await connection.DisposeAsync();
            _draining.TryRemove(connection.Id, out _);
        }
    }

    private void Fail(SlackSocketModeException error)
    {
        SlackLog.Stopped(_logger, error.Message);
        _envelopes.Writer.TryComplete(error);
        _completion.TrySetException(error);
        _stopping?.Cancel();
    }

    /// <summary>For tests: connection drains still running.</summary>
    internal int DrainingConnections => _draining.Count;
}
