using MathForML.Core.Participation;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Tests.Participation;

public sealed class StreakCalculatorTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Every day from Monday to <paramref name="days"/> later had a problem open.</summary>
    private static HashSet<DateOnly> Open(int days, params int[] closed) =>
        [.. Enumerable.Range(0, days + 1).Where(d => !closed.Contains(d)).Select(d => Monday.AddDays(d))];

    /// <summary>A solve at a local time in a zone; its local day is fixed from that zone.</summary>
    private static StreakSolve Solve(int day, int hour, int minute, TimeZoneInfo zone, bool late = false, int number = 1)
    {
        var local = Monday.AddDays(day);
        var at = LocalTimes.ToInstant(local, new TimeOnly(hour, minute), zone);
        return new StreakSolve(number, LocalTimes.DateIn(at, zone), at, zone.Id, late);
    }

    [Fact]
    public void A_solve_at_23_59_local_counts_for_that_day_even_when_it_is_tomorrow_in_utc()
    {
        // 23:59 in Tokyo on Monday is 14:59 UTC Monday; 23:59 in Berlin is 22:59 UTC. Both are the local Monday.
        var report = StreakCalculator.Compute([Solve(0, 23, 59, Berlin), Solve(1, 23, 59, Berlin)], Open(1), Monday.AddDays(1));

        Assert.Equal((2, 2), (report.Current, report.Best));
        Assert.Equal([StreakDayKind.Counted, StreakDayKind.Counted], report.History.Select(d => d.Kind));
    }

    [Fact]
    public void Today_without_a_solve_is_pending_and_keeps_the_streak()
    {
        var report = StreakCalculator.Compute([Solve(0, 9, 0, Berlin), Solve(1, 9, 0, Berlin)], Open(2), Monday.AddDays(2));

        Assert.Equal(2, report.Current);
        Assert.Equal(StreakDayKind.Pending, report.History[^1].Kind);
    }

    [Fact]
    public void A_missed_day_with_a_problem_open_ends_the_streak_and_says_so()
    {
        var report = StreakCalculator.Compute([Solve(0, 9, 0, Berlin), Solve(2, 9, 0, Berlin)], Open(2), Monday.AddDays(2));

        Assert.Equal((1, 1), (report.Current, report.Best));
        Assert.Equal([StreakDayKind.Counted, StreakDayKind.Missed, StreakDayKind.Counted], report.History.Select(d => d.Kind));
    }

    [Fact]
    public void A_day_the_bot_was_down_neither_counts_nor_breaks()
    {
        var report = StreakCalculator.Compute([Solve(0, 9, 0, Berlin), Solve(2, 9, 0, Berlin)], Open(2, closed: 1), Monday.AddDays(2));

        Assert.Equal(2, report.Current);
        Assert.Equal(StreakDayKind.NoProblem, report.History[1].Kind);
    }

    [Fact]
    public void Late_solves_after_the_reveal_do_not_count()
    {
        var report = StreakCalculator.Compute([Solve(0, 9, 0, Berlin), Solve(1, 9, 0, Berlin, late: true)], Open(2), Monday.AddDays(2));

        Assert.Equal([StreakDayKind.Counted, StreakDayKind.Missed, StreakDayKind.Pending], report.History.Select(d => d.Kind));
        Assert.Equal(0, report.Current);
    }

    [Fact]
    public void Changing_time_zone_later_does_not_rewrite_past_days()
    {
        // Monday 00:30 and Tuesday 23:30 in Berlin; then the member moves to Tokyo and solves Wednesday.
        // In Tokyo's clock the Berlin solves would fall on Monday and Wednesday, leaving Tuesday empty;
        // the days fixed when answering keep the streak whole.
        var solves = new[] { Solve(0, 0, 30, Berlin), Solve(1, 23, 30, Berlin), Solve(2, 20, 0, Tokyo) };

        var report = StreakCalculator.Compute(solves, Open(2), Monday.AddDays(2));

        Assert.Equal(3, report.Current);
        Assert.Equal(["Europe/Berlin", "Europe/Berlin", "Asia/Tokyo"], report.History.Select(d => d.TimeZoneId));
    }

    [Fact]
    public void Seven_days_in_a_row_earn_a_freeze_that_covers_one_missed_day()
    {
        var solves = Enumerable.Range(0, 7).Select(d => Solve(d, 9, 0, Berlin)).Append(Solve(8, 9, 0, Berlin)).ToList();

        var report = StreakCalculator.Compute(solves, Open(9), Monday.AddDays(9));

        Assert.Equal(StreakDayKind.Frozen, report.History[7].Kind);
        Assert.Equal((8, 8, 0), (report.Current, report.Best, report.FreezesHeld));
    }

    [Fact]
    public void Freezes_are_capped_and_a_long_gap_still_ends_the_streak()
    {
        var solves = Enumerable.Range(0, 21).Select(d => Solve(d, 9, 0, Berlin)).ToList();

        var report = StreakCalculator.Compute(solves, Open(26), Monday.AddDays(26));

        Assert.Equal(
            [StreakDayKind.Frozen, StreakDayKind.Frozen, StreakDayKind.Missed, StreakDayKind.Missed, StreakDayKind.Missed, StreakDayKind.Pending],
            report.History.Skip(21).Select(d => d.Kind));
        Assert.Equal((0, 21), (report.Current, report.Best));
    }

    [Fact]
    public void Two_solves_on_one_day_count_once_with_the_first()
    {
        var report = StreakCalculator.Compute([Solve(0, 22, 0, Berlin, number: 2), Solve(0, 9, 0, Berlin, number: 1)], Open(0), Monday);

        Assert.Equal(1, report.Current);
        Assert.Equal(1, report.History.Single().ProblemNumber);
    }

    [Fact]
    public void No_solves_is_an_empty_report() =>
        Assert.Equal(new StreakReport(0, 0, 0, []), StreakCalculator.Compute([], Open(3), Monday.AddDays(3)));

    [Fact]
    public void A_member_behind_the_group_who_solved_yesterdays_problem_keeps_the_streak_when_the_bot_is_down_today()
    {
        // Posted 09:00 Berlin Monday (03:00 New York), open until 09:00 Berlin Tuesday (03:00 New York). The bot
        // was down on Tuesday, so Tuesday's problem never came: Tuesday in New York needs no solve.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var posted = LocalTimes.ToInstant(Monday, new TimeOnly(9, 0), Berlin);
        var days = StreakCalculator.ProblemDays([(posted, posted.AddDays(1))], newYork);

        var report = StreakCalculator.Compute([Solve(0, 20, 0, newYork)], days, Monday.AddDays(2));

        Assert.Equal([Monday], days);
        Assert.Equal([StreakDayKind.Counted, StreakDayKind.NoProblem, StreakDayKind.Pending], report.History.Select(d => d.Kind));
        Assert.Equal(1, report.Current);
    }

    [Theory]
    [InlineData("Asia/Tokyo", "2026-11-23")]
    [InlineData("Europe/Berlin", "2026-11-23")]
    [InlineData("America/Los_Angeles", "2026-11-23")]
    [InlineData("Pacific/Kiritimati", "2026-11-23")]
    [InlineData("Pacific/Pago_Pago", "2026-11-22")]
    public void A_problem_day_is_the_posting_day_in_the_members_zone(string zoneId, string expected)
    {
        // 09:00 Berlin on Monday 23 Nov is 08:00 UTC: still Sunday in Pago Pago (UTC-11).
        var posted = LocalTimes.ToInstant(Monday, new TimeOnly(9, 0), Berlin);

        var days = StreakCalculator.ProblemDays([(posted, posted.AddDays(1))], TimeZoneInfo.FindSystemTimeZoneById(zoneId));

        Assert.Equal([DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)], days);
    }
}
