using System.Globalization;

namespace MathForML.Core.Groups;

/// <summary>User-facing texts about study groups.</summary>
public static class GroupMessages
{
    public const string AlreadySetUpFormat = "This channel already has a study group, **{0}**. Use `/group timezone <time-zone>` to change its time zone.";
    public const string CreatedFormat = "Study group **{0}** is set up in this channel, in time zone {1}. Daily problems will be posted at {2} local time. Type `/help` to see the commands.";
    public const string ShowFormat = "**{0}**\nTime zone: {1} (now {2} there, UTC{3})\nDaily problem: {4} local time; answers open for {5} hours\nStreak days: {7}\nSet up on {6}";
    public const string StreakBySolving = "solving a daily problem";
    public const string StreakBySolvingOrReading = "solving a daily problem or marking a reading done";
    public const string StreakRuleFormat = "Streak days in **{0}** now count by {1}. Days already counted stay as they are.";
    public const string StreakRuleUnchangedFormat = "Streak days in **{0}** already count by {1}.";
    public const string TimeZoneChangedFormat = "Time zone of **{0}** changed from {1} to {2}. Scheduled times now follow {2}.";
    public const string TimeZoneUnchangedFormat = "**{0}** already uses time zone {1}.";
    public const string NameTooLongFormat = "A group name can be at most {0} characters.";
    public const string DefaultName = "Study group";

    public const int MaxNameLength = 80;

    public static string AlreadySetUp(StudyGroup group) => Format(AlreadySetUpFormat, group.Name);

    public static string Created(StudyGroup group) =>
        Format(CreatedFormat, group.Name, group.TimeZoneId, group.Settings.DailyProblemAt.ToString("HH:mm", CultureInfo.InvariantCulture));

    public static string Show(StudyGroup group, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return Format(
            ShowFormat,
            group.Name,
            group.TimeZoneId,
            local.ToString("ddd HH:mm", CultureInfo.InvariantCulture),
            sign + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
            group.Settings.DailyProblemAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            group.Settings.AnswerWindowHours,
            group.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StreakRule(group.Settings));
    }

    public static string StreakRule(GroupSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ReadingCountsForStreaks ? StreakBySolvingOrReading : StreakBySolving;
    }

    public static string TimeZoneChanged(StudyGroup group, string from) => Format(TimeZoneChangedFormat, group.Name, from, group.TimeZoneId);

    public static string TimeZoneUnchanged(StudyGroup group) => Format(TimeZoneUnchangedFormat, group.Name, group.TimeZoneId);

    public static string NameTooLong() => Format(NameTooLongFormat, MaxNameLength);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
