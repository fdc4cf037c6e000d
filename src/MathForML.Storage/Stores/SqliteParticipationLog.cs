using MathForML.Core.Participation;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

internal sealed class SqliteParticipationLog(SqliteDatabase database) : IParticipationLog
{
    public async Task<bool> RecordOnceAsync(ParticipationEvent participation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participation);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var exists = await context.ParticipationEvents.AnyAsync(
            e => e.GroupId == participation.GroupId && e.MemberId == participation.MemberId && e.Kind == participation.Kind && e.Subject == participation.Subject,
            cancellationToken);
        if (exists)
        {
            return false;
        }

        context.ParticipationEvents.Add(new ParticipationEventEntity
        {
            GroupId = participation.GroupId,
            MemberId = participation.MemberId,
            Kind = participation.Kind,
            Platform = participation.Platform,
            OccurredAt = participation.OccurredAt,
            Subject = participation.Subject,
            Detail = participation.Detail,
        });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> CountMembersAsync(long groupId, string kind, string subject, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.ParticipationEvents
            .Where(e => e.GroupId == groupId && e.Kind == kind && e.Subject == subject)
            .Select(e => e.MemberId)
            .Distinct()
            .CountAsync(cancellationToken);
    }

    public async Task<bool> HasAsync(long groupId, long memberId, string kind, string subject, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.ParticipationEvents.AnyAsync(e => e.GroupId == groupId && e.MemberId == memberId && e.Kind == kind && e.Subject == subject, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, int>> CountByMemberAsync(long groupId, string kind, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var events = context.ParticipationEvents.Where(e => e.GroupId == groupId && e.Kind == kind);
        if (since is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        var rows = await events.GroupBy(e => e.MemberId).Select(g => new { MemberId = g.Key, Count = g.Select(e => e.Subject).Distinct().Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.MemberId, r => r.Count);
    }

    public async Task<IReadOnlyList<ParticipationEvent>> ListAsync(long groupId, IReadOnlyCollection<string> kinds, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        await using var context = database.CreateContext();
        var events = context.ParticipationEvents.Where(e => e.GroupId == groupId && kinds.Contains(e.Kind));
        if (since is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        var rows = await events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return rows.Select(e => new ParticipationEvent(e.GroupId, e.MemberId, e.Kind, e.Subject ?? "", e.Platform, e.OccurredAt) { Detail = e.Detail }).ToList();
    }
}
