using System.Globalization;
using System.Text;
using MathForML.Core.Chat;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.Core.Problems;

namespace MathForML.Core.Reading;

/// <summary>Texts of the pre-session digest.</summary>
public static class DigestMessages
{
    public const string HeaderFormat = "**Digest before session {0}** ({1}, {2})";
    public const string ProblemsHeader = "**Problems since the last session**";
    public const string ProblemFormat = "- #{0} {1}: {2} solved of {3} who tried ({4} at the first try)";
    public const string NoProblems = "- No problems were posted since the last session.";
    public const string QuestionsHeaderFormat = "**Open questions in the threads: {0}**";
    public const string QuestionFormat = "- \"{0}\" (asked {1})";
    public const string QuestionWithoutTextFormat = "- A question asked {0}";
    public const string MoreQuestionsFormat = "- … and {0} more";
    public const string NoQuestions = "**Open questions in the threads:** none, every question has an answer.";
    public const string ReadingFormat = "**Reading:** {0} member(s) have marked this session's reading done.";
    public const string NextFormat = "**Next:** {0}: {1}. Mark it read with `/reading done`.";
    public const string RatesPeriodFormat = "since session {0}";
    public const string RatesPeriodFirst = "the last 7 days";
    public const int MaxQuestionsShown = 5;
}

/// <summary>
/// The digest before each session: the problems since the previous session with solve rates (and their chart),
/// open questions from the threads, how many marked the reading done (a count, never names), and the reading.
/// </summary>
public sealed class ReadingDigestHandler(
    IStudyGroupStore groups, IReadingPlanStore plans, IBookCatalog books, ChatPlatforms platforms,
    IDailyProblemStore problems, IProblemBank bank, IParticipationLog log, ParticipationPictures pictures, TimeProvider time)
    : ReadingPostHandler(groups, plans, books, platforms)
{
    public override string Kind => ReadingPostsPlanner.DigestKind;

    private protected override async Task<ChatPost> ComposeAsync(StudyGroup group, LoadedPlan plan, ReadingSession session, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var previous = plan.Sessions.LastOrDefault(s => s.StartsAt < session.StartsAt);
        var since = previous?.StartsAt ?? now.AddDays(-7);
        var text = new StringBuilder(Format(DigestMessages.HeaderFormat, session.Number, LoadedPlan.Describe(session, plan.Book), ChatTime.Token(session.StartsAt, ChatTimeStyle.Relative)));

        text.Append("\n\n").Append(DigestMessages.ProblemsHeader);
        var summaries = await problems.SummariesAsync(group.Id, since, cancellationToken);
        foreach (var summary in summaries)
        {
            var title = bank.Find(summary.ProblemId)?.Title ?? summary.ProblemId;
            text.Append('\n').Append(Format(DigestMessages.ProblemFormat, summary.Number, title, summary.Attempts.Solved, summary.Attempts.Tried, summary.Attempts.SolvedFirstTry));
        }

        if (summaries.Count == 0)
        {
            text.Append('\n').Append(DigestMessages.NoProblems);
        }

        var open = ThreadActivityRecorder.Open(await log.ListAsync(group.Id, [ParticipationKinds.ThreadQuestion, ParticipationKinds.ThreadAnswer], now - ThreadActivityRecorder.OpenFor, cancellationToken));
        text.Append("\n\n");
        if (open.Count == 0)
        {
            text.Append(DigestMessages.NoQuestions);
        }
        else
        {
            text.Append(Format(DigestMessages.QuestionsHeaderFormat, open.Count));
            foreach (var question in open.Take(DigestMessages.MaxQuestionsShown))
            {
                var asked = ChatTime.Token(question.AskedAt, ChatTimeStyle.Relative);
                text.Append('\n').Append(question.Excerpt is { } excerpt ? Format(DigestMessages.QuestionFormat, excerpt, asked) : Format(DigestMessages.QuestionWithoutTextFormat, asked));
            }

            if (open.Count > DigestMessages.MaxQuestionsShown)
            {
                text.Append('\n').Append(Format(DigestMessages.MoreQuestionsFormat, open.Count - DigestMessages.MaxQuestionsShown));
            }
        }

        var readers = await log.CountMembersAsync(group.Id, ParticipationKinds.ReadingDone, ReadingSubjects.Session(session), cancellationToken);
        text.Append("\n\n").Append(Format(DigestMessages.ReadingFormat, readers));
        text.Append('\n').Append(Format(DigestMessages.NextFormat, LoadedPlan.Describe(session, plan.Book), LoadedPlan.Titles(session)));

        var period = previous is null ? DigestMessages.RatesPeriodFirst : Format(DigestMessages.RatesPeriodFormat, previous.Number);
        var chart = summaries.Count > 0 ? await pictures.SolveRatesAsync(group, since, period, cancellationToken) : null;
        if (chart?.Note is { } note)
        {
            text.Append('\n').Append(note);
        }

        return new ChatPost
        {
            Target = group.Home,
            Content = new MessageContent { Text = text.ToString(), Images = chart?.Image is { } image ? [image] : [] },
        };
    }

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
