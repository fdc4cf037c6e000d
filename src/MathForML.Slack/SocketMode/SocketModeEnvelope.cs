using System.Text.Json;

namespace MathForML.Slack.SocketMode;

public enum SocketEnvelopeType
{
    EventsApi,
    SlashCommands,
    Interactive,
}

public enum AckOutcome
{
    /// <summary>The acknowledgement was written to the connection that delivered the envelope.</summary>
    Sent,

    /// <summary>Someone (the handler or the deadline) already acknowledged it; nothing was sent.</summary>
    AlreadyAcknowledged,

    /// <summary>The delivering connection is gone; Slack will redeliver and the duplicate is acknowledged then.</summary>
    ConnectionClosed,
}

/// <summary>
/// One Socket Mode delivery. Acknowledge it once, with a response payload where
/// <see cref="AcceptsResponsePayload"/> says Slack accepts one; if nobody does by the deadline, the client
/// acknowledges it without a payload so Slack does not redeliver because we were slow.
/// </summary>
public sealed class SocketModeEnvelope
{
    private readonly SocketModeConnection _connection;
    private ITimer? _autoAckTimer;
    private int _acknowledged;

    internal SocketModeEnvelope(
        SocketModeConnection connection,
        string envelopeId,
        SocketEnvelopeType type,
        JsonElement payload,
        bool acceptsResponsePayload,
        int retryAttempt,
        string? retryReason,
        string? eventId,
        DateTimeOffset receivedAt)
    {
        _connection = connection;
        EnvelopeId = envelopeId;
        Type = type;
        Payload = payload;
        AcceptsResponsePayload = acceptsResponsePayload;
        RetryAttempt = retryAttempt;
        RetryReason = retryReason;
        EventId = eventId;
        ReceivedAt = receivedAt;
    }

    public string EnvelopeId { get; }

    public SocketEnvelopeType Type { get; }

    /// <summary>The envelope's <c>payload</c>: an event callback, a slash command, or an interaction.</summary>
    public JsonElement Payload { get; }

    public bool AcceptsResponsePayload { get; }

    public int RetryAttempt { get; }

    public string? RetryReason { get; }

    /// <summary><c>payload.event_id</c> of an <c>events_api</c> envelope.</summary>
    public string? EventId { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>ID of the connection that delivered it (for diagnostics and tests).</summary>
    public long ConnectionId => _connection.Id;

    public bool IsAcknowledged => Volatile.Read(ref _acknowledged) != 0;

    public Task<AckOutcome> AckAsync(CancellationToken cancellationToken = default) => AckCoreAsync(null, cancellationToken);

    /// <summary>
    /// Acknowledges with a response payload (e.g. a slash command's reply message, or <c>response_action</c> for a
    /// view submission). Calling this on an envelope that does not accept a payload is a bug.
    /// </summary>
    public Task<AckOutcome> AckAsync(JsonElement payload, CancellationToken cancellationToken = default)
    {
        if (!AcceptsResponsePayload)
        {
            throw new InvalidOperationException(SlackMessages.AckPayloadNotAccepted);
        }

        return AckCoreAsync(payload, cancellationToken);
    }

    internal void ArmAutoAck(TimeProvider time, TimeSpan deadline, Action<string> onAutoAck)
    {
        _autoAckTimer = time.CreateTimer(
            _ =>
            {
                if (!IsAcknowledged)
                {
                    onAutoAck(EnvelopeId);
                    _ = AckCoreAsync(null, CancellationToken.None);
                }
            },
            null,
            deadline,
            Timeout.InfiniteTimeSpan);
    }

    internal void DisarmAutoAck() => _autoAckTimer?.Dispose();

    private async Task<AckOutcome> AckCoreAsync(JsonElement? payload, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _acknowledged, 1) != 0)
        {
            return AckOutcome.AlreadyAcknowledged;
        }

        DisarmAutoAck();
        return await _connection.SendAckAsync(EnvelopeId, payload, cancellationToken) ? AckOutcome.Sent : AckOutcome.ConnectionClosed;
    }
}
