namespace MathForML.Slack.SocketMode;

/// <summary>Limits and timings of the Socket Mode client; every one is explicit and tested.</summary>
public sealed record SocketModeTuning
{
    /// <summary>Slack wants an acknowledgement within 3 s; we auto-acknowledge before that if the handler has not.</summary>
    public TimeSpan AutoAckDeadline { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>A connection that has not said hello by then is dropped and replaced.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSocket ping interval of our side (the socket's keep-alive).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>No pong within this after a ping: the socket is half-open; it is aborted and replaced.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After a refresh/warning, how long the old connection may keep delivering before we close it ourselves.</summary>
    public TimeSpan RefreshDrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay between starting connection slots, so their refreshes do not coincide.</summary>
    public TimeSpan ConnectionStagger { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Base delay after <c>too_many_websockets</c>: other instances hold the connections, so wait longer.</summary>
    public TimeSpan TooManyWebsocketsBaseDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long deliveries are remembered to drop Slack's retries of them.</summary>
    public TimeSpan DeduplicationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most delivery keys remembered; the oldest are forgotten first.</summary>
    public int DeduplicationCapacity { get; init; } = 10_000;

    /// <summary>Envelopes waiting for a handler; when full, new ones stay unacknowledged so Slack redelivers them.</summary>
    public int EnvelopeQueueCapacity { get; init; } = 1024;

    /// <summary>Largest WebSocket message accepted; a larger one drops the connection.</summary>
    public int MaxMessageBytes { get; init; } = 1024 * 1024;

    /// <summary>Bound on our side of the close handshake when stopping.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
