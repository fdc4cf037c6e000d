using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.Math;

namespace MathForML.Core.Commands.Handlers;

/// <summary>Texts of <c>/stats</c>.</summary>
public static class StatsTexts
{
    public const string HeaderFormat = "**Your statistics in {0}** (days in {1})";
    public const string ProblemsFormat = "- Problems: {0} tried, {1} solved ({2} first try, {3} late); {4} point(s) all time";
    public const string StreakFormat = "- Streak: {0} day(s), best {1}; freeze tokens held: {2}";
    public const string HelpFormat = "- Hints used: {0}; solutions looked at before solving: {1}, after: {2}";
    public const string ReadingFormat = "- Reading: {0} session(s) marked read, {1} RSVP(s)";
    public const string ThreadsFormat = "- Threads: {0} question(s) asked, {1} answered for others";
    public const string Nothing = "Nothing recorded for you in this group yet: try `/problem` and `/answer`, or mark a reading done with `/reading done`.";
}

/// <summary><c>/stats</c>: the member's own numbers in this group, with their activity calendar, privately.</summary>
public sealed class StatsHandler(IDataRightsStore data, ParticipationQueries queries, ParticipationPictures pictures) : ICommandHandler
{
    public string Path => "stats";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var export = await data.ExportMemberAsync(request.Member.Id, cancellationToken);
        var records = export?.Records.Where(r => r.GroupId == group.Id).ToList() ?? [];
        if (records.Count == 0)
        {
            return ChatReply.Text(StatsTexts.Nothing, ephemeral: true);
        }

        var (streak, zone) = await queries.StreakAsync(group, request.Member, request.ReceivedAt, cancellationToken);
        var answers = records.Where(r => r.Kind == ParticipationKinds.ProblemAnswer && r.AttemptNumber > 0).ToList();
        var perProblem = answers.GroupBy(r => r.ProblemNumber).Select(g => Solve(g.ToList())).ToList();
        var solved = perProblem.Count(p => p.Solved);
        var firstTry = perProblem.Count(p => p.FirstTry);
        var late = perProblem.Count(p => p.Late);
        int Count(string kind) => records.Count(r => r.Kind == kind);
        var lines = new List<string>
        {
            Format(StatsTexts.HeaderFormat, group.Name, zone.Id),
            Format(StatsTexts.ProblemsFormat, perProblem.Count, solved, firstTry, late, Leaderboard.Points(solved, firstTry, late)),
            Format(StatsTexts.StreakFormat, streak.Current, streak.Best, streak.FreezesHeld),
            Format(StatsTexts.HelpFormat, Count(ParticipationKinds.Hint), Count(ParticipationKinds.SolutionBeforeSolving), Count(ParticipationKinds.SolutionAfterSolving)),
            Format(StatsTexts.ReadingFormat, Count(ParticipationKinds.ReadingDone), Count(ParticipationKinds.Rsvp)),
            Format(StatsTexts.ThreadsFormat, Count(ParticipationKinds.ThreadQuestion), Count(ParticipationKinds.ThreadAnswer)),
        };
        // Looking at the problem is not activity; answering, reading, asking and helping are.
        var activity = records.Where(r => r.Kind != ParticipationKinds.ProblemViewed && (r.Kind != ParticipationKinds.ProblemAnswer || r.AttemptNumber > 0)).Select(r => r.At);
        var chart = pictures.ActivityCalendar(request.Member.DisplayName, activity, zone, request.ReceivedAt);
        if (chart.Note is { } note)
        {
            lines.Add(note);
        }

        return new ChatReply
        {
            Content = new MessageContent { Text = string.Join('\n', lines), Images = chart.Image is { } image ? [image] : [] },
            Ephemeral = true,
        };
    }

    private static (bool Solved, bool FirstTry, bool Late) Solve(IReadOnlyList<ParticipationRecord> attempts)
    {
        var correct = attempts.Where(a => a.Verdict == nameof(Outcome.Correct)).ToList();
        var onTime = correct.Where(a => a.Late != true).ToList();
        return (correct.Count > 0, onTime.Any(a => a.AttemptNumber == 1), correct.Count > 0 && onTime.Count == 0);
    }

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
