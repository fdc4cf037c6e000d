using System.Globalization;

namespace MathForML.Core.Scheduling;

/// <summary>Dates as organizers type them: 2026-12-01, today, tomorrow, or a weekday (its next occurrence).</summary>
public static class LocalDates
{
    public const string BadDateFormat = "`{0}` is not a date; use YYYY-MM-DD (e.g. {1}), `today`, `tomorrow` or a weekday like `tuesday`.";

    public static DateOnly? Parse(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = text.Trim().ToLowerInvariant();
        if (word == "today")
        {
            return today;
        }

        if (word == "tomorrow")
        {
            return today.AddDays(1);
        }

        if (DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            if (word == name || (word.Length >= 3 && name.StartsWith(word, StringComparison.Ordinal)))
            {
                var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
                return today.AddDays(ahead == 0 ? 7 : ahead);
            }
        }

        return null;
    }

    public static string BadDate(string text, DateOnly today) =>
        string.Format(CultureInfo.InvariantCulture, BadDateFormat, text.Trim(), today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
