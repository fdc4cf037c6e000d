namespace MathForML.Discord.Gateway;

/// <summary>Gateway limits from Discord's documentation and this client's own safety margins.</summary>
public static class GatewayLimits
{
    /// <summary>Discord closes connections that send payloads larger than this.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>Discord allows 120 gateway sends per 60 seconds per connection.</summary>
    public const int SendsPerWindow = 120;

    public static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);

    /// <summary>Slots of the send window only heartbeats may use, so bursts never starve them.</summary>
    public const int HeartbeatReserve = 5;

    /// <summary>One IDENTIFY per 5 seconds per <c>max_concurrency</c> bucket.</summary>
    public static readonly TimeSpan IdentifySpacing = TimeSpan.FromSeconds(5);

    /// <summary>After op 9 with d=false, wait a random 1–5 s before identifying again.</summary>
    public static readonly TimeSpan InvalidSessionMinDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan InvalidSessionMaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect backoff: base, doubling per consecutive short-lived connection, capped.</summary>
    public static readonly TimeSpan ReconnectBaseDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan ReconnectMaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>A connection that stays up this long resets the backoff.</summary>
    public static readonly TimeSpan StableConnectionTime = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for the WebSocket handshake and for HELLO to arrive.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for our close frame to go out before the socket is aborted.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Largest inbound message accepted (GUILD_CREATE for big guilds is large, but bounded).</summary>
    public const int MaxInboundMessageBytes = 64 * 1024 * 1024;

    /// <summary>Delay before reconnect attempt after <paramref name="consecutiveFailures"/> short-lived
    /// connections: none for the first, then base·2^(n-1) capped, jittered into its upper half.</summary>
    public static TimeSpan ReconnectDelay(int consecutiveFailures, double jitterFraction)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }

        var exponent = int.Min(consecutiveFailures - 1, 16);
        var delay = ReconnectBaseDelay * double.Pow(2, exponent);
        var capped = delay > ReconnectMaxDelay ? ReconnectMaxDelay : delay;
        return capped * (0.5 + (0.5 * jitterFraction));
    }
}
