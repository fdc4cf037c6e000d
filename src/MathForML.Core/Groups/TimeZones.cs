using System.Globalization;
using MathForML.Core.Text;

namespace MathForML.Core.Groups;

/// <summary>Resolves the IANA time zone names organizers and members type.</summary>
public static class TimeZones
{
    public const string UnknownZoneFormat =
        "`{0}` is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata.";

    public const string DidYouMeanFormat = " Did you mean `{0}`?";

    /// <summary>Finds a zone by IANA id (case-insensitive); null when there is none.</summary>
    public static TimeZoneInfo? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim();
        if (trimmed.Length is 0 or > 64)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone))
        {
            return zone;
        }

        var match = Known.FirstOrDefault(z => string.Equals(z, trimmed, StringComparison.OrdinalIgnoreCase));
        return match is not null && TimeZoneInfo.TryFindSystemTimeZoneById(match, out zone) ? zone : null;
    }

    public static string UnknownZoneMessage(string id)
    {
        var text = string.Format(CultureInfo.InvariantCulture, UnknownZoneFormat, id.Trim());
        var suggestion = Suggest(id.Trim());
        return suggestion is null ? text : text + string.Format(CultureInfo.InvariantCulture, DidYouMeanFormat, suggestion);
    }

    private static IReadOnlyList<string> Known { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(z => z.Contains('/', StringComparison.Ordinal) || z == "UTC")];

    /// <summary>A zone whose city part matches what was typed, for typos like "Berln" or "new york".</summary>
    private static string? Suggest(string typed)
    {
        if (typed.Length is 0 or > 64)
        {
            return null;
        }

        var normalized = typed.Replace(' ', '_').ToUpperInvariant();
        return Known
            .Select(z => (Zone: z, City: z[(z.LastIndexOf('/') + 1)..].ToUpperInvariant()))
            .Select(z => (z.Zone, Score: normalized.EndsWith(z.City, StringComparison.Ordinal) ? 0 : EditDistance.Between(normalized[(normalized.LastIndexOf('/') + 1)..], z.City)))
            .Where(z => z.Score <= 2)
            .OrderBy(z => z.Score)
            .ThenBy(z => z.Zone, StringComparer.Ordinal)
            .Select(z => z.Zone)
            .FirstOrDefault();
    }
}
