using BenchmarkDotNet.Running;
using MathForML.Math.Benchmarks;

// Reference: dotnet run -c Release --project bench/MathForML.Math.Benchmarks -- --filter '*' --job short
// Busy machine: dotnet run -c Release --project bench/MathForML.Math.Benchmarks -- --quick
if (args.Contains("--quick"))
{
    QuickMeasure.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(JudgeBenchmarks).Assembly).Run(args);
