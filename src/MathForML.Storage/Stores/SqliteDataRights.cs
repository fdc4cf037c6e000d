using MathForML.Core.Participation;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

internal sealed class SqliteDataRights(SqliteDatabase database, StoreCache? cache = null) : IDataRightsStore
{
    /// <summary>Platform user ids of forgotten members start with this; the id keeps the unique key unique.</summary>
    internal const string ForgottenPrefix = "forgotten-";

    internal const string ForgottenName = "forgotten member";

    public async Task<MemberDataExport?> ExportMemberAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        if (await context.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken) is not { } member)
        {
            return null;
        }

        var groups = await context.StudyGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var names = new Dictionary<long, string> { [member.Id] = member.DisplayName };
        var records = await AttemptsAsync(context, a => a.MemberId == memberId, groups, names, cancellationToken);
        records.AddRange(await EventsAsync(context, e => e.MemberId == memberId, groups, names, cancellationToken));
        return new MemberDataExport(
            member.Id, member.Platform, member.PlatformUserId, member.DisplayName, member.TimeZoneId, member.HiddenFromLeaderboards,
            member.CreatedAt, member.LastSeenAt, [.. records.OrderBy(r => r.At)]);
    }

    public async Task<IReadOnlyList<ParticipationRecord>> ExportGroupAsync(long groupId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var from = since ?? DateTimeOffset.MinValue;
        await using var context = database.CreateContext();
        var groups = await context.StudyGroups.AsNoTracking().Where(g => g.Id == groupId).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var memberIds = SqliteGroupRoster.MemberIds(context, groupId);
        // Members who keep their name off leaderboards are not named to organizers either.
        var names = await context.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.HiddenFromLeaderboards && !m.PlatformUserId.StartsWith(ForgottenPrefix) ? $"member {m.Id}" : m.DisplayName, cancellationToken);
        var records = await AttemptsAsync(context, a => a.SubmittedAt >= from && context.ProblemPosts.Any(p => p.Id == a.ProblemPostId && p.GroupId == groupId), groups, names, cancellationToken);
        records.AddRange(await EventsAsync(context, e => e.GroupId == groupId && e.OccurredAt >= from, groups, names, cancellationToken));
        return [.. records.OrderBy(r => r.At)];
    }

    public async Task<long?> ForgetMemberAsync(long memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        cache?.ForgetMember(memberId);
        try
        {
            return await ForgetRowsAsync(memberId, at, cancellationToken);
        }
        finally
        {
            // Dropped again after the commit: a command in between may have cached the row being deleted.
            cache?.ForgetMember(memberId);
        }
    }

    private async Task<long?> ForgetRowsAsync(long memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var member = await context.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null || member.PlatformUserId.StartsWith(ForgottenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (!await context.Attempts.AnyAsync(a => a.MemberId == memberId, cancellationToken)
            && !await context.ParticipationEvents.AnyAsync(e => e.MemberId == memberId, cancellationToken))
        {
            // Only the identity was known: it goes, and no empty anonymous member is left behind.
            await context.Members.Where(m => m.Id == memberId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        // A new row, not the old one renamed: the old id appears in exports made before, and must not
        // join them to the anonymous records.
        var anonymous = new MemberEntity
        {
            Platform = member.Platform,
            PlatformUserId = ForgottenPrefix + Guid.NewGuid().ToString("N"),
            DisplayName = ForgottenName,
            CreatedAt = at,
            LastSeenAt = at,
            HiddenFromLeaderboards = true,
        };
        context.Members.Add(anonymous);
        await context.SaveChangesAsync(cancellationToken);
        anonymous.PlatformUserId = ForgottenPrefix + anonymous.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.SaveChangesAsync(cancellationToken);

        await context.Attempts.Where(a => a.MemberId == memberId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.MemberId, anonymous.Id).SetProperty(a => a.RawInput, "")
                .SetProperty(a => a.Reading, (string?)null).SetProperty(a => a.TimeZoneId, (string?)null), cancellationToken);
        await context.ParticipationEvents.Where(e => e.MemberId == memberId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.MemberId, anonymous.Id).SetProperty(e => e.Detail, (string?)null), cancellationToken);
        await context.Members.Where(m => m.Id == memberId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return anonymous.Id;
    }

    private static async Task<List<ParticipationRecord>> AttemptsAsync(
        MathForMLDbContext context, System.Linq.Expressions.Expression<Func<AttemptEntity, bool>> filter,
        IReadOnlyDictionary<long, string> groups, IReadOnlyDictionary<long, string> names, CancellationToken cancellationToken)
    {
        var rows = await (from a in context.Attempts.AsNoTracking().Where(filter)
                          join p in context.ProblemPosts on a.ProblemPostId equals p.Id
                          select new { a, p.GroupId, p.Number, p.ProblemId }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ParticipationRecord(
            r.GroupId, groups.GetValueOrDefault(r.GroupId, ""), r.a.MemberId, names.GetValueOrDefault(r.a.MemberId, ""),
            ParticipationKinds.ProblemAnswer, r.ProblemId, r.a.Platform, r.a.SubmittedAt)
        {
            ProblemNumber = r.Number,
            AttemptNumber = r.a.AttemptNumber,
            Answer = r.a.RawInput,
            Verdict = r.a.Verdict,
            Late = r.a.Late,
        })];
    }

    private static async Task<List<ParticipationRecord>> EventsAsync(
        MathForMLDbContext context, System.Linq.Expressions.Expression<Func<ParticipationEventEntity, bool>> filter,
        IReadOnlyDictionary<long, string> groups, IReadOnlyDictionary<long, string> names, CancellationToken cancellationToken)
    {
        var rows = await context.ParticipationEvents.AsNoTracking().Where(filter).ToListAsync(cancellationToken);
        return [.. rows.Select(e => new ParticipationRecord(
            e.GroupId, groups.GetValueOrDefault(e.GroupId, ""), e.MemberId, names.GetValueOrDefault(e.MemberId, ""),
            e.Kind, e.Subject ?? "", e.Platform, e.OccurredAt)
        {
            Detail = e.Detail,
        })];
    }
}
