using MathForML.Core.Chat;
using MathForML.TestKit;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>TestKit's in-memory ledger behind a handle, so a test can simulate a crash between
/// sending and recording (the key started, never marked posted).</summary>
internal sealed class SwappableLedger : IPostLedger
{
    private InMemoryPostLedger _inner = new();

    public IReadOnlyCollection<PostLedgerEntry> Entries => _inner.Entries;

    /// <summary>Forgets that <paramref name="key"/> was posted; keeps its start time.</summary>
    public async Task ForgetPostedAsync(string key)
    {
        var started = _inner.Entries.Single(e => e.Key == key).StartedAt;
        var fresh = new InMemoryPostLedger();
        await fresh.MarkStartedAsync(ChatPlatform.Discord, key, started, CancellationToken.None);
        _inner = fresh;
    }

    public Task<PostLedgerEntry?> FindAsync(ChatPlatform platform, string key, CancellationToken cancellationToken) =>
        _inner.FindAsync(platform, key, cancellationToken);

    public Task MarkStartedAsync(ChatPlatform platform, string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        _inner.MarkStartedAsync(platform, key, at, cancellationToken);

    public Task MarkPostedAsync(ChatPlatform platform, string key, PostedMessage message, DateTimeOffset at, CancellationToken cancellationToken) =>
        _inner.MarkPostedAsync(platform, key, message, at, cancellationToken);
}
