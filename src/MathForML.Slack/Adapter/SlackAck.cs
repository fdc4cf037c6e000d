using System.Text.Json;
using MathForML.Slack.SocketMode;

namespace MathForML.Slack.Adapter;

/// <summary>
/// Acknowledges one delivery within Slack's 3 seconds: a Socket Mode envelope ack, or the HTTP response in HTTP mode.
/// A payload (a slash command's reply message, a modal's <c>response_action</c>) is sent only where accepted.
/// </summary>
public interface ISlackAck
{
    bool AcceptsPayload { get; }

    /// <summary>Acknowledges; true when Slack got this acknowledgement (with its payload, if any). False: someone
    /// acknowledged first (the safety net, a timed-out HTTP response) or the connection is gone, so a payload given
    /// here did not reach the member and must be delivered another way.</summary>
    Task<bool> AckAsync(JsonElement? payload, CancellationToken cancellationToken);
}

/// <summary>Acknowledges through the Socket Mode connection that delivered the envelope.</summary>
public sealed class SocketModeAck(SocketModeEnvelope envelope) : ISlackAck
{
    public bool AcceptsPayload => envelope.AcceptsResponsePayload;

    public async Task<bool> AckAsync(JsonElement? payload, CancellationToken cancellationToken) =>
        await (payload is { } body && envelope.AcceptsResponsePayload ? envelope.AckAsync(body, cancellationToken) : envelope.AckAsync(cancellationToken))
            == AckOutcome.Sent;
}

/// <summary>HTTP mode: the endpoint waits for <see cref="Response"/> and writes it as the HTTP response.</summary>
public sealed class HttpAck : ISlackAck
{
    private readonly TaskCompletionSource<JsonElement?> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool AcceptsPayload => true;

    /// <summary>Completes with the payload to send (null: an empty 200).</summary>
    public Task<JsonElement?> Response => _response.Task;

    public Task<bool> AckAsync(JsonElement? payload, CancellationToken cancellationToken) => Task.FromResult(_response.TrySetResult(payload));

    /// <summary>The endpoint answered without waiting any longer (an empty 200); a later payload is refused.</summary>
    public void Abandon() => _response.TrySetResult(null);
}
