using System.Globalization;

namespace MathForML.Core.Reading;

/// <summary>What a plan change did to the sessions still ahead, in words members can read.</summary>
public static class ReadingPlanChanges
{
    public const string NoChange = "No upcoming session changed.";
    public const string MovedFormat = "Session {0} ({1}) moves from {2} to {3}.";
    public const string ContentFormat = "Session {0} on {1} now covers {2} (was {3}).";
    public const string AddedFormat = "New session {0} on {1}: {2}.";
    public const string RemovedFormat = "Session {0} on {1} ({2}) is no longer planned.";

    /// <summary>Lists, for sessions on or after <paramref name="from"/>, what moved, changed, appeared or vanished.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<ReadingSession> before, IReadOnlyList<ReadingSession> after, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<string>();
        var count = int.Max(before.Count, after.Count);
        for (var i = 0; i < count; i++)
        {
            var old = i < before.Count ? before[i] : null;
            var now = i < after.Count ? after[i] : null;
            if ((old?.Date ?? DateOnly.MaxValue) < from && (now?.Date ?? DateOnly.MaxValue) < from)
            {
                continue;
            }

            if (old is null)
            {
                lines.Add(Format(AddedFormat, now!.Number, Day(now.Date), now.SectionRange));
            }
            else if (now is null)
            {
                lines.Add(Format(RemovedFormat, old.Number, Day(old.Date), old.SectionRange));
            }
            else if (old.SectionRange != now.SectionRange)
            {
                lines.Add(Format(ContentFormat, now.Number, Day(now.Date), now.SectionRange, old.SectionRange));
            }
            else if (old.StartsAt != now.StartsAt)
            {
                lines.Add(Format(MovedFormat, now.Number, now.SectionRange, Day(old.Date), Day(now.Date)));
            }
        }

        return lines.Count == 0 ? [NoChange] : lines;
    }

    private static string Day(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
