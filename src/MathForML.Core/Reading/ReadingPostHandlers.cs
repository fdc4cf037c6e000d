using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;
using static MathForML.Core.Reading.ReadingMessages;

namespace MathForML.Core.Reading;

/// <summary>Texts of the scheduled reading posts.</summary>
public static class ReadingPostMessages
{
    public const string AnnouncementFormat = "**Reading for session {0}: {1}**\n{2}\nDiscussion {3} ({4}). Mark it read with `/reading done`.";
    public const string ReminderFormat = "Reading session {0} starts {1}: {2}. Mark it read with `/reading done`.";
    public const string ThreadTitleFormat = "Session {0}: {1}";
    public const string ThreadOpeningFormat = "Discussion for session {0}: {1} ({2}). Questions, insights and worked examples go here.";
    public const string MarkReadLabel = "Mark read";
    public const string GoingLabel = "I'm coming";
    public const string SessionGoneReason = "the session is no longer in the plan";
    public const string NoPlanReason = "the group has no reading plan";
    public const string NoGroupReason = "the group no longer exists";
    public const string NoPlatformFormat = "the {0} adapter is not running";
}

/// <summary>Shared work of the reading post kinds: find group, plan and session, post, report.</summary>
public abstract class ReadingPostHandler(IStudyGroupStore groups, IReadingPlanStore plans, IBookCatalog books, ChatPlatforms platforms) : IDueItemHandler
{
    public abstract string Kind { get; }

    public CatchUpPolicy CatchUp => CatchUpPolicy.UntilExpiry;

    public async Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await groups.FindByIdAsync(item.GroupId, cancellationToken) is not { } group)
        {
            return DueItemOutcome.Dropped(ReadingPostMessages.NoGroupReason);
        }

        var (loaded, _) = await LoadedPlan.LoadAsync(group, plans, books, cancellationToken);
        if (loaded is null)
        {
            return DueItemOutcome.Dropped(ReadingPostMessages.NoPlanReason);
        }

        var session = loaded.Sessions.FirstOrDefault(s => ReadingPostsPlanner.SessionKey(s) == item.OccurrenceKey);
        if (session is null)
        {
            return DueItemOutcome.Dropped(ReadingPostMessages.SessionGoneReason);
        }

        if (platforms.For(group.Home.Platform) is not { } platform)
        {
            return DueItemOutcome.RetryLater(Format(ReadingPostMessages.NoPlatformFormat, group.Home.Platform));
        }

        var post = await ComposeAsync(group, loaded, session, cancellationToken) with { IdempotencyKey = item.IdempotencyKey };
        var result = await platform.PostAsync(post, cancellationToken);
        return result.Message is { } message ? DueItemOutcome.Done(message.MessageId) : DueItemOutcome.RetryLater(result.Error ?? "post failed");
    }

    private protected abstract Task<ChatPost> ComposeAsync(StudyGroup group, LoadedPlan plan, ReadingSession session, CancellationToken cancellationToken);
}

public sealed class ReadingAnnouncementHandler(IStudyGroupStore groups, IReadingPlanStore plans, IBookCatalog books, ChatPlatforms platforms) : ReadingPostHandler(groups, plans, books, platforms)
{
    private static readonly CommandDefinition ReadingDone = CommandCatalog.FindPath("reading done")!;
    private static readonly CommandDefinition ReadingRsvp = CommandCatalog.FindPath("reading rsvp")!;

    public override string Kind => ReadingPostsPlanner.AnnouncementKind;

    private protected override Task<ChatPost> ComposeAsync(StudyGroup group, LoadedPlan plan, ReadingSession session, CancellationToken cancellationToken) =>
        Task.FromResult(new ChatPost
        {
            Target = group.Home,
            Content = new MessageContent
            {
                Text = Format(ReadingPostMessages.AnnouncementFormat, session.Number, LoadedPlan.Describe(session, plan.Book), LoadedPlan.Titles(session), ChatTime.Token(session.StartsAt), ChatTime.Token(session.StartsAt, ChatTimeStyle.Relative)),
                Buttons =
                [
                    new ChatButton(CommandActions.For(ReadingDone), ReadingPostMessages.MarkReadLabel, ButtonStyle.Primary),
                    new ChatButton(CommandActions.For(ReadingRsvp, ("session", session.Number.ToString(CultureInfo.InvariantCulture))), ReadingPostMessages.GoingLabel),
                ],
            },
        });
}

public sealed class ReadingReminderHandler(IStudyGroupStore groups, IReadingPlanStore plans, IBookCatalog books, ChatPlatforms platforms) : ReadingPostHandler(groups, plans, books, platforms)
{
    public override string Kind => ReadingPostsPlanner.ReminderKind;

    private protected override Task<ChatPost> ComposeAsync(StudyGroup group, LoadedPlan plan, ReadingSession session, CancellationToken cancellationToken) =>
        Task.FromResult(new ChatPost
        {
            Target = group.Home,
            Content = MessageContent.FromText(Format(ReadingPostMessages.ReminderFormat, session.Number, ChatTime.Token(session.StartsAt, ChatTimeStyle.Relative), LoadedPlan.Describe(session, plan.Book))),
        });
}

public sealed class ReadingSessionHandler(IStudyGroupStore groups, IReadingPlanStore plans, IBookCatalog books, ChatPlatforms platforms) : ReadingPostHandler(groups, plans, books, platforms)
{
    public override string Kind => ReadingPostsPlanner.SessionKind;

    private protected override Task<ChatPost> ComposeAsync(StudyGroup group, LoadedPlan plan, ReadingSession session, CancellationToken cancellationToken) =>
        Task.FromResult(new ChatPost
        {
            Target = group.Home,
            ThreadTitle = Format(ReadingPostMessages.ThreadTitleFormat, session.Number, LoadedPlan.Describe(session, plan.Book)),
            Content = MessageContent.FromText(Format(ReadingPostMessages.ThreadOpeningFormat, session.Number, LoadedPlan.Describe(session, plan.Book), LoadedPlan.Titles(session))),
        });
}

/// <summary>Extends the planning horizon: re-plans the group's posts from now.</summary>
public sealed class ReadingTopUpHandler(IStudyGroupStore groups, IReadingPlanStore plans, IBookCatalog books, ReadingPostsPlanner planner, TimeProvider time) : IDueItemHandler
{
    public string Kind => ReadingPostsPlanner.TopUpKind;

    public CatchUpPolicy CatchUp => CatchUpPolicy.Always;

    public async Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await groups.FindByIdAsync(item.GroupId, cancellationToken) is not { } group)
        {
            return DueItemOutcome.Dropped(ReadingPostMessages.NoGroupReason);
        }

        var plan = await plans.FindAsync(group.Id, cancellationToken);
        if (plan is null || books.Find(plan.BookId) is not { } book)
        {
            return DueItemOutcome.Dropped(ReadingPostMessages.NoPlanReason);
        }

        await planner.ReplanAsync(group, plan, book, time.GetUtcNow(), cancellationToken);
        return DueItemOutcome.Done();
    }
}
