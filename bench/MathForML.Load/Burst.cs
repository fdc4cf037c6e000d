using System.Diagnostics;

namespace MathForML.Load;

/// <summary>What to fire in one burst.</summary>
internal sealed record BurstPlan(int Run, int Number, int Size, string Mix, bool DistinctMembers, TimeSpan ReplyWait);

/// <summary>One burst's figures for one bot.</summary>
internal sealed record BurstResult(
    string Platform,
    string Bot,
    int Number,
    string Mix,
    IReadOnlyList<ProbeResult> Probes,
    TimeSpan SendDuration,
    double? CpuSeconds,
    double? PeakRssMb,
    double? RssAfterMb,
    int? ThreadsAfter)
{
    public static readonly TimeSpan AckLimit = TimeSpan.FromSeconds(3);

    public int Count => Probes.Count;

    public int AckedInTime => Probes.Count(p => p.AckLatency <= AckLimit);

    public int AckedLate => Probes.Count(p => p.AckLatency > AckLimit);

    public int NotAcked => Probes.Count(p => p.AckLatency is null);

    public int Replied => Probes.Count(p => p.ReplyLatency is not null);

    public int Lost => Count - Replied;

    /// <summary>A callback or ack sent twice for one interaction (the platform refuses the second).</summary>
    public int DoubleAcks => Probes.Count(p => p.ExtraAcks > 0);

    public bool Failed => AckedLate > 0 || NotAcked > 0 || Lost > 0;

    public static TimeSpan? Percentile(IEnumerable<TimeSpan?> values, double p)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        // Nearest rank: the smallest value with at least p of the samples at or below it.
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public TimeSpan? Ack(double p) => Percentile(Probes.Select(x => x.AckLatency), p);

    public TimeSpan? Reply(double p) => Percentile(Probes.Select(x => x.ReplyLatency), p);
}

/// <summary>Fires a burst at one bot and waits for its answers.</summary>
internal static class BurstRunner
{
    public static async Task<BurstResult> RunAsync(IPlatformDriver driver, BotProcess bot, string botName, BurstPlan plan, Func<int, LoadCommand> command,
        CancellationToken cancellationToken)
    {
        bot.ResetPeak();
        var before = bot.Sample();
        var probes = new List<Probe>(plan.Size);
        var sending = Stopwatch.StartNew();
        var single = driver.Member(plan.Run, plan.Number, 0);
        for (var i = 0; i < plan.Size; i++)
        {
            var member = plan.DistinctMembers ? driver.Member(plan.Run, plan.Number, i) : single;
            probes.Add(await driver.SendAsync(i, member, command(i), organizer: false));
        }

        var sent = sending.Elapsed;

        // Every reply, or the reply window after the last send; acks are judged against 3 s from their own send.
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(plan.ReplyWait);
        try
        {
            await Task.WhenAll(probes.Select(p => p.Replied.Task)).WaitAsync(window.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Some never answered: counted as lost.
        }

        // The window has closed: what arrives from now on is not counted (replies after it count as lost).
        var cutoff = Stopwatch.GetTimestamp();
        var results = probes.Select(p => ProbeResult.At(p, cutoff, driver.Platform)).ToList();
        var after = bot.Sample();
        return new BurstResult(driver.Platform, botName, plan.Number, plan.Mix, results, sent,
            before is not null && after is not null ? after.CpuSeconds - before.CpuSeconds : null,
            after?.PeakRssMb, after?.RssMb, after?.Threads);
    }
}
