using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/MathForML.Scheduling.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
