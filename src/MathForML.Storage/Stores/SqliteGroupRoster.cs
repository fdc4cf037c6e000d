using MathForML.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

internal sealed class SqliteGroupRoster(SqliteDatabase database) : IGroupRoster
{
    public async Task<IReadOnlyList<RosterEntry>> MembersAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var ids = MemberIds(context, groupId);
        var rows = await context.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id)
            .Select(m => new RosterEntry(m.Id, m.DisplayName, m.HiddenFromLeaderboards)).ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Everyone with an attempt or a logged action in the group, as a query to compose.</summary>
    internal static IQueryable<long> MemberIds(MathForMLDbContext context, long groupId) =>
        context.ParticipationEvents.Where(e => e.GroupId == groupId).Select(e => e.MemberId)
            .Union(from a in context.Attempts join p in context.ProblemPosts on a.ProblemPostId equals p.Id where p.GroupId == groupId select a.MemberId);
}
