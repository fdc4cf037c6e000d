namespace MathForML.Core.Chat;

/// <summary>
/// The record adapters keep of scheduled posts by <see cref="ChatPost.IdempotencyKey"/>, so a retry after
/// a crash or restart finds the message instead of posting it again. An adapter marks a key started
/// before it sends and posted after; a key found started but never posted means the outcome of that
/// send is unknown, and the adapter checks the platform (nonce, recent history) before sending again.
/// </summary>
public interface IPostLedger
{
    Task<PostLedgerEntry?> FindAsync(ChatPlatform platform, string key, CancellationToken cancellationToken);

    /// <summary>Records that a send is about to happen; keeps the first start time if already recorded.</summary>
    Task MarkStartedAsync(ChatPlatform platform, string key, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkPostedAsync(ChatPlatform platform, string key, PostedMessage message, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>One key's state: started at, and where the message landed once it did.</summary>
public sealed record PostLedgerEntry(ChatPlatform Platform, string Key, DateTimeOffset StartedAt, PostedMessage? Message, DateTimeOffset? PostedAt);
