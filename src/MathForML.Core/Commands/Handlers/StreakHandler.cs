using System.Globalization;
using System.Text;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Commands.Handlers;

/// <summary>Texts of <c>/streak</c>.</summary>
public static class StreakTexts
{
    public const int DaysShown = 14;
    public const string HeaderFormat = "**Streak: {0} day(s)** (best {1}). Freeze tokens held: {2}. Days count in your time zone, {3}; set it with `/timezone`.";
    public const string NoSolves = "No streak yet: solve a daily problem before midnight your time to start one.";
    public const string CountedFormat = "{0}: counted, solved #{1} at {2} ({3})";
    public const string CountedReadingFormat = "{0}: counted, marked a reading done at {1} ({2})";
    public const string FrozenFormat = "{0}: kept by a freeze token (earned by 7 days in a row)";
    public const string MissedFormat = "{0}: missed, a problem was open and not solved by midnight";
    public const string NoProblemFormat = "{0}: no problem was posted that day, your time (does not count against you)";
    public const string PendingFormat = "{0}: today, still open until midnight";
}

/// <summary><c>/streak</c>: current and best streak with an auditable history of the last two weeks.</summary>
public sealed class StreakHandler(ParticipationQueries queries) : ICommandHandler
{
    public string Path => "streak";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var (report, zone) = await queries.StreakAsync(group, request.Member, request.ReceivedAt, cancellationToken);
        if (report.History.Count == 0)
        {
            return ChatReply.Text(StreakTexts.NoSolves, ephemeral: true);
        }

        var text = new StringBuilder(Format(StreakTexts.HeaderFormat, report.Current, report.Best, report.FreezesHeld, zone.Id));
        foreach (var day in report.History.TakeLast(StreakTexts.DaysShown).Reverse())
        {
            var date = day.Day.ToString("ddd d MMM", CultureInfo.InvariantCulture);
            text.Append('\n').Append(day.Kind switch
            {
                StreakDayKind.Counted when day.ReadingSubject is not null => Format(StreakTexts.CountedReadingFormat, date, Local(day), day.TimeZoneId),
                StreakDayKind.Counted => Format(StreakTexts.CountedFormat, date, day.ProblemNumber, Local(day), day.TimeZoneId),
                StreakDayKind.Frozen => Format(StreakTexts.FrozenFormat, date),
                StreakDayKind.Missed => Format(StreakTexts.MissedFormat, date),
                StreakDayKind.NoProblem => Format(StreakTexts.NoProblemFormat, date),
                _ => Format(StreakTexts.PendingFormat, date),
            });
        }

        return ChatReply.Text(text.ToString(), ephemeral: true);
    }

    private static string Local(StreakDay day) =>
        TimeZones.Find(day.TimeZoneId ?? "UTC") is { } zone && day.SolvedAt is { } at
            ? TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture)
            : "";

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
