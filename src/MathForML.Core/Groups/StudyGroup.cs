using MathForML.Core.Chat;

namespace MathForML.Core.Groups;

/// <summary>A study group: one channel on one platform, with its time zone and settings.</summary>
public sealed record StudyGroup(long Id, ConversationRef Home, string Name, string TimeZoneId, GroupSettings Settings, DateTimeOffset CreatedAt);

/// <summary>What an organizer tunes per group. Defaults are what a new group gets.</summary>
public sealed record GroupSettings
{
    /// <summary>Local time (in the group's zone) at which the daily problem is posted.</summary>
    public TimeOnly DailyProblemAt { get; init; } = new(9, 0);

    /// <summary>How long members have to answer before the solution is revealed.</summary>
    public int AnswerWindowHours { get; init; } = 24;

    /// <summary>A day also counts for streaks when a member marks a reading done that day (not only a solve).</summary>
    public bool ReadingCountsForStreaks { get; init; }
}

/// <summary>The data needed to start a group.</summary>
public sealed record NewStudyGroup(ConversationRef Home, string Name, string TimeZoneId, GroupSettings Settings, DateTimeOffset CreatedAt);

/// <summary>Storage port for groups.</summary>
public interface IStudyGroupStore
{
    /// <summary>The group whose home is this conversation (threads are ignored).</summary>
    Task<StudyGroup?> FindByHomeAsync(ConversationRef home, CancellationToken cancellationToken);

    Task<StudyGroup?> FindByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>Creates the group; null when its home conversation already has one (a race with another organizer).</summary>
    Task<StudyGroup?> TryCreateAsync(NewStudyGroup group, CancellationToken cancellationToken);

    Task UpdateAsync(StudyGroup group, CancellationToken cancellationToken);
}

/// <summary>Told when a group's settings (e.g. its time zone) change, to re-plan what it schedules.</summary>
public interface IGroupChangeListener
{
    Task GroupChangedAsync(StudyGroup group, DateTimeOffset now, CancellationToken cancellationToken);
}
