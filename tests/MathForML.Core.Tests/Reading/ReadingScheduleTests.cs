using MathForML.Core.Reading;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Tests.Reading;

public sealed class ReadingScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>A made-up six-section book; page ranges are contiguous.</summary>
    private static readonly Book Book = new("demo", "Demo Book", "A. Author",
    [
        new("1.1", "One", "1", 1, 10),
        new("1.2", "Two", "1", 11, 14),
        new("1.3", "Three", "1", 15, 40),
        new("2.1", "Four", "2", 41, 45),
        new("2.2", "Five", "2", 46, 60),
        new("2.3", "Six", "2", 61, 62),
    ]);

    [Fact]
    public void Sessions_follow_the_cadence_two_sections_at_a_time_at_local_time()
    {
        var sessions = ReadingSchedule.Sessions(Plan(), Book, Berlin);

        Assert.Equal([new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 27), new DateOnly(2026, 3, 31)], sessions.Select(s => s.Date));
        Assert.Equal(["§1.1–1.2", "§1.3–2.1", "§2.2–2.3"], sessions.Select(s => s.SectionRange));
        Assert.Equal("pp. 1–14", sessions[0].PageRange);
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 17, 30, 0, TimeSpan.Zero), sessions[1].StartsAt); // CET
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero), sessions[2].StartsAt); // CEST after the change
    }

    [Fact]
    public void A_skipped_date_moves_the_rest_of_the_plan_back_one_session()
    {
        var plan = Plan() with { SkippedDates = new HashSet<DateOnly> { new(2026, 3, 27) } };

        var sessions = ReadingSchedule.Sessions(plan, Book, Berlin);

        Assert.Equal([new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 3)], sessions.Select(s => s.Date));
    }

    [Fact]
    public void An_open_pause_stops_the_plan_and_resuming_continues_where_it_left_off()
    {
        var paused = Plan() with { Pauses = [new PlanPause(new DateOnly(2026, 3, 25), null)] };
        var resumed = Plan() with { Pauses = [new PlanPause(new DateOnly(2026, 3, 25), new DateOnly(2026, 4, 9))] };

        Assert.Single(ReadingSchedule.Sessions(paused, Book, Berlin));
        Assert.Equal([new DateOnly(2026, 3, 24), new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 14)], ReadingSchedule.Sessions(resumed, Book, Berlin).Select(s => s.Date));
    }

    [Fact]
    public void A_cadence_change_applies_from_its_date_and_keeps_earlier_sessions()
    {
        var plan = Plan() with
        {
            Cadences = [.. Plan().Cadences, new CadenceFrom(new DateOnly(2026, 3, 25), Cadence("weekly on Monday at 19:00"))],
        };

        var sessions = ReadingSchedule.Sessions(plan, Book, Berlin);

        Assert.Equal([new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 30), new DateOnly(2026, 4, 6)], sessions.Select(s => s.Date));
        Assert.Equal(new TimeOnly(19, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(sessions[1].StartsAt, Berlin).DateTime));
    }

    [Fact]
    public void Page_amounts_group_whole_sections_near_the_target()
    {
        var chunks = ReadingSchedule.Chunk(Book.Sections, new ReadingAmount(20, ReadingUnit.Pages));

        Assert.Equal([["1.1", "1.2"], ["1.3"], ["2.1", "2.2"], ["2.3"]], chunks.Select(c => c.Select(s => s.Number).ToArray()));
    }

    [Fact]
    public void Changes_are_described_for_upcoming_sessions_only()
    {
        var before = ReadingSchedule.Sessions(Plan(), Book, Berlin);
        var after = ReadingSchedule.Sessions(Plan() with { SkippedDates = new HashSet<DateOnly> { new(2026, 3, 27) } }, Book, Berlin);

        var lines = ReadingPlanChanges.Describe(before, after, new DateOnly(2026, 3, 25));

        Assert.Equal(
        [
            string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadingPlanChanges.MovedFormat, 2, "§1.3–2.1", "Fri 27 Mar", "Tue 31 Mar"),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadingPlanChanges.MovedFormat, 3, "§2.2–2.3", "Tue 31 Mar", "Fri 3 Apr"),
        ],
            lines);
        Assert.Equal([ReadingPlanChanges.NoChange], ReadingPlanChanges.Describe(before, before, new DateOnly(2026, 3, 25)));
    }

    private static Cadence Cadence(string text) => CadenceParser.Parse(text).Cadence!;

    private static ReadingPlan Plan() => new()
    {
        GroupId = 1,
        BookId = "demo",
        SectionNumbers = [.. Book.Sections.Select(s => s.Number)],
        StartDate = new DateOnly(2026, 3, 23),
        Cadences = [new CadenceFrom(new DateOnly(2026, 3, 23), Cadence("every Tuesday and Friday at 18:30"))],
        PerSession = new ReadingAmount(2, ReadingUnit.Sections),
    };
}
