using MathForML.Core.Scheduling;
using MathForML.Storage.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

/// <summary>
/// Due items in SQLite. Claims and drops are single UPDATE … RETURNING statements, so two runners
/// (or a runner and its own restart) can never both take the same item.
/// </summary>
internal sealed class SqliteDueItemStore(SqliteDatabase database, TimeProvider time) : IDueItemStore
{
    private const string Pending = nameof(DueItemState.Pending);
    private const string InFlight = nameof(DueItemState.InFlight);
    private const string Dropped = nameof(DueItemState.Dropped);

    public async Task<int> AddAsync(IReadOnlyList<NewDueItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var context = database.CreateContext();
        var created = time.GetUtcNow().ToUnixTimeMilliseconds();
        var added = 0;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        foreach (var item in items)
        {
            added += await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO DueItems (GroupId, Kind, OccurrenceKey, DueAt, ExpiresAt, State, Attempts, PayloadJson, CreatedAt)
                VALUES ({item.GroupId}, {item.Kind}, {item.OccurrenceKey}, {item.DueAt.ToUnixTimeMilliseconds()},
                        {item.ExpiresAt?.ToUnixTimeMilliseconds()}, {Pending}, 0, {item.PayloadJson}, {created})
                ON CONFLICT (GroupId, Kind, OccurrenceKey) DO NOTHING
                """,
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<DueItem>> DropSupersededAsync(IReadOnlyCollection<string> kinds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Count == 0)
        {
            return [];
        }

        var parameters = new List<object>
        {
            new SqliteParameter("@now", now.ToUnixTimeMilliseconds()),
            new SqliteParameter("@reason", DueItemRunner.SupersededReason),
        };
        var names = kinds.Select((kind, i) =>
        {
            parameters.Add(new SqliteParameter("@k" + i, kind));
            return "@k" + i;
        });
        var sql = $"""
            UPDATE DueItems SET State = '{Dropped}', FinishedAt = @now, Reason = @reason
            WHERE State = '{Pending}' AND DueAt <= @now AND Kind IN ({string.Join(", ", names)})
              AND EXISTS (SELECT 1 FROM DueItems AS newer
                          WHERE newer.GroupId = DueItems.GroupId AND newer.Kind = DueItems.Kind
                            AND newer.DueAt > DueItems.DueAt AND newer.DueAt <= @now AND newer.State <> '{Dropped}')
            RETURNING *
            """;
        return await ReturningAsync(sql, parameters, cancellationToken);
    }

    public Task<IReadOnlyList<DueItem>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var sql = $"""
            UPDATE DueItems SET State = '{InFlight}', LeaseUntil = @leaseUntil, Attempts = Attempts + 1
            WHERE Id IN (SELECT Id FROM DueItems
                         WHERE (State = '{Pending}' AND DueAt <= @now) OR (State = '{InFlight}' AND LeaseUntil <= @now)
                         ORDER BY DueAt, Id LIMIT @limit)
            RETURNING *
            """;
        return ReturningAsync(
            sql,
            [
                new SqliteParameter("@now", now.ToUnixTimeMilliseconds()),
                new SqliteParameter("@leaseUntil", (now + lease).ToUnixTimeMilliseconds()),
                new SqliteParameter("@limit", limit),
            ],
            cancellationToken);
    }

    public async Task<DueItem?> ClaimNowAsync(NewDueItem item, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var nowMs = now.ToUnixTimeMilliseconds();
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO DueItems (GroupId, Kind, OccurrenceKey, DueAt, ExpiresAt, State, Attempts, PayloadJson, CreatedAt)
            VALUES ({item.GroupId}, {item.Kind}, {item.OccurrenceKey}, {nowMs}, {item.ExpiresAt?.ToUnixTimeMilliseconds()}, {Pending}, 0, {item.PayloadJson}, {nowMs})
            ON CONFLICT (GroupId, Kind, OccurrenceKey) DO NOTHING
            """,
            cancellationToken);

        // One UPDATE decides: whoever changes the row holds it; a runner's claim of the same row waits for this one and then no longer matches.
        var sql = $"""
            UPDATE DueItems SET State = '{InFlight}', LeaseUntil = @leaseUntil, DueAt = @now, Reason = NULL, FinishedAt = NULL,
                                Attempts = CASE WHEN State = '{Dropped}' THEN 1 ELSE Attempts + 1 END
            WHERE GroupId = @groupId AND Kind = @kind AND OccurrenceKey = @key
              AND (State = '{Pending}' OR (State = '{InFlight}' AND LeaseUntil <= @now) OR (State = '{Dropped}' AND MessageId IS NULL))
            RETURNING *
            """;
#pragma warning disable EF1002 // Only our own constant fragments are interpolated; values are parameters.
        var rows = await context.DueItems.FromSqlRaw(
            sql,
            new SqliteParameter("@now", nowMs),
            new SqliteParameter("@leaseUntil", (now + lease).ToUnixTimeMilliseconds()),
            new SqliteParameter("@groupId", item.GroupId),
            new SqliteParameter("@kind", item.Kind),
            new SqliteParameter("@key", item.OccurrenceKey)).AsNoTracking().ToListAsync(cancellationToken);
#pragma warning restore EF1002
        await transaction.CommitAsync(cancellationToken);
        return rows.Count == 1 ? ToDomain(rows[0]) : null;
    }

    public async Task FinishAsync(long id, DueItemState state, DateTimeOffset at, string? messageId, string? reason, CancellationToken cancellationToken)
    {
        if (state is not (DueItemState.Done or DueItemState.Dropped))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "An item finishes Done or Dropped.");
        }

        await using var context = database.CreateContext();
        await context.DueItems.Where(d => d.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.State, state)
                .SetProperty(d => d.FinishedAt, at)
                .SetProperty(d => d.MessageId, messageId)
                .SetProperty(d => d.Reason, Truncate(reason))
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    public async Task RetryAsync(long id, DateTimeOffset retryAt, string reason, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        await context.DueItems.Where(d => d.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.State, DueItemState.Pending)
                .SetProperty(d => d.DueAt, retryAt)
                .SetProperty(d => d.Reason, Truncate(reason))
                .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    public async Task ReplaceWaitingAsync(long groupId, string kind, IReadOnlyList<NewDueItem> desired, DateTimeOffset from, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (desired.Any(d => d.GroupId != groupId || d.Kind != kind))
        {
            throw new ArgumentException("Every desired item must belong to the group and kind being re-planned.", nameof(desired));
        }

        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var keep = desired.Select(d => d.OccurrenceKey).ToHashSet(StringComparer.Ordinal);
        var waiting = await context.DueItems
            .Where(d => d.GroupId == groupId && d.Kind == kind && d.State == DueItemState.Pending && d.DueAt >= from)
            .Select(d => new { d.Id, d.OccurrenceKey })
            .ToListAsync(cancellationToken);
        foreach (var stale in waiting.Where(w => !keep.Contains(w.OccurrenceKey)))
        {
            await context.Database.ExecuteSqlAsync(
                $"UPDATE DueItems SET State = {Dropped}, FinishedAt = {now}, Reason = {Truncate(reason)} WHERE Id = {stale.Id}",
                cancellationToken);
        }

        foreach (var item in desired)
        {
            // New: insert. Waiting: keep (its due time follows the plan). Dropped earlier but wanted again: revive.
            await context.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO DueItems (GroupId, Kind, OccurrenceKey, DueAt, ExpiresAt, State, Attempts, PayloadJson, CreatedAt)
                VALUES ({item.GroupId}, {item.Kind}, {item.OccurrenceKey}, {item.DueAt.ToUnixTimeMilliseconds()},
                        {item.ExpiresAt?.ToUnixTimeMilliseconds()}, {Pending}, 0, {item.PayloadJson}, {now})
                ON CONFLICT (GroupId, Kind, OccurrenceKey) DO UPDATE
                    SET DueAt = excluded.DueAt, ExpiresAt = excluded.ExpiresAt, PayloadJson = excluded.PayloadJson,
                        State = {Pending}, Attempts = 0, Reason = NULL, FinishedAt = NULL
                    WHERE DueItems.State = {Pending} OR (DueItems.State = {Dropped} AND DueItems.MessageId IS NULL)
                """,
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> DropWaitingAsync(long groupId, string kind, DateTimeOffset from, string reason, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var fromMs = from.ToUnixTimeMilliseconds();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return await context.Database.ExecuteSqlAsync(
            $"""
            UPDATE DueItems SET State = {Dropped}, FinishedAt = {now}, Reason = {Truncate(reason)}
            WHERE GroupId = {groupId} AND Kind = {kind} AND State = {Pending} AND DueAt >= {fromMs}
            """,
            cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var pending = await context.DueItems.Where(d => d.State == DueItemState.Pending).MinAsync(d => (DateTimeOffset?)d.DueAt, cancellationToken);
        var lease = await context.DueItems.Where(d => d.State == DueItemState.InFlight).MinAsync(d => d.LeaseUntil, cancellationToken);
        return (pending, lease) switch
        {
            (null, var l) => l,
            (var p, null) => p,
            (var p, var l) => p < l ? p : l,
        };
    }

    public async Task<IReadOnlyList<DueItem>> ListAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await context.DueItems.AsNoTracking().Where(d => d.GroupId == groupId).OrderBy(d => d.DueAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    private async Task<IReadOnlyList<DueItem>> ReturningAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
#pragma warning disable EF1002 // Only our own constant fragments are interpolated; values are parameters.
        var rows = await context.DueItems.FromSqlRaw(sql, [.. parameters]).AsNoTracking().ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return rows.Select(ToDomain).OrderBy(d => d.DueAt).ThenBy(d => d.Id).ToList();
    }

    private static string? Truncate(string? reason) => reason is { Length: > 500 } ? reason[..500] : reason;

    private static DueItem ToDomain(DueItemEntity e) =>
        new(e.Id, e.GroupId, e.Kind, e.OccurrenceKey, e.DueAt, e.ExpiresAt, e.State, e.Attempts, e.PayloadJson);
}
