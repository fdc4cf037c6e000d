using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Math;
using MathForML.Math.Problems;
using static MathForML.Core.Problems.ProblemTexts;

namespace MathForML.Core.Commands.Handlers;

/// <summary>The current problem of a request's group with its bank entry, or the reply that explains why there is none.</summary>
internal static class CurrentProblem
{
    public const string ViewedKind = ParticipationKinds.ProblemViewed;
    public const string HintKind = ParticipationKinds.Hint;

    public static async Task<(DailyProblem? Daily, Problem? Problem, ChatReply? Reply)> LoadAsync(CommandRequest request, IDailyProblemStore problems, IProblemBank bank, CancellationToken cancellationToken)
    {
        var group = request.Group!;
        if (await problems.LatestAsync(group.Id, cancellationToken) is not { } daily)
        {
            return (null, null, ChatReply.Text(Format(NoProblemYet, group.Settings.DailyProblemAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ephemeral: true));
        }

        return bank.Find(daily.ProblemId) is { } problem
            ? (daily, problem, null)
            : (daily, null, ChatReply.Text(Format(ProblemGone, daily.Number), ephemeral: true));
    }

    public static string Subject(DailyProblem daily) => "daily-" + daily.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Members answer their own numbers once they have seen them; before that, the numbers in the post.</summary>
    public static async Task<ProblemInstance?> InstanceForAsync(CommandRequest request, DailyProblem daily, Problem problem, IParticipationLog log, CancellationToken cancellationToken)
    {
        if (!problem.IsParameterized)
        {
            return DailyProblemService.GroupInstance(problem, daily.GroupId);
        }

        var seen = await log.HasAsync(daily.GroupId, request.Member.Id, ViewedKind, Subject(daily), cancellationToken);
        return seen ? DailyProblemService.MemberInstance(problem, daily.GroupId, request.Member.Id) : DailyProblemService.GroupInstance(problem, daily.GroupId);
    }
}

/// <summary>Commands about the group's current problem: they run only when there is one and it is still in the bank.</summary>
public abstract class CurrentProblemHandler(IDailyProblemStore problems, IProblemBank bank) : ICommandHandler
{
    public abstract string Path { get; }

    private protected IDailyProblemStore Problems { get; } = problems;

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (daily, problem, reply) = await CurrentProblem.LoadAsync(request, Problems, bank, cancellationToken);
        return reply ?? await HandleAsync(request, daily!, problem!, cancellationToken);
    }

    private protected abstract Task<ChatReply> HandleAsync(CommandRequest request, DailyProblem daily, Problem problem, CancellationToken cancellationToken);
}

/// <summary><c>/problem</c>: the current problem, privately, with the member's own numbers.</summary>
public sealed class ProblemShowHandler(IDailyProblemStore problems, DailyProblemService service, IParticipationLog log) : CurrentProblemHandler(problems, service.Bank)
{
    public override string Path => "problem show";

    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, DailyProblem daily, Problem problem, CancellationToken cancellationToken)
    {
        var instance = problem.IsParameterized
            ? DailyProblemService.MemberInstance(problem, daily.GroupId, request.Member.Id)
            : DailyProblemService.GroupInstance(problem, daily.GroupId);
        if (problem.IsParameterized)
        {
            await log.RecordOnceAsync(new ParticipationEvent(daily.GroupId, request.Member.Id, CurrentProblem.ViewedKind, CurrentProblem.Subject(daily), request.Context.Conversation.Platform, request.ReceivedAt), cancellationToken);
        }

        if (daily.RevealedAt is not null)
        {
            // After the reveal /problem shows the answer: log whether the member had solved it first.
            var solved = (await Problems.AttemptsAsync(daily.Id, request.Member.Id, cancellationToken)).Any(a => a.Outcome == Outcome.Correct);
            var kind = solved ? ParticipationKinds.SolutionAfterSolving : ParticipationKinds.SolutionBeforeSolving;
            await log.RecordOnceAsync(new ParticipationEvent(daily.GroupId, request.Member.Id, kind, CurrentProblem.Subject(daily), request.Context.Conversation.Platform, request.ReceivedAt), cancellationToken);
        }

        var header = daily.IsOpen(request.ReceivedAt)
            ? Format(ShowFormat, daily.Number, problem.Title, DailyProblemService.Describe(problem), ChatTime.Token(daily.Deadline), ChatTime.Token(daily.Deadline, ChatTimeStyle.Relative))
            : Format(ShowClosedFormat, daily.Number, problem.Title);
        header += (problem.AnswerFormat is { } format ? Format(AnswerAsFormat, format) : "") + (problem.IsParameterized ? YourNumbers : "")
            + (daily.RevealedAt is not null ? Format(YourAnswerFormat, instance!.ExpectedAnswer) : "");
        return new ChatReply { Content = service.Picture(header, problem.Statement, instance!, $"problem-{daily.Number}.png", daily.Number), Ephemeral = true };
    }
}

/// <summary><c>/problem post</c>: an organizer posts today's problem now; the scheduled post of the day then finds it done.</summary>
public sealed class ProblemPostHandler(DailyProblemPoster poster) : ICommandHandler
{
    public string Path => "problem post";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await poster.PostTodayAsync(request.Group!, cancellationToken);
        return ChatReply.Text(result.Message, ephemeral: true);
    }
}

/// <summary><c>/problem reveal</c>: an organizer reveals the solution before the deadline.</summary>
public sealed class ProblemRevealHandler(IDailyProblemStore problems, DailyProblemReveal reveal) : ICommandHandler
{
    public string Path => "problem reveal";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        if (await problems.LatestAsync(group.Id, cancellationToken) is not { } daily)
        {
            return ChatReply.Text(Format(NoProblemYet, group.Settings.DailyProblemAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ephemeral: true);
        }

        if (daily.RevealedAt is not null)
        {
            return ChatReply.Text(Format(AlreadyRevealedFormat, daily.Number), ephemeral: true);
        }

        // The same key as the deadline's reveal: whichever runs first posts, the other finds it done.
        var key = $"mfml:{group.Id}:{DailyProblemPlanner.RevealKind}:{daily.Number}";
        var outcome = await reveal.RevealAsync(group, daily.Number, key, cancellationToken);
        return ChatReply.Text(outcome.Retry ? outcome.Reason ?? RevealedNow : RevealedNow, ephemeral: true);
    }
}

/// <summary><c>/answer &lt;value&gt;</c>: judged privately; malformed input is explained and never counted.</summary>
public sealed class AnswerHandler(IDailyProblemStore problems, IProblemBank bank, IParticipationLog log) : CurrentProblemHandler(problems, bank), IAnswersAtOnce
{
    private readonly AnswerJudge _judge = new();

    public override string Path => "answer";

    /// <summary>Too long, or malformed for any problem: answered on the receive path, with nothing read or counted.</summary>
    public ChatReply? TryAnswerAtOnce(ChatCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var answer = command.Argument("value") ?? "";
        if (answer.Length > DailyProblemLimits.MaxAnswerLength)
        {
            return ChatReply.Text(Format(AnswerTooLongFormat, DailyProblemLimits.MaxAnswerLength, answer.Length), ephemeral: true);
        }

        return _judge.CheckSyntax(answer) is { } malformed ? ChatReply.Text(Format(InvalidFormat, malformed.Message), ephemeral: true) : null;
    }

    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, DailyProblem daily, Problem problem, CancellationToken cancellationToken)
    {
        var answer = request.Command.Argument("value")!;
        if (answer.Length > DailyProblemLimits.MaxAnswerLength)
        {
            return ChatReply.Text(Format(AnswerTooLongFormat, DailyProblemLimits.MaxAnswerLength, answer.Length), ephemeral: true);
        }

        // Whether an answer parses does not depend on whose numbers it is checked against, so a malformed one is
        // refused before anything else is read (and, as always, never counted).
        if (DailyProblemService.GroupInstance(problem, daily.GroupId) is { } shown && _judge.Judge(answer, shown.Key) is { Outcome: Outcome.Invalid } malformed)
        {
            return ChatReply.Text(Format(InvalidFormat, malformed.Message), ephemeral: true);
        }

        var previous = await Problems.AttemptsAsync(daily.Id, request.Member.Id, cancellationToken);
        if (previous.Any(a => a.Outcome == Outcome.Correct))
        {
            return ChatReply.Text(Format(AlreadySolvedFormat, daily.Number), ephemeral: true);
        }

        if (previous.Count >= DailyProblemLimits.MaxAttempts)
        {
            return ChatReply.Text(Format(OutOfAttemptsFormat, DailyProblemLimits.MaxAttempts, daily.Number, ChatTime.Token(daily.Deadline, ChatTimeStyle.Relative)), ephemeral: true);
        }

        var instance = await CurrentProblem.InstanceForAsync(request, daily, problem, log, cancellationToken);
        var verdict = _judge.Judge(answer, instance!.Key);
        if (verdict.Outcome == Outcome.Invalid)
        {
            return ChatReply.Text(Format(InvalidFormat, verdict.Message), ephemeral: true);
        }

        var late = !daily.IsOpen(request.ReceivedAt);

        // The streak day is fixed now, in the member's own zone (else the group's), so a later move never rewrites it.
        var zone = TimeZones.Find(request.Member.TimeZoneId ?? request.Group!.TimeZoneId) ?? TimeZoneInfo.Utc;
        var attempt = await Problems.AddAttemptAsync(
            new Attempt(daily.Id, request.Member.Id, 0, answer, verdict.Outcome, verdict.Score, late, request.Context.Conversation.Platform, request.ReceivedAt)
            {
                LocalDay = LocalTimes.DateIn(request.ReceivedAt, zone),
                TimeZoneId = zone.Id,
            },
            cancellationToken);
        return verdict.Outcome switch
        {
            Outcome.Correct => ChatReply.Text(
                Format(CorrectFormat, verdict.Reading ?? answer, attempt.Number == 1 ? FirstTry : Format(AfterAttemptsFormat, attempt.Number)) + (late ? LateNote : ""),
                ephemeral: true),
            _ when verdict.Score > 0 => ChatReply.Text(Format(PartialFormat, verdict.Score, verdict.Message, attempt.Number, DailyProblemLimits.MaxAttempts), ephemeral: true),
            _ => ChatReply.Text(Format(IncorrectFormat, verdict.Message, attempt.Number, DailyProblemLimits.MaxAttempts), ephemeral: true),
        };
    }
}

/// <summary><c>/hint</c>: the member's next hint, privately; each one used is recorded.</summary>
public sealed class HintHandler(IDailyProblemStore problems, DailyProblemService service, IParticipationLog log) : CurrentProblemHandler(problems, service.Bank)
{
    public override string Path => "hint";

    private protected override async Task<ChatReply> HandleAsync(CommandRequest request, DailyProblem daily, Problem problem, CancellationToken cancellationToken)
    {
        // Hints are numbered per problem: recording "hint 2" succeeds only once per member, so the next unseen one is found in order.
        for (var number = 1; number <= problem.Hints.Count; number++)
        {
            var subject = $"{CurrentProblem.Subject(daily)}:{number}";
            if (await log.RecordOnceAsync(new ParticipationEvent(daily.GroupId, request.Member.Id, CurrentProblem.HintKind, subject, request.Context.Conversation.Platform, request.ReceivedAt), cancellationToken))
            {
                var instance = await CurrentProblem.InstanceForAsync(request, daily, problem, log, cancellationToken);
                var content = service.Picture(Format(HintFormat, number, problem.Hints.Count, daily.Number), problem.Hints[number - 1].Text, instance!, $"hint-{daily.Number}-{number}.png", daily.Number);
                return new ChatReply { Content = content, Ephemeral = true };
            }
        }

        return ChatReply.Text(Format(NoMoreHintsFormat, problem.Hints.Count, daily.Number), ephemeral: true);
    }
}
