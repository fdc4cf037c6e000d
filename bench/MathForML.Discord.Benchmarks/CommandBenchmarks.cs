using BenchmarkDotNet.Attributes;
using MathForML.CommandBench;
using MathForML.Core.Commands;

namespace MathForML.Discord.Benchmarks;

/// <summary>
/// Cheap and judged commands, one per invocation, end to end: INTERACTION_CREATE sent by the loopback gateway →
/// the bot (real adapter, dispatcher, handlers, SQLite storage) → its reply received by the loopback REST.
/// </summary>
public class CommandBenchmarks : CommandBenchmarkBase
{
    private static readonly CommandCase[] Cheap = [CommandCase.Help, CommandCase.MalformedAnswer, CommandCase.NoProblemAnswer];
    private static readonly CommandCase[] Judged = [CommandCase.WrongAnswer, CommandCase.RightAnswer];
    private DiscordCommandRig? _rig;

    protected override string Platform => "Discord";

    protected override int ApiCalls => _rig!.RestCalls;

    [GlobalSetup(Target = nameof(Baseline))]
    public void SetupBaseline() => Setup(() => DiscordCommandRig.StartBaselineAsync(), [CommandCase.Baseline]);

    [GlobalSetup(Targets = [nameof(Help), nameof(MalformedAnswer), nameof(NoProblemAnswer)])]
    public void SetupCheap() => Setup(() => DiscordCommandRig.StartBotAsync(poolSize: 0), Cheap);

    [GlobalSetup(Targets = [nameof(WrongAnswer), nameof(RightAnswer)])]
    public void SetupJudged() => Setup(() => DiscordCommandRig.StartBotAsync(PoolSize), Judged);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_rig?.HasWorld == true)
        {
            CommandStats.Notes.Enqueue($"Discord: daily problem {_rig.World.Problem.Id}, right answer `{_rig.World.RightAnswer}`");
            if (_rig.World.FreshMembersUsed > 0)
            {
                CommandStats.Notes.Enqueue($"Discord: {_rig.World.FreshMembersUsed} judged answers came from new members (pool used up): one more INSERT each");
            }
        }

        _rig?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _rig = null;
    }

    [Benchmark(Baseline = true)]
    public Task Baseline() => RunAsync(CommandCase.Baseline);

    [Benchmark]
    public Task Help() => RunAsync(CommandCase.Help);

    [Benchmark]
    public Task MalformedAnswer() => RunAsync(CommandCase.MalformedAnswer);

    [Benchmark]
    public Task NoProblemAnswer() => RunAsync(CommandCase.NoProblemAnswer);

    [Benchmark]
    public Task WrongAnswer() => RunAsync(CommandCase.WrongAnswer);

    [Benchmark]
    public Task RightAnswer() => RunAsync(CommandCase.RightAnswer);

    protected override Task<string> SendAsync(CommandCase command)
    {
        var rig = _rig!;
        return command switch
        {
            CommandCase.Baseline => rig.SendAsync(DiscordCommandRig.RegularMember, DiscordCommandRig.OpenChannel, CommandCatalog.Help.Name, null),
            CommandCase.Help => rig.SendAsync(DiscordCommandRig.RegularMember, DiscordCommandRig.OpenChannel, CommandCatalog.Help.Name, null),
            CommandCase.MalformedAnswer => Answer(rig, DiscordCommandRig.RegularMember, DiscordCommandRig.OpenChannel, command),
            CommandCase.NoProblemAnswer => Answer(rig, DiscordCommandRig.RegularMember, DiscordCommandRig.EmptyChannel, command),
            _ => Answer(rig, WarmingUp ? rig.World.NewMember() : rig.World.NextUnansweredMember(), DiscordCommandRig.OpenChannel, command),
        };
    }

    private static Task<string> Answer(DiscordCommandRig rig, string userId, string channel, CommandCase command) =>
        rig.SendAsync(userId, channel, CommandCatalog.Answer.Name, AnswerText(command, rig.World.RightAnswer));

    private void Setup(Func<Task<DiscordCommandRig>> start, CommandCase[] cases)
    {
        _rig = start().GetAwaiter().GetResult();
        ProbeAsync(cases, ExpectedFragment).GetAwaiter().GetResult();
    }
}
