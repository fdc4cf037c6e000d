using System.Globalization;
using System.Text;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Reading;
using MathForML.Core.Scheduling;
using static MathForML.Core.Reading.ReadingMessages;

namespace MathForML.Core.Commands.Handlers;

/// <summary><c>/reading setup &lt;book&gt; &lt;start&gt; &lt;per-session&gt; &lt;cadence&gt;</c>.</summary>
public sealed class ReadingSetupHandler(IBookCatalog books, IReadingPlanStore plans, ReadingPostsPlanner posts) : ICommandHandler
{
    public string Path => "reading setup";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var command = request.Command;
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var today = LocalTimes.DateIn(request.ReceivedAt, zone);
        var bookId = command.Argument("book")!;
        if (books.Find(bookId) is not { } book)
        {
            return Private(books.Books.Count == 0 ? NoBooks : Format(UnknownBookFormat, bookId, string.Join(", ", books.Books.Select(b => $"`{b.Id}`"))));
        }

        var startText = command.Argument("start")!;
        if (LocalDates.Parse(startText, today) is not { } start)
        {
            return Private(LocalDates.BadDate(startText, today));
        }

        if (start < today)
        {
            return Private(Format(PastStartFormat, Iso(start), Iso(today), zone.Id));
        }

        if (ParseAmount(command.Argument("per-session")!) is not { } amount)
        {
            return Private(Format(BadAmountFormat, command.Argument("per-session"), ReadingAmount.MaxSections, ReadingAmount.MaxPages));
        }

        if (amount.Unit == ReadingUnit.Pages && book.Sections.Any(s => s.PageCount is null))
        {
            return Private(Format(NoPagesFormat, book.Title));
        }

        var cadence = CadenceParser.Parse(command.Argument("cadence")!);
        if (cadence.Cadence is null)
        {
            return Private(cadence.Error!);
        }

        var plan = new ReadingPlan
        {
            GroupId = group.Id,
            BookId = book.Id,
            SectionNumbers = [.. book.Sections.Select(s => s.Number)],
            StartDate = start,
            Cadences = [new CadenceFrom(start, cadence.Cadence)],
            PerSession = amount,
        };
        var sessions = ReadingSchedule.Sessions(plan, book, zone);
        await plans.SaveAsync(plan, request.ReceivedAt, cancellationToken);
        await posts.ReplanAsync(group, plan, book, request.ReceivedAt, cancellationToken);
        var text = new StringBuilder(Format(CreatedFormat, book.Title, amount, cadence.Cadence.Description, zone.Id, Iso(start), sessions.Count, Iso(sessions[^1].Date)));
        foreach (var session in sessions.Take(3))
        {
            text.AppendLine().Append(Format(SessionLineFormat, session.Number, ChatTime.Token(session.StartsAt), LoadedPlan.Describe(session, book), ": " + LoadedPlan.Titles(session)));
        }

        return ChatReply.Text(text.ToString());
    }

    /// <summary>"2" sections, or "30p" / "30pages" pages.</summary>
    internal static ReadingAmount? ParseAmount(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var pages = trimmed.EndsWith('p') || trimmed.EndsWith("pages", StringComparison.Ordinal);
        var digits = trimmed.TrimEnd('p', 'a', 'g', 'e', 's');
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return null;
        }

        return pages
            ? (count <= ReadingAmount.MaxPages ? new ReadingAmount(count, ReadingUnit.Pages) : null)
            : (count <= ReadingAmount.MaxSections ? new ReadingAmount(count, ReadingUnit.Sections) : null);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ChatReply Private(string text) => ChatReply.Text(text, ephemeral: true);
}

/// <summary>
/// The organizer commands that change a running plan: each computes the new plan, saves it,
/// re-plans the posts, and tells the group what moved.
/// </summary>
public abstract class ReadingChangeHandler(IReadingPlanStore plans, IBookCatalog books, ReadingPostsPlanner posts) : ReadingPlanCommandHandler(plans, books)
{
    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, LoadedPlan loaded, CancellationToken cancellationToken)
    {
        var today = LocalTimes.DateIn(request.ReceivedAt, loaded.Zone);
        var (updated, message) = Change(loaded.Plan, loaded.Sessions, request.Command, today, request.ReceivedAt);
        if (updated is null)
        {
            return ChatReply.Text(message, ephemeral: true);
        }

        var after = ReadingSchedule.Sessions(updated, loaded.Book, loaded.Zone);
        await Plans.SaveAsync(updated, request.ReceivedAt, cancellationToken);
        await posts.ReplanAsync(request.Group!, updated, loaded.Book, request.ReceivedAt, cancellationToken);
        var changes = ReadingPlanChanges.Describe(loaded.Sessions, after, today);
        return ChatReply.Text(message + "\n" + ChangesHeader + "\n" + string.Join('\n', changes.Select(c => "- " + c)));
    }

    /// <summary>The changed plan and the headline, or null and why the change cannot be made.</summary>
    protected abstract (ReadingPlan? Plan, string Message) Change(ReadingPlan plan, IReadOnlyList<ReadingSession> sessions, ChatCommand command, DateOnly today, DateTimeOffset now);

    protected static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary><c>/reading skip &lt;date&gt;</c>.</summary>
public sealed class ReadingSkipHandler(IReadingPlanStore plans, IBookCatalog books, ReadingPostsPlanner posts) : ReadingChangeHandler(plans, books, posts)
{
    public override string Path => "reading skip";

    protected override (ReadingPlan? Plan, string Message) Change(ReadingPlan plan, IReadOnlyList<ReadingSession> sessions, ChatCommand command, DateOnly today, DateTimeOffset now)
    {
        var text = command.Argument("date")!;
        if (LocalDates.Parse(text, today) is not { } date)
        {
            return (null, LocalDates.BadDate(text, today));
        }

        var upcoming = sessions.Where(s => s.StartsAt > now).ToList();
        if (!upcoming.Any(s => s.Date == date))
        {
            return (null, Format(NotASessionFormat, Day(date), string.Join(", ", upcoming.Take(4).Select(s => Day(s.Date)))));
        }

        return (plan with { SkippedDates = new HashSet<DateOnly>(plan.SkippedDates) { date } }, Format(SkippedFormat, Day(date)));
    }
}

/// <summary><c>/reading pause</c>.</summary>
public sealed class ReadingPauseHandler(IReadingPlanStore plans, IBookCatalog books, ReadingPostsPlanner posts) : ReadingChangeHandler(plans, books, posts)
{
    public override string Path => "reading pause";

    protected override (ReadingPlan? Plan, string Message) Change(ReadingPlan plan, IReadOnlyList<ReadingSession> sessions, ChatCommand command, DateOnly today, DateTimeOffset now) =>
        plan.IsPaused ? (null, AlreadyPaused) : (plan with { Pauses = [.. plan.Pauses, new PlanPause(today, null)] }, PausedNow);
}

/// <summary><c>/reading resume [date]</c>.</summary>
public sealed class ReadingResumeHandler(IReadingPlanStore plans, IBookCatalog books, ReadingPostsPlanner posts) : ReadingChangeHandler(plans, books, posts)
{
    public override string Path => "reading resume";

    protected override (ReadingPlan? Plan, string Message) Change(ReadingPlan plan, IReadOnlyList<ReadingSession> sessions, ChatCommand command, DateOnly today, DateTimeOffset now)
    {
        if (!plan.IsPaused)
        {
            return (null, NotPaused);
        }

        var text = command.Argument("date");
        var from = text is null ? today : LocalDates.Parse(text, today);
        if (from is null)
        {
            return (null, LocalDates.BadDate(text!, today));
        }

        var resumeOn = from.Value < today ? today : from.Value;
        var open = plan.Pauses[^1];
        return (plan with { Pauses = [.. plan.Pauses.Take(plan.Pauses.Count - 1), open with { Until = resumeOn < open.From ? open.From : resumeOn }] }, Format(ResumedFormat, Day(resumeOn)));
    }
}

/// <summary><c>/reading cadence &lt;cadence&gt;</c>.</summary>
public sealed class ReadingCadenceHandler(IReadingPlanStore plans, IBookCatalog books, ReadingPostsPlanner posts) : ReadingChangeHandler(plans, books, posts)
{
    public override string Path => "reading cadence";

    protected override (ReadingPlan? Plan, string Message) Change(ReadingPlan plan, IReadOnlyList<ReadingSession> sessions, ChatCommand command, DateOnly today, DateTimeOffset now)
    {
        var parsed = CadenceParser.Parse(command.Argument("cadence")!);
        if (parsed.Cadence is null)
        {
            return (null, parsed.Error!);
        }

        // Sessions already held today stay as they were; the new cadence starts tomorrow in that case.
        var from = sessions.Any(s => s.Date == today && s.StartsAt <= now) ? today.AddDays(1) : today;
        var kept = plan.Cadences.Where(c => c == plan.Cadences[0] || c.From < from).ToList();
        return (plan with { Cadences = [.. kept, new CadenceFrom(from < plan.StartDate ? plan.StartDate : from, parsed.Cadence)] }, Format(CadenceChangedFormat, Day(from), parsed.Cadence.Description));
    }
}
