namespace MathForML.Core.Participation;

public enum LeaderboardPeriod
{
    Week,
    Month,
    All,
}

/// <summary>A member's solves in a period: on time at the first attempt, on time later, and late (after the reveal).</summary>
public sealed record SolveTotals(long MemberId, string Name, bool Hidden, int Solved, int FirstTry, int Late);

public sealed record LeaderboardRow(int Rank, string Name, bool Hidden, int Points, int Solved, int FirstTry, int Late, int Streak, int ReadingDone);

/// <summary>
/// Ranks a group's members. Points reward on-time work most: 3 for a first-try solve, 2 for a later
/// on-time solve, 1 for a late solve (after the reveal). Ties share a rank. Hidden members keep their place
/// but not their name.
/// </summary>
public static class Leaderboard
{
    public const int FirstTryPoints = 3;
    public const int OnTimePoints = 2;
    public const int LatePoints = 1;

    /// <summary>Rows shown; the rest are summarized in a count.</summary>
    public const int MaxRows = 20;

    public static DateTimeOffset? Since(LeaderboardPeriod period, DateTimeOffset now) => period switch
    {
        LeaderboardPeriod.Week => now.AddDays(-7),
        LeaderboardPeriod.Month => now.AddDays(-30),
        _ => null,
    };

    public static int Points(int solved, int firstTry, int late) =>
        (firstTry * FirstTryPoints) + ((solved - firstTry - late) * OnTimePoints) + (late * LatePoints);

    public static IReadOnlyList<LeaderboardRow> Rank(IEnumerable<SolveTotals> totals, IReadOnlyDictionary<long, int> streaks, IReadOnlyDictionary<long, int> readingDone)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(streaks);
        ArgumentNullException.ThrowIfNull(readingDone);
        var scored = totals
            .Select(t => (Totals: t, Points: Points(t.Solved, t.FirstTry, t.Late), Streak: streaks.GetValueOrDefault(t.MemberId), Reading: readingDone.GetValueOrDefault(t.MemberId)))
            .Where(s => s.Points > 0 || s.Streak > 0 || s.Reading > 0)
            .OrderByDescending(s => s.Points).ThenByDescending(s => s.Totals.FirstTry).ThenByDescending(s => s.Streak).ThenBy(s => s.Totals.MemberId)
            .ToList();
        var rows = new List<LeaderboardRow>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var (t, points, streak, reading) = scored[i];
            var rank = i > 0 && points == rows[i - 1].Points && t.FirstTry == rows[i - 1].FirstTry ? rows[i - 1].Rank : i + 1;
            rows.Add(new LeaderboardRow(rank, t.Name, t.Hidden, points, t.Solved, t.FirstTry, t.Late, streak, reading));
        }

        return rows;
    }
}
