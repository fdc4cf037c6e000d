namespace MathForML.Core.Chat;

/// <summary>
/// A person's message inside a thread of a channel, as the adapter saw it. <see cref="Thread"/> has the
/// parent channel as ChannelId and the thread as ThreadId, so the channel's group is found.
/// </summary>
public sealed record ThreadMessage(ConversationRef Thread, string MessageId, MemberRef Author, DateTimeOffset SentAt)
{
    /// <summary>The text, or null where the platform withholds it (Discord without the message-content intent).</summary>
    public string? Text { get; init; }

    /// <summary>The message this one explicitly replies to, where the platform has replies (Discord).</summary>
    public string? ReplyToMessageId { get; init; }
}

/// <summary>
/// What adapters call for every message a person (never a bot) posts in a thread. Core decides whether it
/// is a question, an answer or neither and logs it; messages outside a group's channel are ignored.
/// Implementations contain their own failures' effects: adapters log and skip if it throws.
/// </summary>
public interface IThreadActivity
{
    Task RecordAsync(ThreadMessage message, CancellationToken cancellationToken);
}
