using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Participation;

/// <summary>A member's streak with the zone their days were counted in.</summary>
public sealed record MemberStreak(StreakReport Report, TimeZoneInfo Zone);

/// <summary>The read side of participation that commands, digests and the benchmark share.</summary>
public sealed class ParticipationQueries(IDailyProblemStore problems, IParticipationLog log, IMemberStore members)
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

    /// <summary>
    /// Everyone's current streak, counted as <c>/streak</c> counts it: on each member's own local days (their
    /// zone, else the group's), with solve days as fixed when they answered.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, int>> CurrentStreaksAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var groupZone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var windows = await problems.OpenWindowsAsync(group.Id, cancellationToken);
        // Problem days depend only on the zone: work them out once per zone in use, not once per member.
        var problemDays = new Dictionary<string, IReadOnlySet<DateOnly>>(StringComparer.Ordinal);
        IReadOnlySet<DateOnly> ProblemDaysIn(TimeZoneInfo zone) =>
            problemDays.TryGetValue(zone.Id, out var days) ? days : problemDays[zone.Id] = StreakCalculator.ProblemDays(windows, zone);
        var all = await problems.SolveDaysAsync(group.Id, cancellationToken);
        var readings = group.Settings.ReadingCountsForStreaks ? await ReadingsAsync(group, cancellationToken) : [];
        var zones = (await members.OwnTimeZonesAsync([.. all.Keys.Union(readings.Select(e => e.MemberId))], cancellationToken))
            .ToDictionary(z => z.Key, z => TimeZones.Find(z.Value) ?? groupZone);
        TimeZoneInfo ZoneOf(long memberId) => zones.GetValueOrDefault(memberId) ?? groupZone;

        if (readings.Count > 0)
        {
            var readingDays = readings
                .GroupBy(e => e.MemberId)
                .ToDictionary(g => g.Key, g => g.Select(e => LocalTimes.DateIn(e.OccurredAt, ZoneOf(g.Key))));
            all = all.Keys.Union(readingDays.Keys).ToDictionary(
                id => id,
                id => (IReadOnlySet<DateOnly>)(all.GetValueOrDefault(id) ?? Enumerable.Empty<DateOnly>()).Concat(readingDays.GetValueOrDefault(id) ?? []).ToHashSet());
        }

        return all.ToDictionary(m => m.Key, m =>
        {
            var zone = ZoneOf(m.Key);
            return StreakCalculator.Summarize(m.Value, ProblemDaysIn(zone), LocalTimes.DateIn(now, zone)).Current;
        });
    }

    private Task<IReadOnlyList<ParticipationEvent>> ReadingsAsync(StudyGroup group, CancellationToken cancellationToken) =>
        log.ListAsync(group.Id, [ParticipationKinds.ReadingDone], null, cancellationToken);
}
