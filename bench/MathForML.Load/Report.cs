using System.Globalization;
using System.Text;

namespace MathForML.Load;

/// <summary>The tables the harness prints (plain text, fixed columns, easy to paste into notes).</summary>
internal static class Report
{
    private static readonly string[] Header =
        ["platform", "bot", "burst", "mix", "n", "ack<=3s", "late", "no-ack", "replied", "lost", "ack p50", "ack p99", "ack max",
         "reply p50", "reply p99", "reply max", "CPU s", "peak MB", "RSS MB", "thr"];

    public static string Bursts(IReadOnlyList<BurstResult> results)
    {
        var rows = results.Select(r => Row(r, r.Number.ToString(CultureInfo.InvariantCulture))).ToList();
        foreach (var group in results.GroupBy(r => (r.Platform, r.Bot, r.Mix)).Where(g => g.Count() > 1))
        {
            var all = group.SelectMany(r => r.Probes).ToList();
            var total = new BurstResult(group.Key.Platform, group.Key.Bot, 0, group.Key.Mix, all, TimeSpan.Zero,
                group.Sum(r => r.CpuSeconds ?? 0), group.Max(r => r.PeakRssMb), group.Last().RssAfterMb, group.Max(r => r.ThreadsAfter));
            rows.Add(Row(total, "all"));
        }

        return Table(Header, rows);
    }

    /// <summary>Per command kind: the mix's parts behave very differently (a render, a judged write, a parse error).</summary>
    public static string Kinds(IReadOnlyList<BurstResult> results)
    {
        var rows = results
            .SelectMany(r => r.Probes.Select(p => (r.Platform, r.Bot, Probe: p)))
            .GroupBy(x => (x.Platform, x.Bot, x.Probe.Command.Kind))
            .Select(g =>
            {
                var probes = g.Select(x => x.Probe).ToList();
                return new[]
                {
                    g.Key.Platform, g.Key.Bot, g.Key.Kind, N(probes.Count), N(probes.Count(p => p.Deferred)),
                    N(probes.Count(p => p.AckLatency is null || p.AckLatency > BurstResult.AckLimit)), N(probes.Count(p => p.ReplyLatency is null)),
                    Ms(BurstResult.Percentile(probes.Select(p => p.AckLatency), 0.5)), Ms(BurstResult.Percentile(probes.Select(p => p.AckLatency), 0.99)),
                    Ms(BurstResult.Percentile(probes.Select(p => p.ReplyLatency), 0.5)), Ms(BurstResult.Percentile(probes.Select(p => p.ReplyLatency), 0.99)),
                    Sample(probes),
                };
            })
            .ToList();
        return Table(["platform", "bot", "command", "n", "deferred", "ack >3s/none", "lost", "ack p50", "ack p99", "reply p50", "reply p99", "a reply seen"], rows);
    }

    /// <summary>The /help comparison with the reference clients: p99 ack latency and the ratio the issue bounds (≤ 2×).</summary>
    public static string Reference(IReadOnlyList<BurstResult> ours, IReadOnlyList<BurstResult> reference)
    {
        var rows = new List<string[]>();
        foreach (var platform in ours.Select(r => r.Platform).Distinct())
        {
            var mine = ours.Where(r => r.Platform == platform).SelectMany(r => r.Probes).ToList();
            var theirs = reference.Where(r => r.Platform == platform).ToList();
            if (mine.Count == 0 || theirs.Count == 0)
            {
                continue;
            }

            var ourP99 = BurstResult.Percentile(mine.Select(p => p.AckLatency), 0.99);
            var theirP99 = BurstResult.Percentile(theirs.SelectMany(r => r.Probes).Select(p => p.AckLatency), 0.99);
            var ratio = ourP99 is { } a && theirP99 is { } b && b > TimeSpan.Zero ? (a / b).ToString("0.0", CultureInfo.InvariantCulture) + "x" : "-";
            rows.Add([platform, theirs[0].Bot, Ms(ourP99), Ms(theirP99), ratio,
                Ms(BurstResult.Percentile(mine.Select(p => p.ReplyLatency), 0.99)), Ms(BurstResult.Percentile(theirs.SelectMany(r => r.Probes).Select(p => p.ReplyLatency), 0.99)),
                (ourP99 is { } x && theirP99 is { } y && x <= 2 * y) ? "yes" : "no"]);
        }

        return Table(["platform", "reference", "mathforml ack p99", "reference ack p99", "ratio", "mathforml reply p99", "reference reply p99", "within 2x"], rows);
    }

    private static string[] Row(BurstResult r, string burst) =>
    [
        r.Platform, r.Bot, burst, r.Mix, N(r.Count), N(r.AckedInTime), N(r.AckedLate), N(r.NotAcked), N(r.Replied), N(r.Lost),
        Ms(r.Ack(0.5)), Ms(r.Ack(0.99)), Ms(r.Ack(1)), Ms(r.Reply(0.5)), Ms(r.Reply(0.99)), Ms(r.Reply(1)),
        r.CpuSeconds is { } cpu ? cpu.ToString("0.00", CultureInfo.InvariantCulture) : "-",
        r.PeakRssMb is { } peak ? peak.ToString("0", CultureInfo.InvariantCulture) : "-",
        r.RssAfterMb is { } rss ? rss.ToString("0", CultureInfo.InvariantCulture) : "-",
        r.ThreadsAfter is { } t ? N(t) : "-",
    ];

    private static string Sample(List<ProbeResult> probes)
    {
        var text = probes.Where(p => p.ReplyText is not null).GroupBy(p => Shorten(p.ReplyText!)).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        return text ?? "-";
    }

    private static string Shorten(string text)
    {
        // Slack replies are recorded as the JSON the bot sent: show their text.
        if (text.StartsWith('{'))
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(text);
                if (json.RootElement.TryGetProperty("text", out var inner) && inner.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    text = inner.GetString() ?? text;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON after all: shown as it is.
            }
        }

        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 48 ? flat : flat[..48] + "…";
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan? t) => t is { } v ? v.TotalMilliseconds.ToString(v.TotalMilliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms" : "-";

    private static string Table(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
        text.AppendLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(" | ", row.Select((c, i) => i < 4 || i == row.Length - 1 && header[i] == "a reply seen" ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))));
        }

        return text.ToString();
    }
}
