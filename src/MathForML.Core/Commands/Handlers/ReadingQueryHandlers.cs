using System.Globalization;
using System.Text;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.Core.Reading;
using static MathForML.Core.Reading.ReadingMessages;

namespace MathForML.Core.Commands.Handlers;

/// <summary>A group's plan with everything needed to talk about it.</summary>
internal sealed record LoadedPlan(ReadingPlan Plan, Book Book, TimeZoneInfo Zone, IReadOnlyList<ReadingSession> Sessions)
{
    /// <summary>The session being read for: the next one that has not started, else none.</summary>
    public ReadingSession? Current(DateTimeOffset now) => Sessions.FirstOrDefault(s => s.StartsAt > now);

    public static async Task<(LoadedPlan? Plan, ChatReply? Reply)> LoadAsync(StudyGroup group, IReadingPlanStore plans, IBookCatalog books, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(group.Id, cancellationToken);
        if (plan is null)
        {
            return (null, ChatReply.Text(NoPlan, ephemeral: true));
        }

        var book = books.Find(plan.BookId) ?? throw new InvalidOperationException($"Group {group.Id} reads {plan.BookId}, which is no longer in the catalogue.");
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        return (new LoadedPlan(plan, book, zone, ReadingSchedule.Sessions(plan, book, zone)), null);
    }

    public static string Describe(ReadingSession session, Book book) =>
        $"{book.ShortTitle} {session.SectionRange}" + (session.PageRange is { } pages ? $", {pages}" : "");

    public static string Titles(ReadingSession session) => string.Join("; ", session.Sections.Select(s => s.Title));
}

/// <summary>
/// A reading command that needs the group's plan: loads it (or answers that there is none) and hands
/// the loaded plan to the command.
/// </summary>
public abstract class ReadingPlanCommandHandler(IReadingPlanStore plans, IBookCatalog books) : ICommandHandler
{
    public abstract string Path { get; }

    protected IReadingPlanStore Plans { get; } = plans;

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (loaded, reply) = await LoadedPlan.LoadAsync(request.Group!, Plans, books, cancellationToken);
        return loaded is null ? reply! : await HandleAsync(request, loaded, cancellationToken);
    }

    private protected abstract Task<ChatReply> HandleAsync(CommandRequest request, LoadedPlan loaded, CancellationToken cancellationToken);
}

/// <summary><c>/reading books</c>.</summary>
public sealed class ReadingBooksHandler(IBookCatalog books) : ICommandHandler
{
    public string Path => "reading books";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (books.Books.Count == 0)
        {
            return Task.FromResult(ChatReply.Text(NoBooks, ephemeral: true));
        }

        var text = new StringBuilder(BooksHeader);
        foreach (var book in books.Books)
        {
            text.AppendLine().Append(Format(BookLineFormat, book.Id, book.Title, book.Authors, book.Sections.Count));
        }

        return Task.FromResult(ChatReply.Text(text.ToString(), ephemeral: true));
    }
}

/// <summary><c>/reading show</c>: the next session and its reading.</summary>
public sealed class ReadingShowHandler(IReadingPlanStore plans, IBookCatalog books, IParticipationLog log) : ReadingPlanCommandHandler(plans, books)
{
    public override string Path => "reading show";

    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, LoadedPlan loaded, CancellationToken cancellationToken)
    {
        var next = loaded.Current(request.ReceivedAt);
        if (next is null)
        {
            return ChatReply.Text(loaded.Plan.IsPaused ? Paused : Format(FinishedFormat, loaded.Sessions.Count, loaded.Book.Title));
        }

        var readers = await log.CountMembersAsync(request.Group!.Id, ParticipationKinds.ReadingDone, SessionSubject(next), cancellationToken);
        return ChatReply.Text(Format(
            NextFormat,
            next.Number,
            ChatTime.Token(next.StartsAt) + " (" + ChatTime.Token(next.StartsAt, ChatTimeStyle.Relative) + ")",
            LoadedPlan.Describe(next, loaded.Book),
            ": " + LoadedPlan.Titles(next),
            Format(ReadCountFormat, readers)));
    }

    internal static string SessionSubject(ReadingSession session) => ReadingSubjects.Session(session);
}

/// <summary><c>/reading plan</c>: every session, past and to come.</summary>
public sealed class ReadingPlanHandler(IReadingPlanStore plans, IBookCatalog books) : ReadingPlanCommandHandler(plans, books)
{
    /// <summary>Chat messages have a length limit; a long plan is cut with a count of the rest.</summary>
    public const int MaxLines = 30;

    public override string Path => "reading plan";

    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, LoadedPlan loaded, CancellationToken cancellationToken)
    {
        var plan = loaded.Plan;
        var text = new StringBuilder(Format(PlanHeaderFormat, loaded.Book.Title, plan.PerSession, plan.CurrentCadence.Description, loaded.Zone.Id, plan.IsPaused ? PausedSuffix : ""));
        var upcoming = loaded.Sessions.SkipWhile(s => s.StartsAt < request.ReceivedAt.AddDays(-7)).ToList();
        foreach (var session in upcoming.Take(MaxLines))
        {
            text.AppendLine().Append(Format(SessionLineFormat, session.Number, ChatTime.Token(session.StartsAt), LoadedPlan.Describe(session, loaded.Book), ": " + LoadedPlan.Titles(session)));
        }

        if (upcoming.Count > MaxLines)
        {
            text.AppendLine().Append(Format(MoreFormat, upcoming.Count - MaxLines));
        }

        return ChatReply.Text(text.ToString(), ephemeral: true);
    }
}

/// <summary><c>/reading done</c>: marks the current reading as read, once per member.</summary>
public sealed class ReadingDoneHandler(IReadingPlanStore plans, IBookCatalog books, IParticipationLog log) : ReadingPlanCommandHandler(plans, books)
{
    public override string Path => "reading done";

    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, LoadedPlan loaded, CancellationToken cancellationToken)
    {
        // Before the first session that reading is current; after the last, the last one counts.
        var session = loaded.Current(request.ReceivedAt) ?? (loaded.Sessions.Count > 0 ? loaded.Sessions[^1] : null);
        if (session is null)
        {
            return ChatReply.Text(Paused, ephemeral: true);
        }

        var subject = ReadingShowHandler.SessionSubject(session);
        var recorded = await log.RecordOnceAsync(
            new ParticipationEvent(request.Group!.Id, request.Member.Id, ParticipationKinds.ReadingDone, subject, request.Context.Conversation.Platform, request.ReceivedAt),
            cancellationToken);
        var description = LoadedPlan.Describe(session, loaded.Book);
        if (!recorded)
        {
            return ChatReply.Text(Format(AlreadyDoneFormat, session.Number, description), ephemeral: true);
        }

        var readers = await log.CountMembersAsync(request.Group.Id, ParticipationKinds.ReadingDone, subject, cancellationToken);
        return ChatReply.Text(Format(DoneFormat, session.Number, description, readers), ephemeral: true);
    }
}

/// <summary><c>/reading rsvp</c> (and the "I'm coming" button): attendance for the next session.</summary>
public sealed class ReadingRsvpHandler(IReadingPlanStore plans, IBookCatalog books, IParticipationLog log) : ReadingPlanCommandHandler(plans, books)
{
    public override string Path => "reading rsvp";

    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, LoadedPlan loaded, CancellationToken cancellationToken)
    {
        ReadingSession? session;
        if (request.Command.Argument("session") is { } typed)
        {
            session = int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? loaded.Sessions.FirstOrDefault(s => s.Number == number)
                : null;
            if (session is null)
            {
                return ChatReply.Text(Format(NoSuchSessionFormat, typed, loaded.Sessions.Count), ephemeral: true);
            }

            if (session.StartsAt <= request.ReceivedAt)
            {
                return ChatReply.Text(Format(SessionStartedFormat, session.Number), ephemeral: true);
            }
        }
        else if ((session = loaded.Current(request.ReceivedAt)) is null)
        {
            return ChatReply.Text(NoUpcomingSession, ephemeral: true);
        }

        var subject = ReadingShowHandler.SessionSubject(session);
        var recorded = await log.RecordOnceAsync(
            new ParticipationEvent(request.Group!.Id, request.Member.Id, ParticipationKinds.Rsvp, subject, request.Context.Conversation.Platform, request.ReceivedAt),
            cancellationToken);
        if (!recorded)
        {
            return ChatReply.Text(Format(AlreadyRsvpFormat, session.Number), ephemeral: true);
        }

        var coming = await log.CountMembersAsync(request.Group.Id, ParticipationKinds.Rsvp, subject, cancellationToken);
        return ChatReply.Text(Format(RsvpFormat, session.Number, ChatTime.Token(session.StartsAt), coming), ephemeral: true);
    }
}
