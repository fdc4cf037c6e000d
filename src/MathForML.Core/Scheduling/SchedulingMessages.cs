using System.Globalization;

namespace MathForML.Core.Scheduling;

/// <summary>User-facing texts about schedules and cadences.</summary>
public static class SchedulingMessages
{
    public const string CadenceExample = "e.g. `every Tuesday and Friday at 18:30`, `weekly on Monday at 7pm` or `daily at 09:00`";
    public const string CadenceTooLongFormat = "A cadence is at most {0} characters, " + CadenceExample + ".";
    public const string NotADayFormat = "`{0}` (at position {1}) is not a day of the week; use Monday to Sunday or Mon to Sun.";
    public const string NotUnderstoodFormat = "I don't understand `{0}` (at position {1}) in a cadence; write it like " + CadenceExample + ".";
    public const string NoDaysText = "Which days? Name them, " + CadenceExample + ".";
    public const string NoTimeText = "At what time? Add it with `at`, " + CadenceExample + ".";
    public const string TwoTimesText = "A cadence has one time of day; for two sessions a day, set up two plans.";
    public const string BadTimeFormat = "`{0}` is not a time of day; use 24-hour `18:30` or `6:30pm`.";
    public const string IntervalFormat = "Every {0} weeks is out of range; use 1 to {1} weeks.";

    public static string CadenceTooLong() => Format(CadenceTooLongFormat, CadenceParser.MaxLength);

    public static string NotADay(string word, int position) => Format(NotADayFormat, word, position);

    public static string NotUnderstood(string word, int position) => Format(NotUnderstoodFormat, word, position);

    public static string NoDays() => NoDaysText;

    public static string NoTime() => NoTimeText;

    public static string TwoTimes() => TwoTimesText;

    public static string BadTime(string word) => Format(BadTimeFormat, word);

    public static string IntervalOutOfRange(int weeks) => Format(IntervalFormat, weeks, CadenceParser.MaxIntervalWeeks);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
