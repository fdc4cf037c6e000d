using System.Globalization;

namespace MathForML.Core.Scheduling;

/// <summary>
/// When a recurring thing happens, in a group's local time: on some days of the week, every
/// <see cref="IntervalWeeks"/> weeks (counted from the plan's start week), at one local time.
/// </summary>
public sealed record Cadence
{
    public Cadence(IReadOnlySet<DayOfWeek> days, TimeOnly at, int intervalWeeks = 1)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            throw new ArgumentException("A cadence needs at least one day.", nameof(days));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(intervalWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(intervalWeeks, CadenceParser.MaxIntervalWeeks);
        Days = new SortedSet<DayOfWeek>(days, Comparer<DayOfWeek>.Create((a, b) => MondayFirst(a).CompareTo(MondayFirst(b))));
        At = at;
        IntervalWeeks = intervalWeeks;
    }

    public IReadOnlySet<DayOfWeek> Days { get; }

    public TimeOnly At { get; }

    public int IntervalWeeks { get; }

    /// <summary>Canonical English form that <see cref="CadenceParser"/> reads back to the same cadence.</summary>
    public string Description
    {
        get
        {
            var time = At.ToString("HH:mm", CultureInfo.InvariantCulture);
            if (Days.Count == 7 && IntervalWeeks == 1)
            {
                return $"daily at {time}";
            }

            var days = Days.Select(d => d.ToString()).ToList();
            var list = days.Count == 1 ? days[0] : string.Join(", ", days.Take(days.Count - 1)) + " and " + days[^1];
            var every = IntervalWeeks == 1 ? "every" : $"every {IntervalWeeks} weeks on";
            return $"{every} {list} at {time}";
        }
    }

    /// <summary>
    /// Local dates on or after <paramref name="from"/> (inclusive) on which the cadence falls, for a
    /// plan whose week count starts in the week (Monday-based) of <paramref name="anchor"/>.
    /// </summary>
    public IEnumerable<DateOnly> DatesFrom(DateOnly anchor, DateOnly from)
    {
        var anchorMonday = anchor.AddDays(-MondayFirst(anchor.DayOfWeek));
        for (var date = from; date <= DateOnly.MaxValue.AddDays(-7); date = date.AddDays(1))
        {
            var week = (date.DayNumber - anchorMonday.DayNumber) / 7;
            if (date >= anchorMonday && week % IntervalWeeks == 0 && Days.Contains(date.DayOfWeek))
            {
                yield return date;
            }
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, as an instant.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after, DateOnly anchor, TimeZoneInfo zone)
    {
        var startDate = LocalTimes.DateIn(after, zone).AddDays(-1);
        foreach (var date in DatesFrom(anchor, startDate < anchor ? anchor : startDate))
        {
            var instant = LocalTimes.ToInstant(date, At, zone);
            if (instant > after)
            {
                return instant;
            }
        }

        throw new InvalidOperationException("A cadence always has a next occurrence.");
    }

    public bool Equals(Cadence? other) =>
        other is not null && At == other.At && IntervalWeeks == other.IntervalWeeks && Days.SetEquals(other.Days);

    public override int GetHashCode() => HashCode.Combine(At, IntervalWeeks, Days.Aggregate(0, (h, d) => h | (1 << (int)d)));

    internal static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
