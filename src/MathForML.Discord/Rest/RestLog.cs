using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Rest;

internal static partial class RestLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Critical, Message = "Discord REST: {Route} answered 401 Unauthorized; the client has stopped. Check Discord:Token.")]
    public static partial void Unauthorized(ILogger logger, string route);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Discord REST: {Route} rate limited (global={Global}, scope={Scope}); retrying after {RetryAfterMs} ms.")]
    public static partial void RateLimited(ILogger logger, string route, bool global, string? scope, double retryAfterMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Discord REST: {Route} failed with HTTP {Status}; retry {Attempt} after {DelayMs} ms.")]
    public static partial void ServerErrorRetry(ILogger logger, string route, int status, int attempt, double delayMs);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Discord REST: {Route} {Failure}; retry {Attempt} after {DelayMs} ms.")]
    public static partial void TransportRetry(ILogger logger, string route, string failure, int attempt, double delayMs);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Discord REST: invalid-request guard tripped; refusing {Route} until the 10-minute window clears.")]
    public static partial void InvalidRequestGuard(ILogger logger, string route);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Discord REST: {Route} rejected with HTTP {Status}, code {Code}: {DiscordMessage}")]
    public static partial void Rejected(ILogger logger, string route, int status, int? code, string discordMessage);
}
