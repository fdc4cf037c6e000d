using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace MathForML.Discord.Gateway;

/// <summary>The receive side: reassembling messages and acting on each opcode.</summary>
internal sealed partial class GatewayConnection
{
    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
        var message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                message.ResetWrittenCount();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(chunk.AsMemory(), cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await AnswerCloseAsync();
                        return;
                    }

                    if (message.WrittenCount + received.Count > GatewayLimits.MaxInboundMessageBytes)
                    {
                        await CloseAsync(GatewayCloseCodes.ClientResuming, new ConnectionOutcome(CloseCodeAction.Resume, "inbound message too large"));
                        return;
                    }

                    message.Write(chunk.AsSpan(0, received.Count));
                }
                while (!received.EndOfMessage);

                _framesSinceLastBeat = true;
                await HandleMessageAsync(message.WrittenMemory, cancellationToken);
                if (_closing)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException error)
        {
            GatewayLog.BadPayload(_logger, error.BytePositionInLine, error.Message);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.Number || !opElement.TryGetInt32(out var op))
            {
                GatewayLog.BadPayload(_logger, null, "missing op");
                return;
            }

            root.TryGetProperty("d", out var data);
            switch ((GatewayOpcode)op)
            {
                case GatewayOpcode.Hello:
                    await OnHelloAsync(data, cancellationToken);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    _ackSinceLastBeat = true;
                    _diagnostics.AckReceived();
                    break;
                case GatewayOpcode.Heartbeat:
                    // Discord asks for a beat now; it does not restart our interval.
                    _ = SendHeartbeatAsync();
                    break;
                case GatewayOpcode.Reconnect:
                    await CloseAsync(GatewayCloseCodes.ClientResuming, new ConnectionOutcome(CloseCodeAction.Resume, "op 7 reconnect"));
                    break;
                case GatewayOpcode.InvalidSession:
                    await OnInvalidSessionAsync(data.ValueKind == JsonValueKind.True);
                    break;
                case GatewayOpcode.Dispatch:
                    await OnDispatchAsync(root, data, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }

    private async Task OnHelloAsync(JsonElement data, CancellationToken cancellationToken)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("heartbeat_interval", out var intervalElement)
            || !intervalElement.TryGetDouble(out var intervalMs) || intervalMs <= 0)
        {
            GatewayLog.BadPayload(_logger, null, "HELLO without heartbeat_interval");
            await CloseAsync(GatewayCloseCodes.ClientResuming, new ConnectionOutcome(CloseCodeAction.Resume, "bad HELLO"));
            return;
        }

        var interval = TimeSpan.FromMilliseconds(intervalMs);
        HeartbeatInterval = interval;
        _ackSinceLastBeat = true;
        // The first beat is jittered so that many clients reconnecting together do not beat in step.
        _heartbeatTimer = _clock.CreateTimer(_ => OnHeartbeatDue(), null, interval * _settings.Jitter(), interval);

        if (_resume && _session.CanResume)
        {
            _diagnostics.ResumeSent();
            await SendAsync(GatewayOpcode.Resume, new { token = _settings.Token, session_id = _session.SessionId, seq = _session.Sequence }, cancellationToken);
        }
        else
        {
            _session.Invalidate();
            _diagnostics.IdentifySent();
            await SendAsync(GatewayOpcode.Identify, new
            {
                token = _settings.Token,
                intents = (int)_settings.Intents,
                properties = new { os = OperatingSystemName(), browser = "MathForML", device = "MathForML" },
                shard = new[] { _settings.ShardId, _settings.ShardCount },
            }, cancellationToken);
        }
    }

    private async Task OnInvalidSessionAsync(bool resumable)
    {
        // d=false: the session is gone; Discord asks for a random 1–5 s wait before identifying again.
        var outcome = resumable
            ? new ConnectionOutcome(CloseCodeAction.Resume, "op 9 invalid session (resumable)")
            : new ConnectionOutcome(CloseCodeAction.Reidentify, "op 9 invalid session",
                MinimumDelay: GatewayLimits.InvalidSessionMinDelay
                    + ((GatewayLimits.InvalidSessionMaxDelay - GatewayLimits.InvalidSessionMinDelay) * _settings.Jitter()));
        await CloseAsync(resumable ? GatewayCloseCodes.ClientResuming : (int)WebSocketCloseStatus.NormalClosure, outcome);
    }

    private async Task OnDispatchAsync(JsonElement root, JsonElement data, CancellationToken cancellationToken)
    {
        var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var value) ? value : null;

        if (type == "READY")
        {
            if (!TryReadSession(data, out var sessionId, out var resumeUrl))
            {
                GatewayLog.BadPayload(_logger, null, "READY without session_id or resume_gateway_url");
                await CloseAsync(GatewayCloseCodes.ClientResuming, new ConnectionOutcome(CloseCodeAction.Reidentify, "bad READY"));
                return;
            }

            _session.Start(sessionId, resumeUrl);
            _reachedReady = true;
            GatewayLog.Ready(_logger, sessionId, _settings.ShardId, _settings.ShardCount);
        }
        else if (type == "RESUMED")
        {
            _reachedReady = true;
            GatewayLog.Resumed(_logger, _session.SessionId ?? "", _session.Sequence);
        }

        // Events without a sequence cannot be replayed or deduplicated; they pass through as they come.
        if (sequence is { } seq && type != "READY" && _session.IsDuplicate(seq))
        {
            _diagnostics.DuplicateDropped();
            GatewayLog.DuplicateDropped(_logger, type, seq);
            return;
        }

        var dispatch = new GatewayDispatch(type, sequence ?? _session.Sequence ?? 0, data.ValueKind == JsonValueKind.Undefined ? default : data.Clone());
        if (!_dispatches.TryWrite(dispatch))
        {
            // The consumer is behind: wait for it (back-pressure) rather than drop. ACKs cannot be read
            // meanwhile, so the zombie check stands down until the write goes through.
            _waitingForConsumer = true;
            try
            {
                await _dispatches.WriteAsync(dispatch, cancellationToken);
            }
            finally
            {
                _waitingForConsumer = false;
            }
        }

        // Only what consumers received counts, so a resume replays anything not handed over.
        if (sequence is { } delivered)
        {
            _session.Delivered(delivered);
        }

        _diagnostics.DispatchDelivered();
    }

    private static bool TryReadSession(JsonElement data, out string sessionId, out Uri resumeUrl)
    {
        sessionId = "";
        resumeUrl = null!;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("session_id", out var id) || id.ValueKind != JsonValueKind.String
            || !data.TryGetProperty("resume_gateway_url", out var url) || url.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var parsed))
        {
            return false;
        }

        sessionId = id.GetString()!;
        resumeUrl = parsed;
        return true;
    }
}
