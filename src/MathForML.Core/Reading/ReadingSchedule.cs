using MathForML.Core.Scheduling;

namespace MathForML.Core.Reading;

/// <summary>One reading session: when, and which sections.</summary>
public sealed record ReadingSession(int Number, DateOnly Date, DateTimeOffset StartsAt, IReadOnlyList<BookSection> Sections)
{
    public string SectionRange => Sections.Count == 1 ? "§" + Sections[0].Number : $"§{Sections[0].Number}–{Sections[^1].Number}";

    public string? PageRange => Sections[0].FirstPage is { } first && Sections[^1].LastPage is { } last ? $"pp. {first}–{last}" : null;
}

/// <summary>Computes a plan's sessions: pure, so any change is just a recomputation.</summary>
public static class ReadingSchedule
{
    /// <summary>No plan runs longer than this many sessions (a guard against a cadence that never ends a book).</summary>
    public const int MaxSessions = 1000;

    public static IReadOnlyList<ReadingSession> Sessions(ReadingPlan plan, Book book, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(book);
        var sections = plan.SectionNumbers.Select(n => book.FindSection(n) ?? throw new InvalidOperationException($"Plan for group {plan.GroupId} names section {n}, which {book.Id} does not have.")).ToList();
        var chunks = Chunk(sections, plan.PerSession);
        var sessions = new List<ReadingSession>(chunks.Count);
        foreach (var date in SessionDates(plan))
        {
            if (sessions.Count == chunks.Count || sessions.Count == MaxSessions)
            {
                break;
            }

            var cadence = CadenceOn(plan, date);
            sessions.Add(new ReadingSession(sessions.Count + 1, date, LocalTimes.ToInstant(date, cadence.Cadence.At, zone), chunks[sessions.Count]));
        }

        return sessions;
    }

    /// <summary>The sections split into sessions: by count, or greedily by pages (never splitting a section).</summary>
    public static IReadOnlyList<IReadOnlyList<BookSection>> Chunk(IReadOnlyList<BookSection> sections, ReadingAmount amount)
    {
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(amount);
        if (amount.Unit == ReadingUnit.Sections)
        {
            return sections.Chunk(amount.Count).Select(c => (IReadOnlyList<BookSection>)c).ToList();
        }

        var chunks = new List<IReadOnlyList<BookSection>>();
        var current = new List<BookSection>();
        var pages = 0;
        foreach (var section in sections)
        {
            var count = section.PageCount ?? throw new InvalidOperationException($"Section {section.Number} has no page range; plan by sections instead.");
            if (current.Count > 0 && pages + count > amount.Count && pages >= amount.Count / 2)
            {
                chunks.Add(current);
                current = [];
                pages = 0;
            }

            current.Add(section);
            pages += count;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    private static IEnumerable<DateOnly> SessionDates(ReadingPlan plan)
    {
        for (var segment = 0; segment < plan.Cadences.Count; segment++)
        {
            var from = segment == 0 ? plan.StartDate : plan.Cadences[segment].From;
            var until = segment + 1 < plan.Cadences.Count ? plan.Cadences[segment + 1].From : DateOnly.MaxValue;
            var cadence = plan.Cadences[segment].Cadence;
            foreach (var date in cadence.DatesFrom(from, from))
            {
                if (date >= until)
                {
                    break;
                }

                if (!plan.SkippedDates.Contains(date) && !plan.Pauses.Any(p => date >= p.From && (p.Until is null || date < p.Until)))
                {
                    yield return date;
                }

                if (plan.Pauses.Any(p => p.Until is null && date >= p.From))
                {
                    yield break; // paused with no end: nothing more to schedule
                }
            }
        }
    }

    private static CadenceFrom CadenceOn(ReadingPlan plan, DateOnly date) =>
        plan.Cadences.Last(c => c == plan.Cadences[0] || c.From <= date);
}
