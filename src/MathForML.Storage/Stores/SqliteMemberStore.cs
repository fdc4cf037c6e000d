using MathForML.Core.Chat;
using MathForML.Core.Members;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

/// <summary>Members: the row of who sent a command, created on first sight. With a <see cref="StoreCache"/> a known
/// member costs no round trip, and "last seen" is written at most once per <see cref="StoreCache.LastSeenResolution"/>.</summary>
internal sealed class SqliteMemberStore(SqliteDatabase database, StoreCache? cache = null) : IMemberStore
{
    public async Task<Member> EnsureAsync(MemberRef member, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        if (cache is not null && cache.TryGetMember(member, out var cached) && seenAt - cached.LastSeenStored < StoreCache.LastSeenResolution)
        {
            return cached.Member;
        }

        var (found, lastSeen) = await EnsureRowAsync(member, seenAt, cancellationToken);
        cache?.SetMember(found, lastSeen);
        return found;
    }

    private async Task<(Member Member, DateTimeOffset LastSeen)> EnsureRowAsync(MemberRef member, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var entity = await Find(context, member, cancellationToken);
        if (entity is null)
        {
            entity = new MemberEntity
            {
                Platform = member.Platform,
                PlatformUserId = member.PlatformUserId,
                DisplayName = member.DisplayName,
                CreatedAt = seenAt,
                LastSeenAt = seenAt,
            };
            context.Members.Add(entity);
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return (ToDomain(entity), entity.LastSeenAt);
            }
            catch (DbUpdateException exception) when (SqliteErrors.IsUniqueViolation(exception))
            {
                // Two first commands from the same person raced; the other one created the row.
                context.ChangeTracker.Clear();
                entity = await Find(context, member, cancellationToken)
                    ?? throw new InvalidOperationException("A member row vanished right after a unique-key conflict.", exception);
            }
        }

        if (entity.DisplayName != member.DisplayName || seenAt - entity.LastSeenAt >= StoreCache.LastSeenResolution)
        {
            entity.DisplayName = member.DisplayName;
            entity.LastSeenAt = seenAt > entity.LastSeenAt ? seenAt : entity.LastSeenAt;
            await context.SaveChangesAsync(cancellationToken);
        }

        return (ToDomain(entity), entity.LastSeenAt);
    }

    public async Task SetTimeZoneAsync(long memberId, string? timeZoneId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var updated = await context.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(set => set.SetProperty(m => m.TimeZoneId, timeZoneId), cancellationToken);
        cache?.ForgetMember(memberId);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Member {memberId} does not exist.");
        }
    }

    public async Task SetHiddenFromLeaderboardsAsync(long memberId, bool hidden, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var updated = await context.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(set => set.SetProperty(m => m.HiddenFromLeaderboards, hidden), cancellationToken);
        cache?.ForgetMember(memberId);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Member {memberId} does not exist.");
        }
    }

    public async Task<IReadOnlyDictionary<long, string>> OwnTimeZonesAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        await using var context = database.CreateContext();
        return await context.Members.AsNoTracking()
            .Where(m => m.TimeZoneId != null && memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.TimeZoneId!, cancellationToken);
    }

    private static Task<MemberEntity?> Find(MathForMLDbContext context, MemberRef member, CancellationToken cancellationToken) =>
        context.Members.SingleOrDefaultAsync(m => m.Platform == member.Platform && m.PlatformUserId == member.PlatformUserId, cancellationToken);

    private static Member ToDomain(MemberEntity entity) =>
        new(entity.Id, entity.Platform, entity.PlatformUserId, entity.DisplayName, entity.TimeZoneId, entity.CreatedAt) { HiddenFromLeaderboards = entity.HiddenFromLeaderboards };
}
