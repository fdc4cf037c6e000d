using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;
using Microsoft.Extensions.Logging;
using static MathForML.Core.Problems.ProblemTexts;

namespace MathForML.Core.Problems;

public enum PostNowStatus
{
    /// <summary>Today's problem was posted by this call.</summary>
    Posted,

    /// <summary>A problem is open already (today's, or the last one before its deadline); nothing was posted.</summary>
    AlreadyOpen,

    /// <summary>Today's problem was posted earlier and is closed (revealed early).</summary>
    AlreadyPostedToday,

    /// <summary>Another runner (the scheduler) holds today's post right now and is posting it.</summary>
    BeingPosted,

    /// <summary>The bank has nothing to post.</summary>
    NothingToPost,

    /// <summary>The post failed for now; the scheduler retries it.</summary>
    RetryingLater,
}

/// <summary>What posting now did, with the reply an organizer reads.</summary>
public sealed record PostNowResult(PostNowStatus Status, int? Number, string Message);

/// <summary>
/// Posts today's daily problem now, through the scheduled post itself: the due item of the group's
/// local date (the same occurrence key, so the same idempotency key) is claimed from the store and
/// run by the runner with the scheduled post's handler. Whoever claims it first posts; the scheduled
/// 09:00 run (or a second organizer, or a restart) finds it done. Reveal and timed hints are scheduled
/// by the same handler, so a problem posted early follows the same deadline and hint rules.
/// </summary>
public sealed partial class DailyProblemPoster(
    IDailyProblemStore problems, IDueItemStore dueItems, DueItemRunner runner, DailyProblemService service, TimeProvider time, ILogger<DailyProblemPoster> logger)
{
    public async Task<PostNowResult> PostTodayAsync(StudyGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow();
        if (service.Bank.Problems.Count == 0)
        {
            return new PostNowResult(PostNowStatus.NothingToPost, null, EmptyBank);
        }

        // A problem whose post has not gone out yet (its post failed, to be retried) does not count as open.
        if (await problems.LatestAsync(group.Id, cancellationToken) is { Message: not null } latest && latest.IsOpen(now))
        {
            return Open(latest);
        }

        var key = TodayKey(group, now);
        var item = await dueItems.ClaimNowAsync(new NewDueItem(group.Id, DailyProblemPlanner.PostKind, key, now), now, DueItemRunner.Lease, cancellationToken);
        if (item is null)
        {
            // Done already, or the scheduler holds it: say which, never post a second one.
            var current = await problems.LatestAsync(group.Id, cancellationToken);
            return current is not { Message: not null } || current.OccurrenceKey != key
                ? new PostNowResult(PostNowStatus.BeingPosted, null, BeingPostedNow)
                : current.IsOpen(now)
                    ? Open(current)
                    : new PostNowResult(PostNowStatus.AlreadyPostedToday, current.Number, Format(AlreadyPostedTodayFormat, current.Number, group.Settings.DailyProblemAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var outcome = await runner.RunClaimedAsync(item, cancellationToken);
        if (outcome.Retry)
        {
            return new PostNowResult(PostNowStatus.RetryingLater, null, Format(NotPostedYetFormat, outcome.Reason));
        }

        if (outcome.State != DueItemState.Done || await problems.LatestAsync(group.Id, cancellationToken) is not { } posted || posted.OccurrenceKey != key)
        {
            return new PostNowResult(PostNowStatus.NothingToPost, null, Format(CannotPostFormat, outcome.Reason ?? NoProblemReason));
        }

        LogPostedNow(posted.Number, group.Id, key);
        return new PostNowResult(PostNowStatus.Posted, posted.Number, Format(PostedNowFormat, posted.Number, ChatTime.Token(posted.Deadline)));
    }

    /// <summary>
    /// True on the day a group was set up when it was set up at or after that day's posting time (at 10:00
    /// when problems come at 09:00): its schedule starts tomorrow, so today's problem is posted now.
    /// </summary>
    public static bool StartedAfterTodaysPost(StudyGroup group, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var today = LocalTimes.DateIn(now, zone);
        return LocalTimes.DateIn(group.CreatedAt, zone) == today && group.CreatedAt >= DailyProblemService.PostTime(group, today);
    }

    internal static string TodayKey(StudyGroup group, DateTimeOffset now) =>
        DailyProblemPlanner.OccurrenceKey(LocalTimes.DateIn(now, TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc));

    private static PostNowResult Open(DailyProblem daily) =>
        new(PostNowStatus.AlreadyOpen, daily.Number, Format(AlreadyOpenFormat, daily.Number, ChatTime.Token(daily.Deadline)));

    [LoggerMessage(EventId = 6050, Level = LogLevel.Information, Message = "Posted problem #{Number} now as today's problem of group {GroupId} ({Occurrence})")]
    private partial void LogPostedNow(int number, long groupId, string occurrence);
}

/// <summary>
/// A group set up after today's posting time gets today's problem at once (through
/// <see cref="DailyProblemPoster"/>, so exactly once) instead of waiting for tomorrow's. Told of every
/// group change (set-up, a zone change later that day); it acts only while the group has had no problem.
/// </summary>
public sealed partial class DailyProblemCatchUp(DailyProblemPoster poster, IDailyProblemStore problems, ILogger<DailyProblemCatchUp> logger) : IGroupChangeListener
{
    public async Task GroupChangedAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!DailyProblemPoster.StartedAfterTodaysPost(group, now) || await problems.LatestAsync(group.Id, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            var result = await poster.PostTodayAsync(group, cancellationToken);
            LogCaughtUp(group.Id, result.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Setting up the group must not fail because its first post did; the schedule goes on tomorrow.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogCatchUpFailed(exception, group.Id);
        }
    }

    [LoggerMessage(EventId = 6051, Level = LogLevel.Information, Message = "Group {GroupId} was set up after today's posting time; posting today's problem now: {Status}")]
    private partial void LogCaughtUp(long groupId, PostNowStatus status);

    [LoggerMessage(EventId = 6052, Level = LogLevel.Warning, Message = "Group {GroupId} was set up after today's posting time, but today's problem could not be posted now")]
    private partial void LogCatchUpFailed(Exception exception, long groupId);
}
