using Microsoft.Extensions.Logging;

namespace MathForML.Core.Scheduling;

/// <summary>
/// Runs what is due: drops what downtime made pointless, claims the rest in a transaction, runs
/// each through its kind's handler, and records the outcome. Safe to run after a crash at any point:
/// an item whose run was interrupted is claimed again when its lease runs out, and runs with the same
/// idempotency key, so a platform adapter that honours the key never posts it twice.
/// </summary>
public sealed partial class DueItemRunner
{
    public const int BatchSize = 100;
    public const int MaxAttempts = 8;

    /// <summary>How long a claim lasts; longer than any post takes, short enough to recover quickly.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public const string ExpiredReason = "expired: its time passed while the bot was not running";
    public const string SupersededReason = "superseded: a newer one of the same kind was due";
    public const string NoHandlerReason = "no handler for this kind in this build";
    public const string TooManyFailuresReason = "failed {0} times; last error: {1}";

    private readonly Dictionary<string, IDueItemHandler> _handlers;
    private readonly IDueItemStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<DueItemRunner> _logger;

    public DueItemRunner(IEnumerable<IDueItemHandler> handlers, IDueItemStore store, TimeProvider time, ILogger<DueItemRunner> logger)
    {
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs everything due now; returns how many items were finished (done or dropped).</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var latestOnly = _handlers.Values.Where(h => h.CatchUp == CatchUpPolicy.LatestOnly).Select(h => h.Kind).ToList();
        var finished = 0;
        foreach (var dropped in await _store.DropSupersededAsync(latestOnly, now, cancellationToken))
        {
            LogDropped(dropped.Kind, dropped.OccurrenceKey, dropped.GroupId, SupersededReason);
            finished++;
        }

        while (true)
        {
            var claimed = await _store.ClaimDueAsync(now, Lease, BatchSize, cancellationToken);
            foreach (var item in claimed)
            {
                await RunOneAsync(item, now, cancellationToken);
                finished++;
            }

            if (claimed.Count < BatchSize)
            {
                return finished;
            }
        }
    }

    /// <summary>
    /// Runs one item claimed outside the loop (<see cref="IDueItemStore.ClaimNowAsync"/>, an organizer's
    /// "now") exactly as the loop runs what it claims: same handler, failure containment, retries and
    /// record. Returns the outcome as recorded.
    /// </summary>
    public Task<DueItemOutcome> RunClaimedAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RunOneAsync(item, _time.GetUtcNow(), cancellationToken);
    }

    private async Task<DueItemOutcome> RunOneAsync(DueItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(item.Kind, out var handler))
        {
            return await FinishAsync(item, DueItemOutcome.Dropped(NoHandlerReason), cancellationToken);
        }

        if (handler.CatchUp != CatchUpPolicy.Always && item.ExpiresAt is { } expiry && expiry <= now)
        {
            return await FinishAsync(item, DueItemOutcome.Dropped(ExpiredReason), cancellationToken);
        }

        DueItemOutcome outcome;
        try
        {
            outcome = await handler.RunAsync(item, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // shutting down: the lease expires and the item is claimed again after restart
        }
#pragma warning disable CA1031 // One failing item must not stop the others or the host.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(exception, item.Kind, item.OccurrenceKey, item.GroupId);
            outcome = DueItemOutcome.RetryLater(exception.GetType().Name + ": " + exception.Message);
        }

        if (outcome.Retry)
        {
            if (item.Attempts >= MaxAttempts)
            {
                var reason = string.Format(System.Globalization.CultureInfo.InvariantCulture, TooManyFailuresReason, item.Attempts, outcome.Reason);
                return await FinishAsync(item, DueItemOutcome.Dropped(reason), cancellationToken);
            }

            var retryAt = now + RetryDelay(item.Attempts);
            LogRetry(item.Kind, item.OccurrenceKey, item.GroupId, retryAt, outcome.Reason ?? "");
            await _store.RetryAsync(item.Id, retryAt, outcome.Reason ?? "", cancellationToken);
            return outcome;
        }

        return await FinishAsync(item, outcome, cancellationToken);
    }

    private async Task<DueItemOutcome> FinishAsync(DueItem item, DueItemOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.State == DueItemState.Dropped)
        {
            LogDropped(item.Kind, item.OccurrenceKey, item.GroupId, outcome.Reason ?? "");
        }

        await _store.FinishAsync(item.Id, outcome.State, _time.GetUtcNow(), outcome.MessageId, outcome.Reason, cancellationToken);
        return outcome;
    }

    /// <summary>30 s, 1 min, 2 min … capped at 30 min.</summary>
    internal static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromSeconds(double.Min(30 * double.Pow(2, int.Max(0, attempts - 1)), 1800));

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Dropped {Kind} {Occurrence} for group {GroupId}: {Reason}")]
    private partial void LogDropped(string kind, string occurrence, long groupId, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Running {Kind} {Occurrence} for group {GroupId} failed")]
    private partial void LogFailed(Exception exception, string kind, string occurrence, long groupId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Will retry {Kind} {Occurrence} for group {GroupId} at {RetryAt:O}: {Reason}")]
    private partial void LogRetry(string kind, string occurrence, long groupId, DateTimeOffset retryAt, string reason);
}
