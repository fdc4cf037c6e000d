using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;

namespace MathForML.TestKit;

/// <summary>Simple stores for testing Core in isolation; Storage has its own tests on real SQLite.</summary>
public sealed class InMemoryGroupStore : IStudyGroupStore
{
    private readonly List<StudyGroup> _groups = [];

    public IReadOnlyList<StudyGroup> Groups => _groups;

    public Task<StudyGroup?> FindByHomeAsync(ConversationRef home, CancellationToken cancellationToken) =>
        Task.FromResult(_groups.FirstOrDefault(g => g.Home == home.WithoutThread()));

    public Task<StudyGroup?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(_groups.FirstOrDefault(g => g.Id == id));

    public Task<StudyGroup?> TryCreateAsync(NewStudyGroup group, CancellationToken cancellationToken)
    {
        if (_groups.Any(g => g.Home == group.Home))
        {
            return Task.FromResult<StudyGroup?>(null);
        }

        var created = new StudyGroup(_groups.Count + 1, group.Home, group.Name, group.TimeZoneId, group.Settings, group.CreatedAt);
        _groups.Add(created);
        return Task.FromResult<StudyGroup?>(created);
    }

    public Task UpdateAsync(StudyGroup group, CancellationToken cancellationToken)
    {
        _groups[_groups.FindIndex(g => g.Id == group.Id)] = group;
        return Task.CompletedTask;
    }
}

public sealed class InMemoryMemberStore : IMemberStore
{
    private readonly Dictionary<(ChatPlatform, string), Member> _members = [];

    public Task<Member> EnsureAsync(MemberRef member, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var key = (member.Platform, member.PlatformUserId);
        if (!_members.TryGetValue(key, out var found))
        {
            found = new Member(_members.Count + 1, member.Platform, member.PlatformUserId, member.DisplayName, null, seenAt);
            _members[key] = found;
        }

        return Task.FromResult(found);
    }

    public Task SetTimeZoneAsync(long memberId, string? timeZoneId, CancellationToken cancellationToken)
    {
        var key = _members.Single(m => m.Value.Id == memberId).Key;
        _members[key] = _members[key] with { TimeZoneId = timeZoneId };
        return Task.CompletedTask;
    }

    public Task SetHiddenFromLeaderboardsAsync(long memberId, bool hidden, CancellationToken cancellationToken)
    {
        var key = _members.Single(m => m.Value.Id == memberId).Key;
        _members[key] = _members[key] with { HiddenFromLeaderboards = hidden };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<long, string>> OwnTimeZonesAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, string>>(_members.Values
            .Where(m => m.TimeZoneId is not null && memberIds.Contains(m.Id))
            .ToDictionary(m => m.Id, m => m.TimeZoneId!));
}
