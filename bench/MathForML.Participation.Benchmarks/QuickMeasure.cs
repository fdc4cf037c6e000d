using System.Diagnostics;
using System.Globalization;

namespace MathForML.Participation.Benchmarks;

/// <summary>
/// A short measurement for a busy shared machine, when BenchmarkDotNet's full run takes too long: each operation
/// is warmed up, then timed <c>--runs</c> times one call at a time with a stopwatch; the median and 95th
/// percentile are printed with the bytes allocated per call. With <c>--plans</c> it prints, instead, the SQL each
/// operation sends and SQLite's query plan for it (see <see cref="SqlPlans"/>).
/// </summary>
internal static class QuickMeasure
{
    private const int DefaultRuns = 30;
    private const int WarmUpRuns = 3;

    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var runs = Option(args, "--runs") ?? DefaultRuns;
        await using var database = await SeededDatabase.OpenAsync(output, args.Contains("--reseed"), CancellationToken.None);
        if (args.Contains("--plans"))
        {
            await SqlPlans.PrintAsync(database, output);
            return;
        }

        output.WriteLine();
        output.WriteLine("{0} timed calls per operation after {1} warm-up calls (ms; alloc = managed bytes allocated per call; result = rows returned, or the sum of streaks for the calc line)", runs, WarmUpRuns);
        output.WriteLine("{0,-26}{1,10}{2,10}{3,10}{4,10}{5,12}{6,8}", "operation", "median", "p95", "min", "max", "alloc KB", "result");
        foreach (var (name, run) in ParticipationBenchmarks.Operations)
        {
            var rows = 0;
            for (var i = 0; i < WarmUpRuns; i++)
            {
                rows = await run(database);
            }

            var times = new double[runs];
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run(database);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)runs;
            Array.Sort(times);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-26}{times[runs / 2],10:F2}{Percentile(times, 0.95),10:F2}{times[0],10:F2}{times[^1],10:F2}{allocated / 1024,12:N0}{rows,8}"));
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[int.Clamp((int)double.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
    }
}
