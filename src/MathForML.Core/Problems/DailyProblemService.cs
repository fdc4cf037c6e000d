using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Formulas;
using MathForML.Core.Groups;
using MathForML.Core.Reading;
using MathForML.Core.Scheduling;
using MathForML.Math.Problems;
using static MathForML.Core.Problems.ProblemTexts;

namespace MathForML.Core.Problems;

/// <summary>What the daily-problem posts and commands share: instances, pictures, the reading a group is on.</summary>
public sealed class DailyProblemService(IProblemBank bank, IFormulaRenderer renderer, IReadingPlanStore plans, IBookCatalog books)
{
    public const string GroupVersion = "group";

    public IProblemBank Bank => bank;

    /// <summary>The instance everyone sees in the post (one per group).</summary>
    public static ProblemInstance? GroupInstance(Problem problem, long groupId) =>
        problem.Answer.Instantiate(ProblemSeed.Derive(problem.Id, Id(groupId), GroupVersion)).Instance;

    /// <summary>A member's own numbers: the same for that member every time.</summary>
    public static ProblemInstance? MemberInstance(Problem problem, long groupId, long memberId) =>
        problem.Answer.Instantiate(ProblemSeed.Derive(problem.Id, Id(groupId), "member:" + Id(memberId))).Instance;

    /// <summary>Text with a picture of <paramref name="latexText"/> (filled in for the instance); the text alone if it cannot be drawn.</summary>
    public MessageContent Picture(string header, string latexText, ProblemInstance instance, string fileName, int number, IReadOnlyList<ChatButton>? buttons = null)
    {
        var filled = instance.Fill(latexText);
        var rendered = renderer.RenderDocument(filled, FormulaTheme.Light, bank.Macros);
        return rendered.Image is { } image
            ? new MessageContent { Text = header, Images = [image with { FileName = fileName }], Buttons = buttons ?? [] }
            : new MessageContent { Text = header + "\n" + Format(RenderFailedFormat, number, rendered.Error, filled), Buttons = buttons ?? [] };
    }

    public static IReadOnlyList<ChatButton> PostButtons(Problem problem) =>
    [
        new ChatButton(CommandActions.For(CommandCatalog.Answer), AnswerButton, ButtonStyle.Primary)
        {
            Form = new ButtonForm(AnswerFormTitle, AnswerFormLabel, AnswerFormPlaceholder, DailyProblemLimits.MaxAnswerLength),
        },
        new ChatButton(CommandActions.For(CommandCatalog.Hint), HintButton),
        .. problem.IsParameterized ? [new ChatButton(CommandActions.For(CommandCatalog.FindPath("problem show")!), MyNumbersButton)] : Array.Empty<ChatButton>(),
    ];

    public static string Describe(Problem problem) =>
        string.Join(" · ", [problem.Difficulty.ToString().ToLowerInvariant(), .. problem.Topics.Take(3)]);

    /// <summary>The sections of the group's current reading session, for choosing a problem that fits.</summary>
    public async Task<IReadOnlyList<(Book Book, BookSection Section)>> CurrentReadingAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await plans.FindAsync(group.Id, cancellationToken) is not { } plan || books.Find(plan.BookId) is not { } book)
        {
            return [];
        }

        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var sessions = ReadingSchedule.Sessions(plan, book, zone);
        var current = sessions.FirstOrDefault(s => s.StartsAt > now) ?? (sessions.Count > 0 ? sessions[^1] : null);
        return current is null ? [] : [.. current.Sections.Select(s => (book, s))];
    }

    public static DateTimeOffset PostTime(StudyGroup group, DateOnly date)
    {
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        return LocalTimes.ToInstant(date, group.Settings.DailyProblemAt, zone);
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The limits of answering, each explicit and tested.</summary>
public static class DailyProblemLimits
{
    /// <summary>Attempts per member per problem (invalid input never counts).</summary>
    public const int MaxAttempts = 10;

    /// <summary>Longest answer accepted; the math core has its own, tighter limits inside.</summary>
    public const int MaxAnswerLength = 500;
}
