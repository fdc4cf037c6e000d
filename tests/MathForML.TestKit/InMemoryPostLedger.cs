using System.Collections.Concurrent;
using MathForML.Core.Chat;

namespace MathForML.TestKit;

/// <summary>The post ledger in memory, for adapter tests that do not need SQLite.</summary>
public sealed class InMemoryPostLedger : IPostLedger
{
    private readonly ConcurrentDictionary<(ChatPlatform, string), PostLedgerEntry> _entries = new();

    public IReadOnlyCollection<PostLedgerEntry> Entries => [.. _entries.Values];

    public Task<PostLedgerEntry?> FindAsync(ChatPlatform platform, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue((platform, key), out var entry) ? entry : null);

    public Task MarkStartedAsync(ChatPlatform platform, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _entries.TryAdd((platform, key), new PostLedgerEntry(platform, key, at, null, null));
        return Task.CompletedTask;
    }

    public Task MarkPostedAsync(ChatPlatform platform, string key, PostedMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _entries.AddOrUpdate((platform, key), _ => new PostLedgerEntry(platform, key, at, message, at), (_, old) => old with { Message = message, PostedAt = at });
        return Task.CompletedTask;
    }
}
