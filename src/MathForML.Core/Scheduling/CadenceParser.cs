using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Core.Text;

namespace MathForML.Core.Scheduling;

/// <summary>A cadence, or what is wrong with the text and where (zero-based position).</summary>
public sealed record CadenceParseResult(Cadence? Cadence, string? Error, int Position)
{
    public bool Succeeded => Cadence is not null;
}

/// <summary>
/// Reads cadences as organizers write them: "every Tuesday and Friday at 18:30", "weekly on Monday at
/// 7pm", "daily at 09:00", "weekdays at 8:15am", "every 2 weeks on Thu at 18:00", "biweekly on Sat at 10".
/// </summary>
public static partial class CadenceParser
{
    public const int MaxLength = 200;
    public const int MaxIntervalWeeks = 8;

    private static readonly Dictionary<string, DayOfWeek> DayNames = BuildDayNames();

    public static CadenceParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return Fail(SchedulingMessages.CadenceTooLong(), MaxLength);
        }

        var words = Words().Matches(text).Select(m => (Text: m.Value.ToLowerInvariant(), m.Index)).ToList();
        var days = new HashSet<DayOfWeek>();
        TimeOnly? at = null;
        var interval = 1;
        for (var i = 0; i < words.Count; i++)
        {
            var (word, position) = words[i];
            switch (word)
            {
                case "every" or "on" or "and" or "at" or "each" or "week" or "weeks" or "weekly":
                    continue;
                case "daily" or "day" or "days" or "everyday":
                    days.UnionWith(Enum.GetValues<DayOfWeek>());
                    continue;
                case "weekdays" or "weekday":
                    days.UnionWith([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
                    continue;
                case "weekends" or "weekend":
                    days.UnionWith([DayOfWeek.Saturday, DayOfWeek.Sunday]);
                    continue;
                case "biweekly" or "fortnightly" or "other":
                    interval = 2;
                    continue;
            }

            if (DayNames.TryGetValue(word, out var day))
            {
                days.Add(day);
                continue;
            }

            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && i + 1 < words.Count && words[i + 1].Text.StartsWith("week", StringComparison.Ordinal))
            {
                if (weeks is < 1 or > MaxIntervalWeeks)
                {
                    return Fail(SchedulingMessages.IntervalOutOfRange(weeks), position);
                }

                interval = weeks;
                continue;
            }

            if (ReadTime(words, ref i) is { } time)
            {
                if (time.Error is not null)
                {
                    return Fail(time.Error, position);
                }

                if (at is not null)
                {
                    return Fail(SchedulingMessages.TwoTimes(), position);
                }

                at = time.Value;
                continue;
            }

            return Fail(LooksLikeDay(word) ? SchedulingMessages.NotADay(words[i].Text, position) : SchedulingMessages.NotUnderstood(text.Substring(position, word.Length), position), position);
        }

        if (days.Count == 0)
        {
            return Fail(SchedulingMessages.NoDays(), text.Length);
        }

        if (at is null)
        {
            return Fail(SchedulingMessages.NoTime(), text.Length);
        }

        return new CadenceParseResult(new Cadence(days, at.Value, interval), null, 0);
    }

    private static CadenceParseResult Fail(string error, int position) => new(null, error, position);

    /// <summary>"18:30", "6:30pm", "6pm", "6 pm", "18h30", "noon". Null when the word is not a time at all.</summary>
    private static (TimeOnly Value, string? Error)? ReadTime(List<(string Text, int Index)> words, ref int i)
    {
        var word = words[i].Text;
        if (word is "noon" or "midday")
        {
            return (new TimeOnly(12, 0), null);
        }

        var match = TimePattern().Match(word);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = match.Groups["ampm"].Value;
        if (suffix.Length == 0 && i + 1 < words.Count && words[i + 1].Text is "am" or "pm" or "a.m." or "p.m.")
        {
            suffix = words[++i].Text;
        }

        if (suffix.Length == 0 && !match.Groups["m"].Success && !word.Contains('h', StringComparison.Ordinal))
        {
            // A bare number is a time only after "at": "at 10". Elsewhere it is not understood.
            if (i == 0 || words[i - 1].Text != "at")
            {
                return null;
            }
        }

        if (suffix.StartsWith('a') || suffix.StartsWith('p'))
        {
            if (hour is < 1 or > 12)
            {
                return (default, SchedulingMessages.BadTime(words[i].Text));
            }

            hour = hour % 12 + (suffix.StartsWith('p') ? 12 : 0);
        }

        return hour is < 0 or > 23 || minute is < 0 or > 59
            ? (default, SchedulingMessages.BadTime(word))
            : (new TimeOnly(hour, minute), null);
    }

    private static bool LooksLikeDay(string word) =>
        word.EndsWith("day", StringComparison.Ordinal) || DayNames.Keys.Any(name => name.Length > 3 && EditDistance.Between(word, name) <= 2);

    private static Dictionary<string, DayOfWeek> BuildDayNames()
    {
        var names = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var full = day.ToString().ToLowerInvariant();
            names[full] = day;
            names[full + "s"] = day;
            names[full[..3]] = day;
        }

        names["tues"] = DayOfWeek.Tuesday;
        names["weds"] = DayOfWeek.Wednesday;
        names["thur"] = DayOfWeek.Thursday;
        names["thurs"] = DayOfWeek.Thursday;
        return names;
    }

    [GeneratedRegex(@"[^\s,&/+]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:h.](?<m>\d{2}))?(?<ampm>am|pm|a\.m\.|p\.m\.)?$")]
    private static partial Regex TimePattern();
}
