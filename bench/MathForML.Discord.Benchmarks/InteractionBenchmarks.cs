using BenchmarkDotNet.Attributes;

namespace MathForML.Discord.Benchmarks;

/// <summary>One interaction at a time: INTERACTION_CREATE sent by the loopback gateway → callback received.</summary>
[MemoryDiagnoser]
public class InteractionBenchmarks
{
    private BotRig _rig = null!;

    [GlobalSetup]
    public void Setup() => _rig = BotRig.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<TimeSpan> Answer() => _rig.RoundTripAsync("answer", "1/4");

    [Benchmark]
    public Task<TimeSpan> RenderedProblem() => _rig.RoundTripAsync(BotRig.ProblemCommand.Path);
}
