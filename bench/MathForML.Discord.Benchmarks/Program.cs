using BenchmarkDotNet.Running;
using MathForML.Discord.Benchmarks;

// Latency percentiles (single and 200 concurrent) and memory after 1,000 GUILD_CREATE — the reference run:
//   dotnet run -c Release --project bench/MathForML.Discord.Benchmarks -- --quick
// Fewer samples on a busy machine: ... -- --quick --small
// BenchmarkDotNet, one interaction at a time: ... -- --filter '*InteractionBenchmarks*' --job short
// CPU, database work and allocations per command through real Core and SQLite (issue 13, item 2; see README.md):
//   dotnet run -c Release --project bench/MathForML.Discord.Benchmarks -- --filter '*CommandBenchmarks*'
if (args.Contains("--quick"))
{
    var small = args.Contains("--small");
    await Harness.LatencyAsync(Console.Out, sequential: small ? 50 : 200, concurrent: 200);
    await Harness.MemoryAsync(Console.Out, guilds: 1000);
    return;
}

// Storage calls of /answer one by one, without the adapter (a breakdown for issue 13 item 2): ... -- --stores
if (args.Contains("--stores"))
{
    await MathForML.CommandBench.StoreCosts.RunAsync(Console.Out, calls: 400);
    return;
}

if (args.Contains("--memory"))
{
    await Harness.MemoryAsync(Console.Out, guilds: 1000);
    return;
}

_ = MathForML.CommandBench.CommandReport.LoadAtStart;
BenchmarkSwitcher.FromAssembly(typeof(InteractionBenchmarks).Assembly).Run(args);
MathForML.CommandBench.CommandReport.Write(Console.Out, typeof(CommandBenchmarks), "Discord");
