namespace MathForML.Core.Participation;

/// <summary>
/// A solve as the streak sees it: the member's local day is fixed when they answer, in the time zone they
/// had then, so changing zone later never rewrites history.
/// </summary>
public sealed record StreakSolve(int ProblemNumber, DateOnly LocalDay, DateTimeOffset SolvedAt, string TimeZoneId, bool Late)
{
    /// <summary>Set when the day was kept by marking a reading done (groups that count reading): the session's subject.</summary>
    public string? ReadingSubject { get; init; }
}

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
public sealed record StreakDay(DateOnly Day, StreakDayKind Kind, int? ProblemNumber, DateTimeOffset? SolvedAt, string? TimeZoneId)
{
    /// <summary>The reading that kept the day, when it was a reading rather than a solve.</summary>
    public string? ReadingSubject { get; init; }
}

/// <summary>Freeze tokens: one earned per <see cref="FreezeEvery"/> counted days in a row, at most <see cref="MaxFreezes"/> held.</summary>
public sealed record StreakRules(int FreezeEvery = 7, int MaxFreezes = 2)
{
    public static StreakRules Default { get; } = new();
}

public sealed record StreakReport(int Current, int Best, int FreezesHeld, IReadOnlyList<StreakDay> History);

/// <summary>
/// Streaks on each member's local day. A day counts when the member solved a problem (on time, not after
/// its reveal) during that day in the time zone they had when they answered. Days on which no problem was
/// posted (the bot was down, the group paused) neither count nor break. Today is pending until midnight.
/// A missed day uses a freeze token if one is held; tokens are earned by consistency.
/// </summary>
public static class StreakCalculator
{
    /// <summary>Longest history shown and walked: a year and a bit.</summary>
    public const int MaxDays = 400;

    /// <summary>
    /// The local days (in <paramref name="zone"/>) on which a problem was posted: the days that need a solve.
    /// A problem open across midnight does not make the next day one: a member who already solved it, and
    /// whose next problem never came (the bot was down), would otherwise lose a streak they could not keep.
    /// </summary>
    public static IReadOnlySet<DateOnly> ProblemDays(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> windows, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return windows.Select(w => Scheduling.LocalTimes.DateIn(w.From, zone)).ToHashSet();
    }

    public static StreakReport Compute(IReadOnlyList<StreakSolve> solves, IReadOnlySet<DateOnly> problemDays, DateOnly today, StreakRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(solves);
        var counted = solves.Where(s => !s.Late).GroupBy(s => s.LocalDay).ToDictionary(g => g.Key, g => g.OrderBy(s => s.ReadingSubject is not null).ThenBy(s => s.SolvedAt).First());
        var history = new List<StreakDay>();
        var (current, best, freezes) = Walk(counted.Keys.ToHashSet(), problemDays, today, rules, (day, kind) => history.Add(
            counted.TryGetValue(day, out var solve) && kind == StreakDayKind.Counted
                ? new StreakDay(day, kind, solve.ProblemNumber, solve.SolvedAt, solve.TimeZoneId) { ReadingSubject = solve.ReadingSubject }
                : new StreakDay(day, kind, null, null, null)));
        return history.Count == 0 ? new StreakReport(0, 0, 0, []) : new StreakReport(current, best, freezes, history);
    }

    /// <summary>The numbers alone, without the day-by-day history: for everyone's streak at once (leaderboards).</summary>
    public static (int Current, int Best, int FreezesHeld) Summarize(IReadOnlySet<DateOnly> solveDays, IReadOnlySet<DateOnly> problemDays, DateOnly today, StreakRules? rules = null) =>
        Walk(solveDays, problemDays, today, rules, onDay: null);

    private static (int Current, int Best, int FreezesHeld) Walk(IReadOnlySet<DateOnly> solveDays, IReadOnlySet<DateOnly> problemDays, DateOnly today, StreakRules? rules, Action<DateOnly, StreakDayKind>? onDay)
    {
        ArgumentNullException.ThrowIfNull(solveDays);
        ArgumentNullException.ThrowIfNull(problemDays);
        rules ??= StreakRules.Default;
        if (solveDays.Count == 0)
        {
            return (0, 0, 0);
        }

        var first = solveDays.Min();
        if (first < today.AddDays(-MaxDays))
        {
            first = today.AddDays(-MaxDays);
        }

        int current = 0, best = 0, run = 0, freezes = 0;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            StreakDayKind kind;
            if (solveDays.Contains(day))
            {
                current++;
                run++;
                if (run % rules.FreezeEvery == 0)
                {
                    freezes = int.Min(rules.MaxFreezes, freezes + 1);
                }

                kind = StreakDayKind.Counted;
            }
            else if (day == today)
            {
                kind = StreakDayKind.Pending;
            }
            else if (!problemDays.Contains(day))
            {
                kind = StreakDayKind.NoProblem;
            }
            else if (current > 0 && freezes > 0)
            {
                freezes--;
                kind = StreakDayKind.Frozen;
            }
            else
            {
                current = 0;
                run = 0;
                kind = StreakDayKind.Missed;
            }

            onDay?.Invoke(day, kind);
            best = int.Max(best, current);
        }

        return (current, best, freezes);
    }
}
