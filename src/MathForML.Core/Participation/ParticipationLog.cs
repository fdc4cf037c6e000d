using MathForML.Core.Chat;

namespace MathForML.Core.Participation;

/// <summary>Kinds of recorded member actions (stored as these strings).</summary>
public static class ParticipationKinds
{
    public const string ReadingDone = "reading-done";
    public const string Rsvp = "rsvp";
    public const string ProblemViewed = "problem-view";
    public const string Hint = "hint";

    /// <summary>The solution was looked at before the member solved the problem (or without trying).</summary>
    public const string SolutionBeforeSolving = "solution-before";

    /// <summary>The solution was looked at after the member had solved the problem.</summary>
    public const string SolutionAfterSolving = "solution-after";
    /// <summary>A question asked in a thread; its subject names the thread and message.</summary>
    public const string ThreadQuestion = "thread-question";

    /// <summary>A reply to someone else's open question; its subject is the question's.</summary>
    public const string ThreadAnswer = "thread-answer";

    /// <summary>An answer to a daily problem (kept in the attempts table; the kind names it in exports).</summary>
    public const string ProblemAnswer = "problem-answer";
}

/// <summary>One recorded member action; <see cref="Subject"/> says what it was about (e.g. "session-3").</summary>
public sealed record ParticipationEvent(long GroupId, long MemberId, string Kind, string Subject, ChatPlatform Platform, DateTimeOffset OccurredAt)
{
    /// <summary>Free text kept with the action, at most <see cref="MaxDetailLength"/> characters (a question's opening words).</summary>
    public string? Detail { get; init; }

    public const int MaxDetailLength = 200;
}

/// <summary>Storage port for the participation log.</summary>
public interface IParticipationLog
{
    /// <summary>Records the action unless the member already did the same thing for the same subject; true when recorded.</summary>
    Task<bool> RecordOnceAsync(ParticipationEvent participation, CancellationToken cancellationToken);

    /// <summary>How many distinct members did this kind of thing for this subject in the group.</summary>
    Task<int> CountMembersAsync(long groupId, string kind, string subject, CancellationToken cancellationToken);

    /// <summary>Per member: how many distinct subjects of this kind they recorded since <paramref name="since"/> (or ever).</summary>
    Task<IReadOnlyDictionary<long, int>> CountByMemberAsync(long groupId, string kind, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>The group's actions of these kinds since <paramref name="since"/> (or ever), oldest first.</summary>
    Task<IReadOnlyList<ParticipationEvent>> ListAsync(long groupId, IReadOnlyCollection<string> kinds, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Whether this member did this kind of thing for this subject.</summary>
    Task<bool> HasAsync(long groupId, long memberId, string kind, string subject, CancellationToken cancellationToken);
}
