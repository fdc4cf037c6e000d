using System.Globalization;

namespace MathForML.CommandBench;

/// <summary>After the run: per case, the SQL statements the probe saw (per command) and a sample reply.</summary>
internal static class CommandReport
{
    /// <summary>The machine's load when the run started (the bench is in-process, so this is read at start-up).</summary>
    public static string LoadAtStart { get; } = Load();

    /// <summary>/proc/loadavg's three averages ("?" where there is none).</summary>
    public static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    public static void Write(TextWriter output, Type benchmarks, string platform)
    {
        output.WriteLine();
        output.WriteLine($"load average (1, 5, 15 min): {LoadAtStart} at start, {Load()} at the end; {Environment.ProcessorCount} logical cores");
        output.WriteLine($"## {platform}: database statements per command (probe of {CommandBenchmarkBase.ProbeCommands} commands after the warm-up)");
        foreach (var note in CommandStats.Notes.Distinct(StringComparer.Ordinal))
        {
            output.WriteLine("- " + note);
        }

        foreach (var (command, figures) in CommandStats.All(benchmarks))
        {
            output.WriteLine();
            var cpu = figures.CpuUsPerOp is { } us ? CommandBenchConfig.Ms(us) : "not measured";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### {command}: CPU/op {cpu} over {figures.Iterations} iterations (JIT inside: {CommandBenchConfig.Ms(figures.JitUsPerOp)}/op) after {figures.WarmupOps} warm-up commands; API calls/op {figures.ApiCallsPerOp:F2}"));
            if (figures.Db is { } db)
            {
                double Per(int n) => n / (double)figures.ProbeOps;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"commands {Per(db.Commands):0.##}, writes {Per(db.Writes):0.##}, connection opens {Per(db.ConnectionOpens):0.##} (+1 PRAGMA busy_timeout each), transactions {Per(db.Transactions):0.##}, in-command time {db.CommandMs / figures.ProbeOps:F3} ms"));
                foreach (var (sql, count) in db.Statements.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count / (double)figures.ProbeOps,5:0.##} × {sql}"));
                }
            }

            if (figures.SampleReply is { } reply)
            {
                output.WriteLine("reply: " + DbCounter.Shorten(reply));
            }
        }
    }
}
