using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/MathForML.Math.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
