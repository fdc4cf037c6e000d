using MathForML.Core.Participation;

namespace MathForML.TestKit;

/// <summary>
/// The participation log in memory, with the SQLite log's semantics: one record per group, member, kind and
/// subject; distinct counts; lists oldest first (ties in recording order) from an inclusive start; details kept.
/// </summary>
public sealed class InMemoryParticipationLog : IParticipationLog
{
    private readonly List<ParticipationEvent> _events = [];

    /// <summary>Everything recorded, in recording order.</summary>
    public IReadOnlyList<ParticipationEvent> Events => _events;

    public Task<bool> RecordOnceAsync(ParticipationEvent participation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participation);
        if (_events.Any(e => e.GroupId == participation.GroupId && e.MemberId == participation.MemberId && e.Kind == participation.Kind && e.Subject == participation.Subject))
        {
            return Task.FromResult(false);
        }

        _events.Add(participation);
        return Task.FromResult(true);
    }

    public Task<int> CountMembersAsync(long groupId, string kind, string subject, CancellationToken cancellationToken) =>
        Task.FromResult(_events.Where(e => e.GroupId == groupId && e.Kind == kind && e.Subject == subject).Select(e => e.MemberId).Distinct().Count());

    public Task<IReadOnlyDictionary<long, int>> CountByMemberAsync(long groupId, string kind, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<long, int> counts = _events
            .Where(e => e.GroupId == groupId && e.Kind == kind && (since is null || e.OccurredAt >= since))
            .GroupBy(e => e.MemberId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Subject).Distinct(StringComparer.Ordinal).Count());
        return Task.FromResult(counts);
    }

    public Task<IReadOnlyList<ParticipationEvent>> ListAsync(long groupId, IReadOnlyCollection<string> kinds, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        IReadOnlyList<ParticipationEvent> list = [.. _events
            .Where(e => e.GroupId == groupId && kinds.Contains(e.Kind) && (since is null || e.OccurredAt >= since))
            .OrderBy(e => e.OccurredAt)];
        return Task.FromResult(list);
    }

    public Task<bool> HasAsync(long groupId, long memberId, string kind, string subject, CancellationToken cancellationToken) =>
        Task.FromResult(_events.Any(e => e.GroupId == groupId && e.MemberId == memberId && e.Kind == kind && e.Subject == subject));
}
