using Microsoft.Extensions.Logging;

namespace MathForML.Slack;

/// <summary>Structured log events of the Slack client. Nothing here ever receives a token or secret.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Slack Web API {Method}: rate limited (429); method blocked for {RetryAfterMs} ms.")]
    public static partial void RateLimited(ILogger logger, string method, double retryAfterMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Slack Web API {Method}: attempt {Attempt} failed ({Code}); retrying after {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, string method, int attempt, string code, double delayMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Slack Web API {Method}: failed with {Kind} {Code}.")]
    public static partial void CallFailed(ILogger logger, string method, WebApi.SlackErrorKind kind, string code);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Slack Socket Mode connection {ConnectionId} (slot {Slot}) ready: Slack reports {NumConnections} connections, approximate lifetime {LifetimeSeconds} s.")]
    public static partial void Hello(ILogger logger, long connectionId, int slot, int numConnections, int? lifetimeSeconds);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Slack Socket Mode connection {ConnectionId}: disconnect requested ({Reason}); opening a replacement first.")]
    public static partial void RefreshRequested(ILogger logger, long connectionId, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Slack Socket Mode slot {Slot}: connection ended ({Reason}); reconnecting after {DelayMs} ms.")]
    public static partial void Reconnecting(ILogger logger, int slot, SocketMode.ConnectionEnd reason, double delayMs);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Critical, Message = "Slack Socket Mode stopped: {Explanation}")]
    public static partial void Stopped(ILogger logger, string explanation);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "Slack Socket Mode: duplicate delivery {DeliveryKey} (retry {RetryAttempt}, {RetryReason}) acknowledged and dropped.")]
    public static partial void DuplicateDropped(ILogger logger, string deliveryKey, int retryAttempt, string? retryReason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Slack Socket Mode: envelope queue full ({Capacity}); envelope {EnvelopeId} left unacknowledged so Slack redelivers it.")]
    public static partial void QueueFull(ILogger logger, int capacity, string envelopeId);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Slack Socket Mode connection {ConnectionId}: unreadable frame ignored: {Error}")]
    public static partial void BadFrame(ILogger logger, long connectionId, string error);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Debug, Message = "Slack Socket Mode: envelope {EnvelopeId} auto-acknowledged at the deadline.")]
    public static partial void AutoAcknowledged(ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Warning, Message = "Slack Socket Mode slot {Slot}: apps.connections.open failed ({Code}); retrying after {DelayMs} ms.")]
    public static partial void OpenFailed(ILogger logger, int slot, string code, double delayMs);
}

