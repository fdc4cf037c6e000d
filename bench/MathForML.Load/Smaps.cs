using System.Globalization;

namespace MathForML.Load;

/// <summary>
/// Where a child's resident memory is, from /proc/PID/smaps: the GC's reservation (estimated as the largest run of
/// adjacent anonymous mappings, which is how regions reserve their range), other anonymous memory split into
/// executable (JIT code, stubs) and data (native heaps, thread stacks), the W^X double-mapped code, and files.
/// </summary>
internal static class Smaps
{
    private sealed record Mapping(ulong Start, ulong End, string Perms, string Name, long RssKb, long AnonKb);

    public static string? Breakdown(int pid, int topFiles = 12)
    {
        var maps = Read(pid);
        if (maps is null)
        {
            return null;
        }

        var anonymous = maps.Where(m => m.Name.Length == 0).ToList();
        var gc = LargestRun(anonymous);
        var gcRss = gc.Sum(m => m.RssKb);
        var rest = anonymous.Except(gc).ToList();
        var lines = new List<(string What, long Kb)>
        {
            ("GC reservation (est.)", gcRss),
            ("anon executable (JIT code, stubs)", rest.Where(m => m.Perms.Contains('x', StringComparison.Ordinal)).Sum(m => m.RssKb)),
            ("anon data (native heaps, stacks, loader)", rest.Where(m => !m.Perms.Contains('x', StringComparison.Ordinal)).Sum(m => m.RssKb)),
            ("[heap] (malloc)", maps.Where(m => m.Name == "[heap]").Sum(m => m.RssKb)),
            ("[stack]", maps.Where(m => m.Name.StartsWith("[stack", StringComparison.Ordinal)).Sum(m => m.RssKb)),
            ("doublemapper (JIT code, W^X)", maps.Where(m => m.Name.Contains("doublemapper", StringComparison.Ordinal)).Sum(m => m.RssKb)),
            (".dll files (of which private " + Mb(maps.Where(IsDll).Sum(m => m.AnonKb)) + ")", maps.Where(IsDll).Sum(m => m.RssKb)),
            (".so files", maps.Where(m => m.Name.EndsWith(".so", StringComparison.Ordinal) || m.Name.Contains(".so.", StringComparison.Ordinal)).Sum(m => m.RssKb)),
        };
        var known = lines.Skip(3).Sum(l => l.Kb) + anonymous.Sum(m => m.RssKb);
        lines.Add(("other", maps.Sum(m => m.RssKb) - known));
        var dlls = maps.Where(IsDll).GroupBy(m => Path.GetFileName(m.Name)).Select(g => (Name: g.Key, Kb: g.Sum(m => m.RssKb))).OrderByDescending(f => f.Kb).ToList();
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  RSS {Mb(maps.Sum(m => m.RssKb))}:");
        foreach (var (what, kb) in lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {what,-48} {Mb(kb),9}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"    {dlls.Count} assemblies mapped ({dlls.Count(d => d.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))} Microsoft.AspNetCore.*, {dlls.Count(d => d.Name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))} EF Core); largest:");
        text.Append("      ").AppendJoin(", ", dlls.Take(topFiles).Select(d => $"{d.Name} {Mb(d.Kb)}"));
        return text.ToString();
    }

    private static bool IsDll(Mapping m) => m.Name.EndsWith(".dll", StringComparison.Ordinal);

    private static List<Mapping> LargestRun(List<Mapping> anonymous)
    {
        List<Mapping> best = [], current = [];
        foreach (var m in anonymous.OrderBy(m => m.Start))
        {
            if (current.Count > 0 && current[^1].End != m.Start)
            {
                current = [];
            }

            current.Add(m);
            if (Size(current) > Size(best))
            {
                best = [.. current];
            }
        }

        return best;

        static ulong Size(List<Mapping> run) => run.Count == 0 ? 0 : run[^1].End - run[0].Start;
    }

    private static List<Mapping>? Read(int pid)
    {
        try
        {
            var maps = new List<Mapping>();
            (ulong Start, ulong End, string Perms, string Name)? header = null;
            long rss = 0, anon = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
            {
                if (IsHeader(line))
                {
                    if (header is { } h)
                    {
                        maps.Add(new Mapping(h.Start, h.End, h.Perms, h.Name, rss, anon));
                    }

                    var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                    var range = parts[0].Split('-');
                    header = (ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                        parts[1], parts.Length > 5 ? parts[5].Trim() : "");
                    rss = anon = 0;
                }
                else if (line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    rss = Kb(line);
                }
                else if (line.StartsWith("Anonymous:", StringComparison.Ordinal))
                {
                    anon = Kb(line);
                }
            }

            if (header is { } last)
            {
                maps.Add(new Mapping(last.Start, last.End, last.Perms, last.Name, rss, anon));
            }

            return maps;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "7f12a000-7f12b000 rw-p 00000000 00:00 0   [name]": a range, then permissions.
    private static bool IsHeader(string line)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return dash > 0 && space > dash && !line.AsSpan(0, dash).ContainsAnyExcept(Hex);
    }

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>Anonymous kB from smaps_rollup (the rest of RSS is file-backed), or null.</summary>
    public static long? AnonymousKb(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/smaps_rollup").Where(l => l.StartsWith("Anonymous:", StringComparison.Ordinal)).Select(Kb).FirstOrDefault();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(':', 2)[1].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

    private static string Mb(long kb) => (kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
