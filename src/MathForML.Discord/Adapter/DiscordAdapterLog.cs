using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Adapter;

internal static partial class DiscordAdapterLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Registered {Count} slash commands ({Scope}).")]
    public static partial void CommandsRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Slash command registration failed ({Scope}): {Error}")]
    public static partial void CommandRegistrationFailed(ILogger logger, string scope, string error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Skipped a malformed interaction at {Path}: {Problem}")]
    public static partial void MalformedInteraction(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "{Command} from member {MemberId}: the reply was not delivered (interaction {InteractionId}): {Error}")]
    public static partial void ReplyNotDelivered(ILogger logger, string command, string memberId, string interactionId, string error);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: could not open the thread for the reply: {Error}")]
    public static partial void ReplyThreadFailed(ILogger logger, string interactionId, string error);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "A {EventType} event failed and was skipped.")]
    public static partial void EventFailed(ILogger logger, string eventType, Exception error);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Post {Nonce} to channel {ChannelId} failed: {Error}")]
    public static partial void PostFailed(ILogger logger, string nonce, string channelId, string error);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Post {Nonce}: an earlier send's outcome was unknown; found it in channel {ChannelId} as message {MessageId}.")]
    public static partial void PostFoundInHistory(ILogger logger, string nonce, string channelId, string messageId);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Post {Nonce}: could not open its thread in channel {ChannelId}: {Error}")]
    public static partial void PostThreadFailed(ILogger logger, string nonce, string channelId, string error);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Post {Nonce}: could not read channel {ChannelId}'s history to check an earlier send: {Error}")]
    public static partial void HistoryCheckFailed(ILogger logger, string nonce, string channelId, string error);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Recording message {MessageId} of thread {ThreadId} failed; it was skipped.")]
    public static partial void ThreadActivityFailed(ILogger logger, string messageId, string threadId, Exception error);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Skipped a malformed MESSAGE_CREATE: {Problem}")]
    public static partial void MalformedMessage(ILogger logger, string problem);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Debug, Message = "Channel {ChannelId} looked up: parent {ParentId} ('-': not a thread).")]
    public static partial void ChannelResolved(ILogger logger, string channelId, string parentId);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "Could not tell whether channel {ChannelId} is a thread: {Error}")]
    public static partial void ChannelLookupFailed(ILogger logger, string channelId, string error);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "Thread message {MessageId} dropped: {Count} thread messages are already waiting to be recorded.")]
    public static partial void ThreadQueueFull(ILogger logger, string messageId, int count);
}
