using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Participation;

/// <summary>A member's streak with the zone their days were counted in.</summary>
public sealed record MemberStreak(StreakReport Report, TimeZoneInfo Zone);

/// <summary>The read side of participation that commands, digests and the benchmark share.</summary>
public sealed class ParticipationQueries(IDailyProblemStore problems, IParticipationLog log)
{
    /// <summary>The member's streak on their own local days (their zone, else the group's).</summary>
    public async Task<MemberStreak> StreakAsync(StudyGroup group, Member member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(member);
        var zone = TimeZones.Find(member.TimeZoneId ?? group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var solves = await problems.SolvesAsync(group.Id, member.Id, cancellationToken);
        if (group.Settings.ReadingCountsForStreaks)
        {
            // Readings keep no zone of their own: their day is read in the member's zone now.
            var readings = (await ReadingsAsync(group, cancellationToken)).Where(e => e.MemberId == member.Id)
                .Select(e => new StreakSolve(0, LocalTimes.DateIn(e.OccurredAt, zone), e.OccurredAt, zone.Id, Late: false) { ReadingSubject = e.Subject });
            solves = [.. solves, .. readings];
        }

        var windows = await problems.OpenWindowsAsync(group.Id, cancellationToken);
        var report = StreakCalculator.Compute(solves, StreakCalculator.ProblemDays(windows, zone), LocalTimes.DateIn(now, zone));
        return new MemberStreak(report, zone);
    }

    /// <summary>The group's ranked rows for the period (all of them; callers show <see cref="Leaderboard.MaxRows"/>).</summary>
    public async Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(StudyGroup group, LeaderboardPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var since = Leaderboard.Since(period, now);
        var totals = await problems.SolveTotalsAsync(group.Id, since, cancellationToken);
        var reading = await log.CountByMemberAsync(group.Id, ParticipationKinds.ReadingDone, since, cancellationToken);
        var streaks = await CurrentStreaksAsync(group, now, cancellationToken);
        return Leaderboard.Rank(totals, streaks, reading);
    }

    /// <summary>Everyone's current streak; problem days in the group's zone, solve days as fixed when answered.</summary>
    public async Task<IReadOnlyDictionary<long, int>> CurrentStreaksAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var problemDays = StreakCalculator.ProblemDays(await problems.OpenWindowsAsync(group.Id, cancellationToken), zone);
        var today = LocalTimes.DateIn(now, zone);
        var all = await problems.SolveDaysAsync(group.Id, cancellationToken);
        if (group.Settings.ReadingCountsForStreaks)
        {
            var readingDays = (await ReadingsAsync(group, cancellationToken))
                .GroupBy(e => e.MemberId)
                .ToDictionary(g => g.Key, g => g.Select(e => LocalTimes.DateIn(e.OccurredAt, zone)));
            all = all.Keys.Union(readingDays.Keys).ToDictionary(
                id => id,
                id => (IReadOnlySet<DateOnly>)(all.GetValueOrDefault(id) ?? Enumerable.Empty<DateOnly>()).Concat(readingDays.GetValueOrDefault(id) ?? []).ToHashSet());
        }

        return all.ToDictionary(m => m.Key, m => StreakCalculator.Summarize(m.Value, problemDays, today).Current);
    }

    private Task<IReadOnlyList<ParticipationEvent>> ReadingsAsync(StudyGroup group, CancellationToken cancellationToken) =>
        log.ListAsync(group.Id, [ParticipationKinds.ReadingDone], null, cancellationToken);
}
