using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>Structured log events of the Slack adapter. Nothing here ever receives a token or secret.</summary>
internal static partial class SlackAdapterLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Slack users.info for {UserId} failed ({Code}); treating the user as a member.")]
    public static partial void UserLookupFailed(ILogger logger, string userId, string code);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Slack usergroups.users.list for {GroupId} failed ({Code}); organizer rights by user group unavailable.")]
    public static partial void UserGroupLookupFailed(ILogger logger, string groupId, string code);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Slack: could not post the thread title in {ChannelId} ({Code}).")]
    public static partial void ThreadTitleFailed(ILogger logger, string channelId, string code);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "{Failure}")]
    public static partial void AttachmentsFailed(ILogger logger, string failure);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "Slack post {Key} was already in the channel (message {MessageId}); not sending it again.")]
    public static partial void PostFoundInHistory(ILogger logger, string key, string messageId);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "Slack post {Key}: an earlier send may have reached Slack, but history could not be checked ({Code}); sending it.")]
    public static partial void HistoryCheckFailed(ILogger logger, string key, string code);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Critical, Message = "Slack adapter stopped: {Reason}")]
    public static partial void AdapterStopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Warning, Message = "Slack post to {ChannelId} failed: {Description}")]
    public static partial void PostFailed(ILogger logger, string channelId, string description);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Warning, Message = "Slack reply in {ChannelId} failed: {Description}")]
    public static partial void ReplyFailed(ILogger logger, string channelId, string description);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Warning, Message = "Slack button {ActionId}: the form could not be opened ({Code}).")]
    public static partial void ModalFailed(ILogger logger, string actionId, string code);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Debug, Message = "Slack button {ActionId} pressed outside a channel; ignored.")]
    public static partial void ActionWithoutChannel(ILogger logger, string actionId);

    [LoggerMessage(EventId = 2212, Level = LogLevel.Warning, Message = "Slack {Kind} delivery could not be read: {Error}; ignored.")]
    public static partial void UnreadableDelivery(ILogger logger, string kind, string error);

    [LoggerMessage(EventId = 2213, Level = LogLevel.Error, Message = "Slack {Kind} delivery failed; skipped.")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(EventId = 2214, Level = LogLevel.Warning, Message = "Slack HTTP request to {Path} refused: signature check {Check} (from {Remote}).")]
    public static partial void SignatureRejected(ILogger logger, string path, HttpMode.SignatureCheck check, string remote);

    [LoggerMessage(EventId = 2215, Level = LogLevel.Information, Message = "Slack HTTP mode listening on {Address}.")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(EventId = 2216, Level = LogLevel.Information, Message = "Slack adapter connected as {BotUserId} in workspace {TeamId} ({Mode}).")]
    public static partial void Connected(ILogger logger, string botUserId, string teamId, SlackMode mode);

    [LoggerMessage(EventId = 2217, Level = LogLevel.Warning, Message = "Slack auth.test failed ({Code}); starting anyway.")]
    public static partial void AuthTestFailed(ILogger logger, string code);

    [LoggerMessage(EventId = 2218, Level = LogLevel.Warning, Message = "Slack: {Count} deliveries still running at shutdown were abandoned.")]
    public static partial void DrainTimedOut(ILogger logger, int count);

    [LoggerMessage(EventId = 2219, Level = LogLevel.Warning, Message = "Slack: files for {UserId} could not be sent by direct message: {Description}")]
    public static partial void FilesNotSent(ILogger logger, string userId, string description);

    [LoggerMessage(EventId = 2220, Level = LogLevel.Error, Message = "Slack thread message {MessageId} in {ChannelId} could not be recorded; skipped.")]
    public static partial void ThreadMessageFailed(ILogger logger, Exception exception, string channelId, string messageId);

    [LoggerMessage(EventId = 6200, Level = LogLevel.Error, Message = "Slack: the reply to {Command} from member {UserId} in {ChannelId} could not be delivered by any path: {Description}")]
    public static partial void ReplyLost(ILogger logger, string command, string userId, string channelId, string description);
}
