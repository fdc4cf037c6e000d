using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace MathForML.CommandBench;

/// <summary>
/// One command per benchmark invocation, end to end over loopback. Around each iteration it reads the process's
/// CPU time (all threads: the bot, its thread pool, and the loopback server in this same process) from the start
/// of the iteration's first command to the end of its last, so the forced GCs and bookkeeping BenchmarkDotNet does
/// between iterations are not counted. Before measuring, every case is warmed up until the JIT is quiet and probed
/// once with the database counter on (<see cref="ProbeAsync"/>); the counter is off while CPU is measured.
/// </summary>
[Config(typeof(CommandBenchConfig))]
public abstract class CommandBenchmarkBase
{
    /// <summary>Commands per case at least before the probe: JIT, tiering, connection pools, caches with a TTL.</summary>
    public const int WarmupCommands = 40;

    /// <summary>After <see cref="WarmupCommands"/>, warm-up goes on until no method was JIT-compiled (tier-1 recompiles run on
    /// a background thread and would count as the command's CPU) for this long, or <see cref="MaxWarmupCommands"/>.</summary>
    public static readonly TimeSpan JitQuiet = TimeSpan.FromSeconds(1);

    public const int MaxWarmupCommands = 3000;

    /// <summary>Commands per case with the database counter on.</summary>
    public const int ProbeCommands = 20;

    /// <summary>Members who have not answered, for the judged cases: warm-up, probe, and every iteration BenchmarkDotNet
    /// runs (jitting, 3 warm-up, the measured ones, 1 for allocations) with room to spare; past it, fresh members are used.</summary>
    protected static int PoolSize => ProbeCommands + ((CommandBenchConfig.Iterations + 8) * CommandBenchConfig.Invocations) + 50;

    private static readonly DbCounter Counter = new();
    private CommandCase _current;
    private bool _started;
    private long _ops;
    private TimeSpan _cpuStart;
    private TimeSpan _cpuEnd;
    private TimeSpan _jitStart;
    private TimeSpan _jitEnd;
    private long _wallStart;
    private long _wallEnd;

    /// <summary>"Discord" or "Slack": the key of this class's figures.</summary>
    protected abstract string Platform { get; }

    /// <summary>Sends one command and completes when its reply has reached the loopback server; returns the reply's text.</summary>
    protected abstract Task<string> SendAsync(CommandCase command);

    /// <summary>True while warming up: judged answers then come from brand-new members, keeping the pool for what is measured.</summary>
    protected bool WarmingUp { get; private set; }

    /// <summary>Loopback API calls so far (to count them per command).</summary>
    protected abstract int ApiCalls { get; }

    /// <summary>The benchmark class as BenchmarkDotNet describes it (the in-process toolchain runs a type it emits from it).</summary>
    private Type BenchmarksType
    {
        get
        {
            var type = GetType();
            while (type.BaseType is { } parent && parent != typeof(CommandBenchmarkBase))
            {
                type = parent;
            }

            return type;
        }
    }

    [IterationSetup]
    public void StartIteration()
    {
        _started = false;
        _ops = 0;
    }

    [IterationCleanup]
    public void EndIteration()
    {
        if (_ops > 0)
        {
            CommandStats.For(BenchmarksType, _current).AddIteration((_cpuEnd - _cpuStart).TotalMicroseconds,
                Stopwatch.GetElapsedTime(_wallStart, _wallEnd).TotalMicroseconds, (_jitEnd - _jitStart).TotalMicroseconds, _ops);
        }
    }

    /// <summary>The measured path: CPU and wall clock read around the command, nothing else.</summary>
    protected async Task RunAsync(CommandCase command)
    {
        if (!_started)
        {
            _current = command;
            _started = true;
            _cpuStart = Environment.CpuUsage.TotalTime;
            _jitStart = System.Runtime.JitInfo.GetCompilationTime();
            _wallStart = Stopwatch.GetTimestamp();
        }

        await SendAsync(command);
        _cpuEnd = Environment.CpuUsage.TotalTime;
        _jitEnd = System.Runtime.JitInfo.GetCompilationTime();
        _wallEnd = Stopwatch.GetTimestamp();
        _ops++;
    }

    /// <summary>Warms up each case and counts its database work and API calls, checking every reply says what the case claims.</summary>
    protected async Task ProbeAsync(IEnumerable<CommandCase> cases, Func<CommandCase, string> expectedFragment)
    {
        foreach (var command in cases)
        {
            WarmingUp = true;
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var quietSince = Stopwatch.GetTimestamp();
            var warmup = 0;
            while (warmup < MaxWarmupCommands && (warmup < WarmupCommands || Stopwatch.GetElapsedTime(quietSince) < JitQuiet))
            {
                Check(command, await SendAsync(command), expectedFragment(command));
                warmup++;
                if (System.Runtime.JitInfo.GetCompiledMethodCount() is var now && now != methods)
                {
                    methods = now;
                    quietSince = Stopwatch.GetTimestamp();
                }
            }

            WarmingUp = false;

            var calls = ApiCalls;
            Counter.Start();
            string reply = "";
            for (var i = 0; i < ProbeCommands; i++)
            {
                reply = await SendAsync(command);
            }

            var counts = Counter.Stop();
            Check(command, reply, expectedFragment(command));
            var figures = CommandStats.For(BenchmarksType, command);
            figures.Db = counts;
            figures.ProbeOps = ProbeCommands;
            figures.WarmupOps = warmup;
            figures.ApiCallsPerOp = (ApiCalls - calls) / (double)ProbeCommands;
            figures.SampleReply = reply;
        }
    }

    private void Check(CommandCase command, string reply, string fragment)
    {
        if (!reply.Contains(fragment, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Platform} {command}: expected a reply containing \"{fragment}\", got \"{reply}\".");
        }
    }

    /// <summary>What each case's reply must contain (the texts are Core's own).</summary>
    protected static string ExpectedFragment(CommandCase command) => command switch
    {
        CommandCase.Baseline => FixedReply.Text,
        CommandCase.Help => "MathForML",
        CommandCase.MalformedAnswer => "not counted as an attempt",
        CommandCase.WrongAnswer => "Not quite",
        CommandCase.RightAnswer => "Correct!",
        CommandCase.NoProblemAnswer => "No problem has been posted",
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>What the commands type: a malformed answer, a wrong one and the group's right one.</summary>
    protected static string AnswerText(CommandCase command, string rightAnswer) => command switch
    {
        CommandCase.MalformedAnswer => "1/",
        CommandCase.WrongAnswer => "(" + rightAnswer + ")+1",
        CommandCase.RightAnswer or CommandCase.NoProblemAnswer => rightAnswer,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}

/// <summary>The reply of the baseline's fixed-reply client.</summary>
internal static class FixedReply
{
    public const string Text = "fixed reply";
}
