namespace MathForML.Core.Scheduling;

/// <summary>
/// Turns a wall-clock time in a zone into an instant, with one rule for the two DST edge cases:
/// a time skipped by spring-forward happens at the moment the clocks jump (the next valid local
/// time); a time repeated by fall-back happens once, at its first occurrence.
/// </summary>
public static class LocalTimes
{
    /// <summary>No real zone skips more than a day (Samoa skipped 2011-12-30 whole).</summary>
    private const int MaxGapMinutes = 26 * 60;

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Walk to the first valid minute: that is where the local clock lands after the jump.
            var probe = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
            for (var i = 0; i < MaxGapMinutes && zone.IsInvalidTime(probe); i++)
            {
                probe = probe.AddMinutes(1);
            }

            local = probe;
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the wall clock shows this time.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The local calendar date of an instant in a zone.</summary>
    public static DateOnly DateIn(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
