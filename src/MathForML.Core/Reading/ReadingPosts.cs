using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;

namespace MathForML.Core.Reading;

/// <summary>
/// Turns a plan into due items: per upcoming session an announcement, a reminder and the opening
/// of its discussion thread, within a horizon that a top-up item extends as time passes.
/// </summary>
public sealed class ReadingPostsPlanner(IDueItemStore store, IReadingPlanStore plans, IBookCatalog books) : IGroupChangeListener
{
    public const string AnnouncementKind = "reading-announcement";
    public const string ReminderKind = "reading-reminder";
    public const string SessionKind = "reading-session";
    public const string TopUpKind = "reading-topup";
    public const string DigestKind = "reading-digest";

    /// <summary>The digest goes out this long before a session: after the day's problem, in time to read the open questions.</summary>
    public static readonly TimeSpan DigestLead = TimeSpan.FromHours(3);
    public const string ReplannedReason = "the reading plan changed";

    /// <summary>How far ahead posts are planned; the top-up re-plans halfway through.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(42);

    /// <summary>A discussion thread is still worth opening this long after the session started.</summary>
    public static readonly TimeSpan SessionGrace = TimeSpan.FromHours(2);

    public async Task ReplanAsync(StudyGroup group, ReadingPlan plan, Book book, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(plan);
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var sessions = ReadingSchedule.Sessions(plan, book, zone).Where(s => s.StartsAt > now && s.StartsAt <= now + Horizon).ToList();
        NewDueItem Item(string kind, ReadingSession s, DateTimeOffset due, DateTimeOffset expires) =>
            new(group.Id, kind, SessionKey(s), due < now ? now : due, expires);

        await store.ReplaceWaitingAsync(group.Id, AnnouncementKind, [.. sessions.Select(s => Item(AnnouncementKind, s, s.StartsAt - plan.AnnouncementLead, s.StartsAt))], now, ReplannedReason, cancellationToken);
        await store.ReplaceWaitingAsync(group.Id, ReminderKind, [.. sessions.Select(s => Item(ReminderKind, s, s.StartsAt - plan.ReminderLead, s.StartsAt))], now, ReplannedReason, cancellationToken);
        await store.ReplaceWaitingAsync(group.Id, DigestKind, [.. sessions.Select(s => Item(DigestKind, s, s.StartsAt - DigestLead, s.StartsAt))], now, ReplannedReason, cancellationToken);
        await store.ReplaceWaitingAsync(group.Id, SessionKind, [.. sessions.Select(s => Item(SessionKind, s, s.StartsAt, s.StartsAt + SessionGrace))], now, ReplannedReason, cancellationToken);
        var topUp = now + Horizon / 2;
        await store.ReplaceWaitingAsync(group.Id, TopUpKind, [new NewDueItem(group.Id, TopUpKind, topUp.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), topUp)], now, ReplannedReason, cancellationToken);
    }

    public async Task GroupChangedAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (await plans.FindAsync(group.Id, cancellationToken) is { } plan && books.Find(plan.BookId) is { } book)
        {
            await ReplanAsync(group, plan, book, now, cancellationToken);
        }
    }

    /// <summary>Identifies a session by when it starts and what it covers, so a moved session is a new post.</summary>
    public static string SessionKey(ReadingSession session) =>
        session.StartsAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm'Z'", CultureInfo.InvariantCulture) + " " + session.SectionRange;
}
