namespace MathForML.Core.Chat;

/// <summary>
/// A place messages are exchanged: a Discord guild channel or a Slack channel (workspace = guild or
/// team id). <see cref="ThreadId"/> narrows it to a thread where the platform has them.
/// </summary>
public sealed record ConversationRef(ChatPlatform Platform, string WorkspaceId, string ChannelId, string? ThreadId = null)
{
    public ConversationRef InThread(string threadId) => this with { ThreadId = threadId };

    public ConversationRef WithoutThread() => this with { ThreadId = null };
}

/// <summary>A person on a platform, as the adapter identified them.</summary>
public sealed record MemberRef(ChatPlatform Platform, string PlatformUserId, string DisplayName);

/// <summary>What a person may do in a group. The adapter decides it from platform permissions.</summary>
public enum MemberRole
{
    Member,
    Organizer,
}
