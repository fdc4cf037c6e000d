using System.Globalization;
using System.Text.RegularExpressions;

namespace MathForML.Core.Chat;

/// <summary>How a time token is shown.</summary>
public enum ChatTimeStyle
{
    /// <summary>"Tue 24 Nov 2026 18:30".</summary>
    DateTime,

    /// <summary>"in 2 days" where the platform can; otherwise the date and time.</summary>
    Relative,
}

/// <summary>
/// Times in messages are written as neutral tokens (<c>&lt;t:UNIX:f&gt;</c>, Discord's own syntax) so
/// each adapter shows them in the reader's local time: Discord natively, Slack as a date token, the
/// terminal in the group's zone.
/// </summary>
public static partial class ChatTime
{
    public static string Token(DateTimeOffset instant, ChatTimeStyle style = ChatTimeStyle.DateTime) =>
        string.Create(CultureInfo.InvariantCulture, $"<t:{instant.ToUnixTimeSeconds()}:{(style == ChatTimeStyle.Relative ? 'R' : 'f')}>");

    /// <summary>Replaces every token using <paramref name="render"/>.</summary>
    public static string Replace(string text, Func<DateTimeOffset, ChatTimeStyle, string> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        return TokenPattern().Replace(text, m => render(
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)),
            m.Groups[2].Value == "R" ? ChatTimeStyle.Relative : ChatTimeStyle.DateTime));
    }

    /// <summary>
    /// Plain text in one zone, for places without local-time rendering: dates in the zone, relative
    /// tokens as "in 3 days" / "2 hours ago" counted from <paramref name="now"/>.
    /// </summary>
    public static string InZone(string text, TimeZoneInfo zone, DateTimeOffset now) =>
        Replace(text, (instant, style) => style == ChatTimeStyle.Relative
            ? Relative(instant - now)
            : TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id);

    /// <summary>The largest whole unit, rounded down, as Discord's relative timestamps read.</summary>
    internal static string Relative(TimeSpan delta)
    {
        var size = delta.Duration();
        var (count, unit) = size.TotalMinutes < 1 ? (0, "")
            : size.TotalHours < 1 ? ((int)size.TotalMinutes, "minute")
            : size.TotalDays < 2 ? ((int)size.TotalHours, "hour")
            : ((int)size.TotalDays, "day");
        if (count == 0)
        {
            return "now";
        }

        var amount = count == 1 ? $"1 {unit}" : string.Create(CultureInfo.InvariantCulture, $"{count} {unit}s");
        return delta > TimeSpan.Zero ? "in " + amount : amount + " ago";
    }

    [GeneratedRegex(@"<t:(-?\d{1,12}):([fR])>")]
    private static partial Regex TokenPattern();
}
