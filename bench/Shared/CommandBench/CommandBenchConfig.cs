using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MathForML.CommandBench;

/// <summary>
/// In process (the columns read figures the benchmarks record in this process), BenchmarkDotNet's short job (3 warm-up
/// and 3 measured iterations; MFML_BENCH_ITERATIONS changes the measured ones) with a fixed number of commands per
/// iteration (MFML_BENCH_INVOCATIONS, default 100), allocations, and the CPU and database columns.
/// </summary>
public sealed class CommandBenchConfig : ManualConfig
{
    public CommandBenchConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithInvocationCount(Invocations).WithIterationCount(Iterations).WithUnrollFactor(1).WithId("short-inprocess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(
            new FigureColumn("CPU/op", "Process CPU per command (all threads: bot and loopback server), median of iterations", f => Ms(f.CpuUsPerOp)),
            new FigureColumn("CPU min-max", "Smallest and largest per-iteration CPU per command", f => f.CpuRange is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r.Min / 1000:F3}-{r.Max / 1000:F3}") : "?"),
            new BotCpuColumn(),
            new FigureColumn("JIT/op", "JIT compile time (any thread) inside the CPU window per command; should be ~0 after the warm-up", f => Ms(f.JitUsPerOp)),
            new FigureColumn("DB cmds/op", "EF Core commands per command (from the probe with the counter on)", f => PerOp(f, d => d.Commands)),
            new FigureColumn("DB writes/op", "INSERT/UPDATE/DELETE commands per command", f => PerOp(f, d => d.Writes)),
            new FigureColumn("Conn opens/op", "Connection opens per command (each also runs PRAGMA busy_timeout)", f => PerOp(f, d => d.ConnectionOpens)),
            new FigureColumn("Tx/op", "Committed explicit transactions per command", f => PerOp(f, d => d.Transactions)),
            new FigureColumn("DB ms/op", "Time EF Core reports inside commands per command (wall)", f => f.Db is { } d ? (d.CommandMs / f.ProbeOps).ToString("F3", CultureInfo.InvariantCulture) : "?"),
            new FigureColumn("API calls/op", "Requests the loopback server received per command", f => f.ApiCallsPerOp.ToString("F2", CultureInfo.InvariantCulture)));
    }

    /// <summary>Commands per iteration.</summary>
    public static int Invocations { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MFML_BENCH_INVOCATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;

    /// <summary>Measured iterations per benchmark.</summary>
    public static int Iterations { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MFML_BENCH_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3;

    internal static string Ms(double? microseconds) => microseconds is { } us ? (us / 1000).ToString("F3", CultureInfo.InvariantCulture) + " ms" : "?";

    private static string PerOp(CaseFigures figures, Func<DbCounts, int> count) =>
        figures.Db is { } db ? (count(db) / (double)figures.ProbeOps).ToString("0.##", CultureInfo.InvariantCulture) : "?";

    internal static CaseFigures? Figures(BenchmarkCase benchmark) =>
        Enum.TryParse<CommandCase>(benchmark.Descriptor.WorkloadMethod.Name, out var command) ? CommandStats.Find(benchmark.Descriptor.Type, command) : null;
}

/// <summary>A column from the figures the benchmarks recorded.</summary>
internal class FigureColumn(string name, string legend, Func<CaseFigures, string> value) : IColumn
{
    public string Id => "mfml-" + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public virtual string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        CommandBenchConfig.Figures(benchmarkCase) is { } figures ? value(figures) : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>CPU/op minus the same class's Baseline CPU/op: the bot's CPU above the loopback server and a minimal client.</summary>
internal sealed class BotCpuColumn() : FigureColumn("Bot CPU/op", "CPU/op minus Baseline's CPU/op (loopback server + minimal fixed-reply client)", _ => "?")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var figures = CommandBenchConfig.Figures(benchmarkCase);
        var baseline = CommandStats.Find(benchmarkCase.Descriptor.Type, CommandCase.Baseline);
        return figures?.CpuUsPerOp is { } cpu && baseline?.CpuUsPerOp is { } floor ? CommandBenchConfig.Ms(cpu - floor) : "?";
    }
}
