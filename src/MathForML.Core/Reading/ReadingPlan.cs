using MathForML.Core.Scheduling;

namespace MathForML.Core.Reading;

public enum ReadingUnit
{
    Sections,
    Pages,
}

/// <summary>How much to read per session: a number of sections, or about a number of pages.</summary>
public sealed record ReadingAmount(int Count, ReadingUnit Unit)
{
    public const int MaxSections = 20;
    public const int MaxPages = 200;

    public override string ToString() => Unit == ReadingUnit.Sections
        ? (Count == 1 ? "1 section" : $"{Count} sections")
        : $"about {Count} pages";
}

/// <summary>A cadence in force from a date on: changing the cadence never rewrites past sessions.</summary>
public sealed record CadenceFrom(DateOnly From, Cadence Cadence);

/// <summary>A break in the plan: no sessions from <see cref="From"/> until <see cref="Until"/> (exclusive; null while paused).</summary>
public sealed record PlanPause(DateOnly From, DateOnly? Until);

/// <summary>
/// A group's reading plan, as the organizer set it up and changed it since. Sessions are not
/// stored: they are computed from this by <see cref="ReadingSchedule"/>.
/// </summary>
public sealed record ReadingPlan
{
    public required long GroupId { get; init; }

    public required string BookId { get; init; }

    /// <summary>The sections to read, in order (a whole book or a custom list).</summary>
    public required IReadOnlyList<string> SectionNumbers { get; init; }

    public required DateOnly StartDate { get; init; }

    /// <summary>Cadences in force, oldest first; the first starts at <see cref="StartDate"/>.</summary>
    public required IReadOnlyList<CadenceFrom> Cadences { get; init; }

    public required ReadingAmount PerSession { get; init; }

    public IReadOnlySet<DateOnly> SkippedDates { get; init; } = new HashSet<DateOnly>();

    public IReadOnlyList<PlanPause> Pauses { get; init; } = [];

    /// <summary>How long before a session its announcement is posted.</summary>
    public TimeSpan AnnouncementLead { get; init; } = TimeSpan.FromDays(2);

    /// <summary>How long before a session the reminder is posted.</summary>
    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromHours(1);

    public bool IsPaused => Pauses.Count > 0 && Pauses[^1].Until is null;

    public Cadence CurrentCadence => Cadences[^1].Cadence;
}
