namespace MathForML.Core.Participation;

/// <summary>
/// A solve as the streak sees it: the member's local day is fixed when they answer, in the time zone they
/// had then, so changing zone later never rewrites history.
/// </summary>
public sealed record StreakSolve(int ProblemNumber, DateOnly LocalDay, DateTimeOffset SolvedAt, string TimeZoneId, bool Late);

public enum StreakDayKind
{
    /// <summary>Solved a problem that day, before local midnight.</summary>
    Counted,

    /// <summary>No solve, but a freeze token kept the streak.</summary>
    Frozen,

    /// <summary>A problem was open and not solved: the streak ended here.</summary>
    Missed,

    /// <summary>No problem was open that day (e.g. the bot was down): neither counts nor breaks.</summary>
    NoProblem,

    /// <summary>Today, not solved yet: there is still time.</summary>
    Pending,
}

/// <summary>One line of the auditable history: the day, what happened, and why.</summary>
public sealed record StreakDay(DateOnly Day, StreakDayKind Kind, int? ProblemNumber, DateTimeOffset? SolvedAt, string? TimeZoneId);

/// <summary>Freeze tokens: one earned per <see cref="FreezeEvery"/> counted days in a row, at most <see cref="MaxFreezes"/> held.</summary>
public sealed record StreakRules(int FreezeEvery = 7, int MaxFreezes = 2)
{
    public static StreakRules Default { get; } = new();
}

public sealed record StreakReport(int Current, int Best, int FreezesHeld, IReadOnlyList<StreakDay> History);

/// <summary>
/// Streaks on each member's local day. A day counts when the member solved a problem (on time, not after
/// its reveal) during that day in the time zone they had when they answered. Days when no problem was open
/// at all (the bot was down, the group paused) neither count nor break. Today is pending until midnight.
/// A missed day uses a freeze token if one is held; tokens are earned by consistency.
/// </summary>
public static class StreakCalculator
{
    /// <summary>Longest history shown and walked: a year and a bit.</summary>
    public const int MaxDays = 400;

    /// <summary>The local days (in <paramref name="zone"/>) on which any problem was open for some time.</summary>
    public static IReadOnlySet<DateOnly> OpenDays(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> windows, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var days = new HashSet<DateOnly>();
        foreach (var (from, to) in windows)
        {
            var last = Scheduling.LocalTimes.DateIn(to, zone);
            for (var day = Scheduling.LocalTimes.DateIn(from, zone); day <= last && days.Count <= 10 * MaxDays; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return days;
    }

    public static StreakReport Compute(IReadOnlyList<StreakSolve> solves, IReadOnlySet<DateOnly> openDays, DateOnly today, StreakRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(solves);
        ArgumentNullException.ThrowIfNull(openDays);
        rules ??= StreakRules.Default;
        var counted = solves.Where(s => !s.Late).GroupBy(s => s.LocalDay).ToDictionary(g => g.Key, g => g.OrderBy(s => s.SolvedAt).First());
        if (counted.Count == 0)
        {
            return new StreakReport(0, 0, 0, []);
        }

        var first = counted.Keys.Min();
        if (first < today.AddDays(-MaxDays))
        {
            first = today.AddDays(-MaxDays);
        }

        var history = new List<StreakDay>();
        int current = 0, best = 0, run = 0, freezes = 0;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            if (counted.TryGetValue(day, out var solve))
            {
                current++;
                run++;
                if (run % rules.FreezeEvery == 0)
                {
                    freezes = int.Min(rules.MaxFreezes, freezes + 1);
                }

                history.Add(new StreakDay(day, StreakDayKind.Counted, solve.ProblemNumber, solve.SolvedAt, solve.TimeZoneId));
            }
            else if (day == today)
            {
                history.Add(new StreakDay(day, StreakDayKind.Pending, null, null, null));
            }
            else if (!openDays.Contains(day))
            {
                history.Add(new StreakDay(day, StreakDayKind.NoProblem, null, null, null));
            }
            else if (current > 0 && freezes > 0)
            {
                freezes--;
                history.Add(new StreakDay(day, StreakDayKind.Frozen, null, null, null));
            }
            else
            {
                current = 0;
                run = 0;
                history.Add(new StreakDay(day, StreakDayKind.Missed, null, null, null));
            }

            best = int.Max(best, current);
        }

        return new StreakReport(current, best, freezes, history);
    }
}
