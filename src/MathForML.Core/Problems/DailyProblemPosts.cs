using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;
using static MathForML.Core.Problems.ProblemTexts;

namespace MathForML.Core.Problems;

/// <summary>
/// Plans each group's daily problem two weeks ahead as due items keyed by local date, at the group's
/// local posting time (so a zone change moves them), with a top-up item that plans further.
/// </summary>
public sealed class DailyProblemPlanner(IDueItemStore store) : IGroupChangeListener
{
    public const string PostKind = "daily-problem";
    public const string RevealKind = "daily-reveal";
    public const string HintKind = "daily-hint";
    public const string TopUpKind = "daily-topup";
    public const int DaysAhead = 14;
    public const string ReplannedReason = "the group's schedule changed";

    public Task GroupChangedAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken) => PlanAsync(group, now, cancellationToken);

    /// <summary>The daily post's occurrence key: the group's local date. One post per group and key, however it is posted.</summary>
    public static string OccurrenceKey(DateOnly localDate) => localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task PlanAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var zone = TimeZones.Find(group.TimeZoneId) ?? TimeZoneInfo.Utc;
        var today = LocalTimes.DateIn(now, zone);
        var posts = Enumerable.Range(0, DaysAhead + 1)
            .Select(d => today.AddDays(d))
            .Select(date => (Date: date, At: DailyProblemService.PostTime(group, date)))
            .Where(p => p.At > now)
            .Select(p => new NewDueItem(group.Id, PostKind, OccurrenceKey(p.Date), p.At))
            .ToList();
        await store.ReplaceWaitingAsync(group.Id, PostKind, posts, now, ReplannedReason, cancellationToken);
        var topUp = now.AddDays(DaysAhead / 2);
        await store.ReplaceWaitingAsync(group.Id, TopUpKind, [new NewDueItem(group.Id, TopUpKind, topUp.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), topUp)], now, ReplannedReason, cancellationToken);
    }
}

/// <summary>Keeps the daily plan two weeks ahead.</summary>
public sealed class DailyTopUpHandler(IStudyGroupStore groups, DailyProblemPlanner planner, TimeProvider time) : IDueItemHandler
{
    public string Kind => DailyProblemPlanner.TopUpKind;

    public CatchUpPolicy CatchUp => CatchUpPolicy.LatestOnly;

    public async Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await groups.FindByIdAsync(item.GroupId, cancellationToken) is not { } group)
        {
            return DueItemOutcome.Dropped(NoGroup);
        }

        await planner.PlanAsync(group, time.GetUtcNow(), cancellationToken);
        return DueItemOutcome.Done();
    }

    internal const string NoGroup = "the group no longer exists";
}

/// <summary>
/// Posts the day's problem: chosen once per date (a retry gets the same one), drawn with the group's
/// numbers, with a thread, buttons, a deadline, and the reveal and timed hints scheduled behind it.
/// After downtime only the newest missed day is posted (late), never a burst.
/// </summary>
public sealed class DailyProblemPostHandler(
    IStudyGroupStore groups, IDailyProblemStore problems, DailyProblemService service, IDueItemStore dueItems, ChatPlatforms platforms, TimeProvider time) : IDueItemHandler
{
    public string Kind => DailyProblemPlanner.PostKind;

    public CatchUpPolicy CatchUp => CatchUpPolicy.LatestOnly;

    public async Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await groups.FindByIdAsync(item.GroupId, cancellationToken) is not { } group)
        {
            return DueItemOutcome.Dropped(DailyTopUpHandler.NoGroup);
        }

        if (platforms.For(group.Home.Platform) is not { } platform)
        {
            return DueItemOutcome.RetryLater(Format(PlatformNotRunningFormat, group.Home.Platform));
        }

        var now = time.GetUtcNow();
        var bank = service.Bank.Problems;
        if (bank.Count == 0)
        {
            return DueItemOutcome.Dropped(NoProblemReason);
        }

        var reading = await service.CurrentReadingAsync(group, now, cancellationToken);
        var daily = await problems.GetOrCreateAsync(
            group.Id,
            item.OccurrenceKey,
            used => ProblemSelector.Choose(bank, used, reading, group.Id, item.OccurrenceKey)?.Id,
            now,
            now.AddHours(group.Settings.AnswerWindowHours),
            cancellationToken);
        var problem = service.Bank.Find(daily.ProblemId);
        if (daily.Message is { } posted)
        {
            // Posted before a crash (or by another runner): the reveal and hints must still exist.
            await AddFollowUpsAsync(daily, problem, cancellationToken);
            return DueItemOutcome.Done(posted.MessageId);
        }

        if (problem is null || DailyProblemService.GroupInstance(problem, group.Id) is not { } instance)
        {
            return DueItemOutcome.Dropped(NoProblemReason);
        }

        var header = Format(PostFormat, daily.Number, problem.Title, DailyProblemService.Describe(problem), ChatTime.Token(daily.Deadline), ChatTime.Token(daily.Deadline, ChatTimeStyle.Relative))
            + (problem.AnswerFormat is { } format ? Format(AnswerAsFormat, format) : "")
            + (problem.IsParameterized ? PersonalNumbers : "");
        var content = service.Picture(header, problem.Statement, instance, $"problem-{daily.Number}.png", daily.Number, DailyProblemService.PostButtons(problem));
        var result = await platform.PostAsync(
            new ChatPost { Target = group.Home, Content = content, ThreadTitle = Format(ThreadTitleFormat, daily.Number, problem.Title), IdempotencyKey = item.IdempotencyKey },
            cancellationToken);
        if (result.Message is not { } message)
        {
            return DueItemOutcome.RetryLater(result.Error ?? "post failed");
        }

        await problems.SetMessageAsync(daily.Id, message, cancellationToken);
        await AddFollowUpsAsync(daily, problem, cancellationToken);
        return DueItemOutcome.Done(message.MessageId);
    }

    /// <summary>The reveal at the deadline and the timed hints, counted from the post; adding them again changes nothing.</summary>
    private Task<int> AddFollowUpsAsync(DailyProblem daily, Problem? problem, CancellationToken cancellationToken)
    {
        var number = daily.Number.ToString(CultureInfo.InvariantCulture);
        var followUps = new List<NewDueItem> { new(daily.GroupId, DailyProblemPlanner.RevealKind, number, daily.Deadline) };
        followUps.AddRange((problem?.Hints ?? [])
            .Select((hint, index) => (hint, index))
            .Where(h => h.hint.ReleaseAfter is { } after && daily.PostedAt + after < daily.Deadline)
            .Select(h => new NewDueItem(daily.GroupId, DailyProblemPlanner.HintKind, $"{number}:{h.index + 1}", daily.PostedAt + h.hint.ReleaseAfter!.Value, daily.Deadline)));
        return dueItems.AddAsync(followUps, cancellationToken);
    }
}

/// <summary>Posts a timed hint into the problem's thread, while the problem is open.</summary>
public sealed class DailyHintHandler(IStudyGroupStore groups, IDailyProblemStore problems, DailyProblemService service, ChatPlatforms platforms) : IDueItemHandler
{
    public string Kind => DailyProblemPlanner.HintKind;

    public CatchUpPolicy CatchUp => CatchUpPolicy.UntilExpiry;

    public async Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var parts = item.OccurrenceKey.Split(':');
        if (await groups.FindByIdAsync(item.GroupId, cancellationToken) is not { } group
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var problemNumber)
            || await problems.FindByNumberAsync(group.Id, problemNumber, cancellationToken) is not { } daily
            || daily.RevealedAt is not null
            || service.Bank.Find(daily.ProblemId) is not { } problem
            || !int.TryParse(parts[^1], CultureInfo.InvariantCulture, out var hintNumber) || hintNumber < 1 || hintNumber > problem.Hints.Count)
        {
            return DueItemOutcome.Dropped(RevealDroppedReason);
        }

        if (platforms.For(group.Home.Platform) is not { } platform)
        {
            return DueItemOutcome.RetryLater(Format(PlatformNotRunningFormat, group.Home.Platform));
        }

        var instance = DailyProblemService.GroupInstance(problem, group.Id)!;
        var content = service.Picture(Format(ScheduledHintFormat, hintNumber, daily.Number), problem.Hints[hintNumber - 1].Text, instance, $"hint-{daily.Number}-{hintNumber}.png", daily.Number);
        var target = daily.Message?.ThreadId is { } thread ? group.Home.InThread(thread) : group.Home;
        var result = await platform.PostAsync(new ChatPost { Target = target, Content = content, IdempotencyKey = item.IdempotencyKey }, cancellationToken);
        return result.Message is { } message ? DueItemOutcome.Done(message.MessageId) : DueItemOutcome.RetryLater(result.Error ?? "post failed");
    }
}

/// <summary>Reveals the solution at the deadline (however late, after downtime), with the group's numbers and a summary without names.</summary>
public sealed class DailyRevealHandler(IStudyGroupStore groups, DailyProblemReveal reveal) : IDueItemHandler
{
    public string Kind => DailyProblemPlanner.RevealKind;

    public CatchUpPolicy CatchUp => CatchUpPolicy.Always;

    public async Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (await groups.FindByIdAsync(item.GroupId, cancellationToken) is not { } group)
        {
            return DueItemOutcome.Dropped(DailyTopUpHandler.NoGroup);
        }

        return await reveal.RevealAsync(group, int.Parse(item.OccurrenceKey, CultureInfo.InvariantCulture), item.IdempotencyKey, cancellationToken);
    }
}

/// <summary>The reveal itself, shared by the deadline and the organizer's <c>/problem reveal</c>.</summary>
public sealed class DailyProblemReveal(IDailyProblemStore problems, DailyProblemService service, ChatPlatforms platforms, TimeProvider time)
{
    public async Task<DueItemOutcome> RevealAsync(StudyGroup group, int number, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var daily = await problems.FindByNumberAsync(group.Id, number, cancellationToken);
        if (daily is null || daily.RevealedAt is not null)
        {
            return DueItemOutcome.Dropped(RevealDroppedReason);
        }

        if (service.Bank.Find(daily.ProblemId) is not { } problem || DailyProblemService.GroupInstance(problem, group.Id) is not { } instance)
        {
            return DueItemOutcome.Dropped(Format(ProblemGone, daily.Number));
        }

        if (platforms.For(group.Home.Platform) is not { } platform)
        {
            return DueItemOutcome.RetryLater(Format(PlatformNotRunningFormat, group.Home.Platform));
        }

        var summary = await problems.SummarizeAsync(daily.Id, cancellationToken);
        var counts = summary.Tried == 0 ? SummaryNobody : Format(SummaryFormat, summary.Tried, summary.Solved, summary.SolvedFirstTry);
        var content = service.Picture(Format(RevealFormat, daily.Number, problem.Title, instance.ExpectedAnswer, problem.IsParameterized ? RevealOwnNumbers : "", counts), problem.Solution, instance, $"solution-{daily.Number}.png", daily.Number);
        var target = daily.Message?.ThreadId is { } thread ? group.Home.InThread(thread) : group.Home;
        var result = await platform.PostAsync(new ChatPost { Target = target, Content = content, IdempotencyKey = idempotencyKey }, cancellationToken);
        if (result.Message is not { } message)
        {
            return DueItemOutcome.RetryLater(result.Error ?? "post failed");
        }

        await problems.TryMarkRevealedAsync(daily.Id, time.GetUtcNow(), cancellationToken);
        return DueItemOutcome.Done(message.MessageId);
    }
}
