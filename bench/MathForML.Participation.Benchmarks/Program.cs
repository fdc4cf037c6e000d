using BenchmarkDotNet.Running;
using MathForML.Participation.Benchmarks;

// Reference: dotnet run -c Release --project bench/MathForML.Participation.Benchmarks -- --filter '*' --job short
// Busy machine: dotnet run -c Release --project bench/MathForML.Participation.Benchmarks -- --quick [--runs 30] [--reseed]
// The SQL each query runs, with SQLite's plan: ... -- --plans
if (args.Contains("--quick") || args.Contains("--plans"))
{
    await QuickMeasure.RunAsync(args, Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParticipationBenchmarks).Assembly).Run(args);
