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

    Task AckAsync(JsonElement? payload, CancellationToken cancellationToken);
}

/// <summary>Acknowledges through the Socket Mode connection that delivered the envelope.</summary>
public sealed class SocketModeAck(SocketModeEnvelope envelope) : ISlackAck
{
    public bool AcceptsPayload => envelope.AcceptsResponsePayload;

    public Task AckAsync(JsonElement? payload, CancellationToken cancellationToken) =>
        payload is { } body && envelope.AcceptsResponsePayload ? envelope.AckAsync(body, cancellationToken) : envelope.AckAsync(cancellationToken);
}

/// <summary>HTTP mode: the endpoint waits for <see cref="Response"/> and writes it as the HTTP response.</summary>
public sealed class HttpAck : ISlackAck
{
    private readonly TaskCompletionSource<JsonElement?> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool AcceptsPayload => true;

    /// <summary>Completes with the payload to send (null: an empty 200).</summary>
    public Task<JsonElement?> Response => _response.Task;

    public Task AckAsync(JsonElement? payload, CancellationToken cancellationToken)
    {
        _response.TrySetResult(payload);
        return Task.CompletedTask;
    }
}
