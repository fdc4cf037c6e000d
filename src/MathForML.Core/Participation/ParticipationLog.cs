using MathForML.Core.Chat;

namespace MathForML.Core.Participation;

/// <summary>Kinds of recorded member actions (stored as these strings).</summary>
public static class ParticipationKinds
{
    public const string ReadingDone = "reading-done";
    public const string Rsvp = "rsvp";
}

/// <summary>One recorded member action; <see cref="Subject"/> says what it was about (e.g. "session-3").</summary>
public sealed record ParticipationEvent(long GroupId, long MemberId, string Kind, string Subject, ChatPlatform Platform, DateTimeOffset OccurredAt);

/// <summary>Storage port for the participation log.</summary>
public interface IParticipationLog
{
    /// <summary>Records the action unless the member already did the same thing for the same subject; true when recorded.</summary>
    Task<bool> RecordOnceAsync(ParticipationEvent participation, CancellationToken cancellationToken);

    /// <summary>How many distinct members did this kind of thing for this subject in the group.</summary>
    Task<int> CountMembersAsync(long groupId, string kind, string subject, CancellationToken cancellationToken);

    /// <summary>Per member: how many distinct subjects of this kind they recorded since <paramref name="since"/> (or ever).</summary>
    Task<IReadOnlyDictionary<long, int>> CountByMemberAsync(long groupId, string kind, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Whether this member did this kind of thing for this subject.</summary>
    Task<bool> HasAsync(long groupId, long memberId, string kind, string subject, CancellationToken cancellationToken);
}
