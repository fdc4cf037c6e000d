using MathForML.Core.Chat;
using MathForML.Math;

namespace MathForML.Core.Problems;

/// <summary>One problem as posted to one group: its number in the group, when it closes, what has been released.</summary>
public sealed record DailyProblem(
    long Id,
    long GroupId,
    int Number,
    string ProblemId,
    string OccurrenceKey,
    DateTimeOffset PostedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? RevealedAt,
    PostedMessage? Message)
{
    public bool IsOpen(DateTimeOffset now) => RevealedAt is null && now < Deadline;
}

/// <summary>A member's answer, once judged. Invalid input is never stored as an attempt.</summary>
public sealed record Attempt(
    long DailyProblemId,
    long MemberId,
    int Number,
    string Answer,
    Outcome Outcome,
    double Score,
    bool Late,
    ChatPlatform Platform,
    DateTimeOffset At)
{
    /// <summary>The member's local day when they answered, in <see cref="TimeZoneId"/> (their zone, else the group's).</summary>
    public DateOnly? LocalDay { get; init; }

    public string? TimeZoneId { get; init; }
}

/// <summary>Counts for a reveal: no names, only how many tried and solved.</summary>
public sealed record AttemptSummary(int Tried, int Solved, int SolvedFirstTry, int SolvedLate);

/// <summary>A posted problem with its attempt counts (no names), for solve-rate charts and digests.</summary>
public sealed record ProblemSummary(long DailyProblemId, int Number, string ProblemId, DateTimeOffset PostedAt, AttemptSummary Attempts);

/// <summary>Storage port for posted problems and attempts.</summary>
public interface IDailyProblemStore
{
    /// <summary>
    /// The group's problem for an occurrence, creating it with <paramref name="choose"/> the first time.
    /// Retries after a crash get the same row (and so the same problem).
    /// </summary>
    Task<DailyProblem> GetOrCreateAsync(long groupId, string occurrenceKey, Func<IReadOnlySet<string>, string?> choose, DateTimeOffset postedAt, DateTimeOffset deadline, CancellationToken cancellationToken);

    Task<DailyProblem?> FindAsync(long id, CancellationToken cancellationToken);

    Task<DailyProblem?> FindByNumberAsync(long groupId, int number, CancellationToken cancellationToken);

    /// <summary>The group's most recently posted problem.</summary>
    Task<DailyProblem?> LatestAsync(long groupId, CancellationToken cancellationToken);

    Task SetMessageAsync(long id, PostedMessage message, CancellationToken cancellationToken);

    /// <summary>Marks the problem revealed; false when it already was (the reveal must be posted once).</summary>
    Task<bool> TryMarkRevealedAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores an attempt, numbering it within the member's attempts at this problem.</summary>
    Task<Attempt> AddAttemptAsync(Attempt attempt, CancellationToken cancellationToken);

    Task<IReadOnlyList<Attempt>> AttemptsAsync(long dailyProblemId, long memberId, CancellationToken cancellationToken);

    Task<AttemptSummary> SummarizeAsync(long dailyProblemId, CancellationToken cancellationToken);

    /// <summary>The group's problems posted since <paramref name="since"/> (or ever), oldest first, with their counts (two queries, however many problems).</summary>
    Task<IReadOnlyList<ProblemSummary>> SummariesAsync(long groupId, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>The member's correct answers in the group, with the local day fixed when they answered.</summary>
    Task<IReadOnlyList<Participation.StreakSolve>> SolvesAsync(long groupId, long memberId, CancellationToken cancellationToken);

    /// <summary>Every member's on-time solve days (local days fixed when they answered), for everyone's streak at once.</summary>
    Task<IReadOnlyDictionary<long, IReadOnlySet<DateOnly>>> SolveDaysAsync(long groupId, CancellationToken cancellationToken);

    /// <summary>Per member who answered since <paramref name="since"/> (or ever): solves, first-try solves, late solves.</summary>
    Task<IReadOnlyList<Participation.SolveTotals>> SolveTotalsAsync(long groupId, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>When each of the group's problems was open: from its post to its reveal (or deadline).</summary>
    Task<IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)>> OpenWindowsAsync(long groupId, CancellationToken cancellationToken);
}
