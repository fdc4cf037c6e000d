using MathForML.Core.Chat;

namespace MathForML.Core.Members;

/// <summary>A person known to the bot on one platform.</summary>
public sealed record Member(long Id, ChatPlatform Platform, string PlatformUserId, string DisplayName, string? TimeZoneId, DateTimeOffset CreatedAt)
{
    /// <summary>The member asked not to appear by name on leaderboards (they still count in totals).</summary>
    public bool HiddenFromLeaderboards { get; init; }
}

/// <summary>Storage port for members.</summary>
public interface IMemberStore
{
    /// <summary>The member behind this platform identity, created on first sight; the display name is kept current.</summary>
    Task<Member> EnsureAsync(MemberRef member, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, clears) the member's own time zone.</summary>
    Task SetTimeZoneAsync(long memberId, string? timeZoneId, CancellationToken cancellationToken);

    Task SetHiddenFromLeaderboardsAsync(long memberId, bool hidden, CancellationToken cancellationToken);

    /// <summary>The own time zones of those of <paramref name="memberIds"/> who set one (others are left out).</summary>
    Task<IReadOnlyDictionary<long, string>> OwnTimeZonesAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken);
}
