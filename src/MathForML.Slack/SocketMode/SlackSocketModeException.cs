namespace MathForML.Slack.SocketMode;

public enum SocketModeStopReason
{
    /// <summary>Slack sent <c>disconnect</c> with reason <c>link_disabled</c>: Socket Mode was turned off for the app.</summary>
    LinkDisabled,

    /// <summary><c>apps.connections.open</c> refused the app-level token for good (invalid_auth, token_revoked, …).</summary>
    Unauthorized,
}

/// <summary>Socket Mode stopped for a reason no reconnect can fix; the message tells the operator what to do.</summary>
public sealed class SlackSocketModeException : Exception
{
    public SlackSocketModeException()
    {
    }

    public SlackSocketModeException(string message)
        : base(message)
    {
    }

    public SlackSocketModeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackSocketModeException(SocketModeStopReason reason, string? code, string message)
        : base(message)
    {
        Reason = reason;
        Code = code;
    }

    public SocketModeStopReason Reason { get; }

    /// <summary>Slack's error code or disconnect reason.</summary>
    public string? Code { get; }
}
