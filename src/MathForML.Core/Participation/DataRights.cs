using MathForML.Core.Chat;

namespace MathForML.Core.Participation;

/// <summary>
/// One row of an export: an answer (with its problem, attempt number, input as typed, verdict, late flag)
/// or another recorded action (kind, subject, detail). Times are UTC.
/// </summary>
public sealed record ParticipationRecord(
    long GroupId,
    string GroupName,
    long MemberId,
    string MemberName,
    string Kind,
    string Subject,
    ChatPlatform Platform,
    DateTimeOffset At)
{
    public int? ProblemNumber { get; init; }

    public int? AttemptNumber { get; init; }

    public string? Answer { get; init; }

    public string? Verdict { get; init; }

    public bool? Late { get; init; }

    public string? Detail { get; init; }
}

/// <summary>What the bot keeps about one person: the profile and every record in every group.</summary>
public sealed record MemberDataExport(
    long MemberId,
    ChatPlatform Platform,
    string PlatformUserId,
    string DisplayName,
    string? TimeZoneId,
    bool HiddenFromLeaderboards,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    IReadOnlyList<ParticipationRecord> Records);

/// <summary>Storage port for exports and erasure.</summary>
public interface IDataRightsStore
{
    Task<MemberDataExport?> ExportMemberAsync(long memberId, CancellationToken cancellationToken);

    /// <summary>The group's records since <paramref name="since"/> (or all of them), oldest first.</summary>
    Task<IReadOnlyList<ParticipationRecord>> ExportGroupAsync(long groupId, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>
    /// Unlinks the person from everything kept: their records move to a new anonymous member (no platform
    /// identity, name or zone, and a new id, so exports made before cannot be joined to later ones), the
    /// old member is deleted, and free text they wrote (answers as typed, question excerpts) is erased.
    /// Counts stay, so past group statistics do not change. The person is a new member if they come back.
    /// Returns the anonymous member's id; null when there is no such member, it is already forgotten, or it
    /// had no records (its row is then simply deleted).
    /// </summary>
    Task<long?> ForgetMemberAsync(long memberId, DateTimeOffset at, CancellationToken cancellationToken);
}
