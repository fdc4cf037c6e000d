using System.Security.Cryptography;
using System.Text;
using MathForML.Core.Reading;

namespace MathForML.Core.Problems;

/// <summary>
/// Picks a group's next problem: never one the group has had until every problem has been used, and
/// among the unused, those that fit what the group is reading now (the same sections first, then the
/// same topics). Ties are broken by a hash of group and occurrence, so a retry picks the same problem.
/// </summary>
public static class ProblemSelector
{
    public static Problem? Choose(IReadOnlyList<Problem> bank, IReadOnlySet<string> used, IReadOnlyList<(Book Book, BookSection Section)> reading, long groupId, string occurrenceKey)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(used);
        ArgumentNullException.ThrowIfNull(reading);
        if (bank.Count == 0)
        {
            return null;
        }

        var unused = bank.Where(p => !used.Contains(p.Id)).ToList();
        var pool = unused.Count > 0 ? unused : [.. bank];
        var sections = reading.Select(r => new SectionRef(r.Book.Id, r.Section.Number)).ToHashSet();
        var topics = reading.SelectMany(r => r.Section.Topics).ToHashSet(StringComparer.Ordinal);
        var best = pool.GroupBy(p => Fit(p, sections, topics)).OrderByDescending(g => g.Key).First();
        return best.OrderBy(p => Tiebreak(groupId, occurrenceKey, p.Id)).First();
    }

    /// <summary>2: fits a section being read; 1: shares a topic with it; 0: neither.</summary>
    private static int Fit(Problem problem, HashSet<SectionRef> sections, HashSet<string> topics) =>
        problem.Sections.Any(sections.Contains) ? 2 : problem.Topics.Any(topics.Contains) ? 1 : 0;

    private static ulong Tiebreak(long groupId, string occurrenceKey, string problemId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{groupId}\n{occurrenceKey}\n{problemId}"), hash);
        return BitConverter.ToUInt64(hash);
    }
}
