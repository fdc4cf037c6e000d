using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Participation;

/// <summary>Titles of the participation charts.</summary>
public static class ChartTitles
{
    public const string ActivityFormat = "{0}: activity, last {1} weeks";
    public const string SolveRatesFormat = "Solve rate per problem, {0}";
    public const string ReadingFormat = "Reading progress: {0}";
    public const string HiddenMember = "a member";
    public const string Unavailable = "(The chart could not be drawn: {0})";
}

/// <summary>A chart for a reply, or the line that explains why there is none.</summary>
public sealed record ChartOutcome(ChatImage? Image, string? Note);

/// <summary>Gathers the data for the participation charts and asks the chart port to draw them.</summary>
public sealed class ParticipationPictures(IChartRenderer charts, IDailyProblemStore problems, IParticipationLog log, IGroupRoster roster, IReadingPlanStore plans, IBookCatalog books)
{
    /// <summary>Weeks in a member's activity calendar: half a year reads at chat width.</summary>
    public const int CalendarWeeks = 26;

    /// <summary>A member's actions per local day over the last <see cref="CalendarWeeks"/> weeks, ending today.</summary>
    public ChartOutcome ActivityCalendar(string memberName, IEnumerable<DateTimeOffset> actions, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(zone);
        var today = LocalTimes.DateIn(now, zone);
        var from = today.AddDays(-((CalendarWeeks * 7) - 1));
        var days = actions.Select(a => LocalTimes.DateIn(a, zone)).Where(d => d >= from && d <= today)
            .GroupBy(d => d).Select(g => (g.Key, g.Count())).OrderBy(d => d.Key).ToList();
        return Outcome(charts.ActivityCalendar(Format(ChartTitles.ActivityFormat, memberName, CalendarWeeks), days, from, today));
    }

    /// <summary>Solve rates of the group's problems posted since <paramref name="since"/>, measured against everyone who took part.</summary>
    public async Task<ChartOutcome?> SolveRatesAsync(StudyGroup group, DateTimeOffset? since, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return await SolveRatesAsync(group, since, period, await roster.MembersAsync(group.Id, cancellationToken), cancellationToken);
    }

    /// <summary>The leaderboard's pictures: solve rates for the period and reading progress, if any (the roster is read once).</summary>
    public async Task<IReadOnlyList<ChartOutcome>> LeaderboardChartsAsync(StudyGroup group, DateTimeOffset? since, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var members = await roster.MembersAsync(group.Id, cancellationToken);
        ChartOutcome?[] charts =
        [
            await SolveRatesAsync(group, since, period, members, cancellationToken),
            await ReadingProgressAsync(group, members, cancellationToken),
        ];
        return [.. charts.OfType<ChartOutcome>()];
    }

    private async Task<ChartOutcome?> SolveRatesAsync(StudyGroup group, DateTimeOffset? since, string period, IReadOnlyList<RosterEntry> members, CancellationToken cancellationToken)
    {
        var summaries = await problems.SummariesAsync(group.Id, since, cancellationToken);
        if (summaries.Count == 0)
        {
            return null;
        }

        var bars = summaries.Select(s => ("#" + s.Number.ToString(CultureInfo.InvariantCulture), s.Attempts.Solved, s.Attempts.Tried, int.Max(members.Count, s.Attempts.Tried))).ToList();
        return Outcome(charts.SolveRates(Format(ChartTitles.SolveRatesFormat, period), bars));
    }

    /// <summary>Sessions of the current plan each member marked read; null without a plan or before anyone read.</summary>
    private async Task<ChartOutcome?> ReadingProgressAsync(StudyGroup group, IReadOnlyList<RosterEntry> members, CancellationToken cancellationToken)
    {
        if (await plans.FindAsync(group.Id, cancellationToken) is not { } plan || books.Find(plan.BookId) is not { } book)
        {
            return null;
        }

        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var subjects = ReadingSchedule.Sessions(plan, book, zone).Select(ReadingSubjects.Session).ToHashSet(StringComparer.Ordinal);
        var done = (await log.ListAsync(group.Id, [ParticipationKinds.ReadingDone], null, cancellationToken))
            .Where(e => subjects.Contains(e.Subject))
            .GroupBy(e => e.MemberId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Subject).Distinct(StringComparer.Ordinal).Count());
        if (done.Count == 0)
        {
            return null;
        }

        var names = members.ToDictionary(m => m.MemberId);
        var rows = done
            .Select(d => (Name: names.TryGetValue(d.Key, out var m) && !m.Hidden ? m.Name : ChartTitles.HiddenMember, Done: d.Value, Total: subjects.Count))
            .OrderByDescending(r => r.Done).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return Outcome(charts.ReadingProgress(Format(ChartTitles.ReadingFormat, book.Title), rows));
    }

    private static ChartOutcome Outcome(ChartImageResult result) =>
        result.Image is { } image ? new ChartOutcome(image, null) : new ChartOutcome(null, Format(ChartTitles.Unavailable, result.Error));

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>How reading actions name their session in the log.</summary>
public static class ReadingSubjects
{
    public static string Session(ReadingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return "session-" + session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
