namespace MathForML.Core.Text;

/// <summary>Levenshtein distance, for "did you mean" suggestions on short names.</summary>
public static class EditDistance
{
    /// <summary>Names longer than this are never compared (the cost grows with the product of lengths).</summary>
    public const int MaxLength = 64;

    /// <summary>The candidate closest to <paramref name="typed"/> (case-insensitive) within <paramref name="maxDistance"/> edits, if any.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates, int maxDistance = 2)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var lowered = typed.ToLowerInvariant();
        return candidates
            .Select(c => (Name: c, Distance: Between(lowered, c.ToLowerInvariant())))
            .Where(c => c.Distance <= maxDistance)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    public static int Between(string a, string b)
    {
        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            return int.MaxValue;
        }

        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = int.Min(int.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
