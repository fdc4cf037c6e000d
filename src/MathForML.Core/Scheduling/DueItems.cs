namespace MathForML.Core.Scheduling;

public enum DueItemState
{
    /// <summary>Waiting for its time.</summary>
    Pending,

    /// <summary>Claimed by a runner; if the lease runs out (a crash), it is claimed again.</summary>
    InFlight,

    /// <summary>Done: posted (with the platform's message id) or handled.</summary>
    Done,

    /// <summary>Deliberately not done: expired, superseded, or failed too often. The reason is kept.</summary>
    Dropped,
}

/// <summary>What a runner does with items it finds late (after downtime).</summary>
public enum CatchUpPolicy
{
    /// <summary>Always run, however late (e.g. revealing a solution).</summary>
    Always,

    /// <summary>Run late only while before the item's expiry (e.g. a reminder before its session).</summary>
    UntilExpiry,

    /// <summary>Of several late items of a kind in a group, run only the newest (e.g. the daily problem).</summary>
    LatestOnly,
}

/// <summary>
/// A persisted piece of scheduled work: one occurrence of one kind of post for one group. The key
/// makes it unique (a group's "daily-problem" for "2026-11-24" exists once), so planning twice is harmless.
/// </summary>
public sealed record DueItem(
    long Id,
    long GroupId,
    string Kind,
    string OccurrenceKey,
    DateTimeOffset DueAt,
    DateTimeOffset? ExpiresAt,
    DueItemState State,
    int Attempts,
    string? PayloadJson)
{
    /// <summary>Stable across retries and restarts: adapters use it so a retried post is not posted twice.</summary>
    public string IdempotencyKey => $"mfml:{GroupId}:{Kind}:{OccurrenceKey}";
}

public sealed record NewDueItem(long GroupId, string Kind, string OccurrenceKey, DateTimeOffset DueAt, DateTimeOffset? ExpiresAt = null, string? PayloadJson = null);

/// <summary>The outcome of running one item.</summary>
public sealed record DueItemOutcome(DueItemState State, string? MessageId, string? Reason, bool Retry)
{
    public static DueItemOutcome Done(string? messageId = null) => new(DueItemState.Done, messageId, null, false);

    public static DueItemOutcome Dropped(string reason) => new(DueItemState.Dropped, null, reason, false);

    /// <summary>A passing failure (platform down, rate limited): try again later.</summary>
    public static DueItemOutcome RetryLater(string reason) => new(DueItemState.Pending, null, reason, true);
}

/// <summary>Runs the items of one kind. Registered per kind; the runner contains its failures.</summary>
public interface IDueItemHandler
{
    string Kind { get; }

    CatchUpPolicy CatchUp { get; }

    Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken);
}

/// <summary>Storage port for due items. Every state change is one transaction.</summary>
public interface IDueItemStore
{
    /// <summary>Adds the items whose (group, kind, key) does not exist yet; returns how many were added.</summary>
    Task<int> AddAsync(IReadOnlyList<NewDueItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Marks Dropped every waiting item of these kinds that a newer due item of the same kind and
    /// group supersedes. Returns the dropped items.
    /// </summary>
    Task<IReadOnlyList<DueItem>> DropSupersededAsync(IReadOnlyCollection<string> kinds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims up to <paramref name="limit"/> items due by <paramref name="now"/>: pending ones,
    /// and in-flight ones whose lease expired. Claimed items are InFlight until <paramref name="now"/> + lease.
    /// </summary>
    Task<IReadOnlyList<DueItem>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one occurrence now, whatever its due time (an organizer's "post it now"): creates it, due
    /// now, when it does not exist, and takes it when it is waiting, in flight with an expired lease, or
    /// dropped without having posted. Null when it is done or another runner holds it; so of the
    /// scheduler and any number of callers, exactly one runs it. Claimed items are InFlight until
    /// <paramref name="now"/> + lease, exactly as from <see cref="ClaimDueAsync"/>.
    /// </summary>
    Task<DueItem?> ClaimNowAsync(NewDueItem item, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task FinishAsync(long id, DueItemState state, DateTimeOffset at, string? messageId, string? reason, CancellationToken cancellationToken);

    /// <summary>Back to Pending, due again at <paramref name="retryAt"/>.</summary>
    Task RetryAsync(long id, DateTimeOffset retryAt, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Re-planning: makes the group's waiting items of <paramref name="kind"/> due at or after
    /// <paramref name="from"/> exactly <paramref name="desired"/>. Items no longer desired are dropped,
    /// new ones added, unchanged ones kept as they are, and a desired item dropped earlier is revived.
    /// </summary>
    Task ReplaceWaitingAsync(long groupId, string kind, IReadOnlyList<NewDueItem> desired, DateTimeOffset from, string reason, CancellationToken cancellationToken);

    /// <summary>Drops a group's waiting items of a kind due at or after <paramref name="from"/> (re-planning).</summary>
    Task<int> DropWaitingAsync(long groupId, string kind, DateTimeOffset from, string reason, CancellationToken cancellationToken);

    /// <summary>When the next waiting item falls due, so the runner can sleep until then.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DueItem>> ListAsync(long groupId, CancellationToken cancellationToken);
}
