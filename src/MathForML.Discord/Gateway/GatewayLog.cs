using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Gateway;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical, Message = "Discord gateway stopped: close code {CloseCode}, {Explanation}. Not reconnecting.")]
    public static partial void FatalClose(ILogger logger, int? closeCode, string explanation);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Discord gateway connection ended ({Reason}, close code {CloseCode}); next: {Next} after {DelayMs} ms.")]
    public static partial void ConnectionEnded(ILogger logger, string reason, int? closeCode, string next, double delayMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK since the last beat; closing the zombie connection to resume.")]
    public static partial void Zombie(ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Discord gateway ready: session {SessionId}, shard {ShardId}/{ShardCount}.")]
    public static partial void Ready(ILogger logger, string sessionId, int shardId, int shardCount);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Discord gateway resumed session {SessionId} at sequence {Sequence}.")]
    public static partial void Resumed(ILogger logger, string sessionId, long? sequence);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Discord gateway: session start limit exhausted; waiting {WaitMs} ms before identifying.")]
    public static partial void SessionStartLimitWait(ILogger logger, double waitMs);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Discord gateway: GET /gateway/bot failed ({Error}); retrying after {DelayMs} ms.")]
    public static partial void GatewayInfoFailed(ILogger logger, string error, double delayMs);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Critical, Message = "Discord gateway stopped: the REST client reported the token as invalid (401).")]
    public static partial void StoppedUnauthorized(ILogger logger);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Discord gateway: unreadable payload ignored at byte {Position}: {Error}")]
    public static partial void BadPayload(ILogger logger, long? position, string error);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Discord gateway: dropped replayed dispatch {Type} with sequence {Sequence} (already delivered).")]
    public static partial void DuplicateDropped(ILogger logger, string type, long sequence);
}
