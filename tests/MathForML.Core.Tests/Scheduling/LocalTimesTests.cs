using MathForML.Core.Scheduling;

namespace MathForML.Core.Tests.Scheduling;

/// <summary>DST edge cases in three zones with different rules (and one without DST).</summary>
public sealed class LocalTimesTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // zone, local date, local time, expected instant (UTC)
        { "Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:00:00Z" },   // skipped: at the jump, 03:00 CEST
        { "Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00Z" },   // repeated: first one, CEST
        { "Europe/Berlin", "2026-07-01", "18:30", "2026-07-01T16:30:00Z" },
        { "America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00Z" }, // skipped: 03:00 EDT
        { "America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z" }, // repeated: first one, EDT
        { "Australia/Sydney", "2026-10-04", "02:15", "2026-10-03T16:00:00Z" }, // skipped: 03:00 AEDT
        { "Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00Z" }, // repeated: first one, AEDT
        { "Asia/Kolkata", "2026-03-29", "02:30", "2026-03-28T21:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wall_clock_times_map_to_one_instant(string zone, string date, string time, string expected)
    {
        var instant = LocalTimes.ToInstant(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    public void Daily_cadence_at_a_skipped_or_repeated_time_fires_exactly_once_per_local_day_for_a_year(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var cadence = CadenceParser.Parse("daily at 02:30").Cadence!;
        var anchor = new DateOnly(2026, 1, 1);
        var cursor = LocalTimes.ToInstant(anchor, new TimeOnly(0, 0), zone);
        var seen = new List<DateTimeOffset>();

        for (var i = 0; i < 365; i++)
        {
            cursor = cadence.NextAfter(cursor, anchor, zone);
            seen.Add(cursor);
        }

        var localDates = seen.Select(s => LocalTimes.DateIn(s, zone)).ToList();
        Assert.Equal(365, localDates.Distinct().Count());
        Assert.Equal(anchor, localDates[0]);
        Assert.Equal(anchor.AddDays(364), localDates[^1]);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public void Biweekly_cadence_counts_weeks_from_the_anchor_week()
    {
        var cadence = CadenceParser.Parse("every 2 weeks on Thursday at 18:00").Cadence!;

        var dates = cadence.DatesFrom(new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 1)).Take(3).ToList();

        Assert.Equal([new DateOnly(2026, 11, 19), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 17)], dates);
    }
}
