using BenchmarkDotNet.Attributes;
using MathForML.CommandBench;

namespace MathForML.Slack.Benchmarks;

/// <summary>
/// Cheap and judged commands, one per invocation, end to end: a slash_commands envelope sent by the loopback Socket
/// Mode server → the bot (real adapter, dispatcher, handlers, SQLite storage) → its ack (with the reply) or its
/// response_url post received by the loopback.
/// </summary>
public class CommandBenchmarks : CommandBenchmarkBase
{
    private static readonly CommandCase[] Cheap = [CommandCase.Help, CommandCase.MalformedAnswer, CommandCase.NoProblemAnswer];
    private static readonly CommandCase[] Judged = [CommandCase.WrongAnswer, CommandCase.RightAnswer];
    private SlackCommandRig? _rig;

    protected override string Platform => "Slack";

    protected override int ApiCalls => _rig!.ApiCalls;

    [GlobalSetup(Target = nameof(Baseline))]
    public void SetupBaseline() => Setup(SlackCommandRig.StartBaselineAsync, [CommandCase.Baseline]);

    [GlobalSetup(Targets = [nameof(Help), nameof(MalformedAnswer), nameof(NoProblemAnswer)])]
    public void SetupCheap() => Setup(() => SlackCommandRig.StartBotAsync(poolSize: 0), Cheap);

    [GlobalSetup(Targets = [nameof(WrongAnswer), nameof(RightAnswer)])]
    public void SetupJudged() => Setup(() => SlackCommandRig.StartBotAsync(PoolSize), Judged);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_rig?.HasWorld == true)
        {
            CommandStats.Notes.Enqueue($"Slack: daily problem {_rig.World.Problem.Id}, right answer `{_rig.World.RightAnswer}`");
            if (_rig.World.FreshMembersUsed > 0)
            {
                CommandStats.Notes.Enqueue($"Slack: {_rig.World.FreshMembersUsed} judged answers came from new members (pool used up): one more INSERT each");
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
            CommandCase.Baseline or CommandCase.Help => rig.SendAsync(SlackCommandRig.RegularMember, SlackCommandRig.OpenChannel, "help"),
            CommandCase.MalformedAnswer => Answer(rig, SlackCommandRig.RegularMember, SlackCommandRig.OpenChannel, command),
            CommandCase.NoProblemAnswer => Answer(rig, SlackCommandRig.RegularMember, SlackCommandRig.EmptyChannel, command),
            _ => Answer(rig, WarmingUp ? rig.World.NewMember() : rig.World.NextUnansweredMember(), SlackCommandRig.OpenChannel, command),
        };
    }

    private static Task<string> Answer(SlackCommandRig rig, string userId, string channel, CommandCase command) =>
        rig.SendAsync(userId, channel, "answer " + AnswerText(command, rig.World.RightAnswer));

    private void Setup(Func<Task<SlackCommandRig>> start, CommandCase[] cases)
    {
        _rig = start().GetAwaiter().GetResult();
        ProbeAsync(cases, ExpectedFragment).GetAwaiter().GetResult();
    }
}
