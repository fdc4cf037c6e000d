using System.Collections.Concurrent;

namespace MathForML.CommandBench;

/// <summary>The commands measured, one benchmark each, on both platforms.</summary>
public enum CommandCase
{
    /// <summary>The loopback server and a minimal fixed-reply client written here: no MathForML code at all.</summary>
    Baseline,
    Help,
    MalformedAnswer,
    WrongAnswer,
    RightAnswer,
    NoProblemAnswer,
}

/// <summary>One benchmark's figures beside BenchmarkDotNet's own: process CPU per command and the database's work.</summary>
internal sealed class CaseFigures
{
    private readonly List<(double CpuUs, double WallUs, double JitUs, long Ops)> _iterations = [];

    public DbCounts? Db { get; set; }

    public int ProbeOps { get; set; }

    /// <summary>Loopback API calls (Discord REST requests, Slack Web API and response_url posts) per command.</summary>
    public double ApiCallsPerOp { get; set; }

    public string? SampleReply { get; set; }

    /// <summary>Commands run to warm up before the probe (until the JIT had been quiet for a while).</summary>
    public int WarmupOps { get; set; }

    public void AddIteration(double cpuUs, double wallUs, double jitUs, long ops)
    {
        lock (_iterations)
        {
            _iterations.Add((cpuUs, wallUs, jitUs, ops));
        }
    }

    /// <summary>Median over the full iterations of (process CPU from the first command's start to the last one's end) / commands.</summary>
    public double? CpuUsPerOp => Median(i => i.CpuUs / i.Ops);

    public double? WallUsPerOp => Median(i => i.WallUs / i.Ops);

    /// <summary>JIT compilation time (any thread) inside the CPU window, per command: CPU that is warm-up, not the command.</summary>
    public double? JitUsPerOp => Median(i => i.JitUs / i.Ops);

    /// <summary>Smallest and largest per-iteration CPU/op (the spread BenchmarkDotNet's error column shows for time).</summary>
    public (double Min, double Max)? CpuRange
    {
        get
        {
            var full = Full();
            return full.Count == 0 ? null : (full.Min(i => i.CpuUs / i.Ops), full.Max(i => i.CpuUs / i.Ops));
        }
    }

    public int Iterations => Full().Count;

    private List<(double CpuUs, double WallUs, double JitUs, long Ops)> Full()
    {
        lock (_iterations)
        {
            // The jitting iteration runs a single command; every other workload iteration runs the full invocation count.
            var most = _iterations.Count == 0 ? 0 : _iterations.Max(i => i.Ops);
            return [.. _iterations.Where(i => i.Ops == most && most > 1)];
        }
    }

    private double? Median(Func<(double CpuUs, double WallUs, double JitUs, long Ops), double> value)
    {
        var sorted = Full().Select(value).Order().ToArray();
        return sorted.Length == 0 ? null : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>Figures by benchmark class and case, shared with the columns (the in-process toolchain runs everything in this process).</summary>
internal static class CommandStats
{
    private static readonly ConcurrentDictionary<(Type, CommandCase), CaseFigures> Figures = new();

    public static CaseFigures For(Type benchmarks, CommandCase command) => Figures.GetOrAdd((benchmarks, command), _ => new CaseFigures());

    public static CaseFigures? Find(Type benchmarks, CommandCase command) => Figures.GetValueOrDefault((benchmarks, command));

    /// <summary>Free-form lines for the report (the problem used, members created during the measurement).</summary>
    public static ConcurrentQueue<string> Notes { get; } = new();

    public static IEnumerable<(CommandCase Case, CaseFigures Figures)> All(Type benchmarks) =>
        Figures.Where(f => f.Key.Item1 == benchmarks).OrderBy(f => f.Key.Item2).Select(f => (f.Key.Item2, f.Value));
}
