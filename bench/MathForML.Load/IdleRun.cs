using System.Diagnostics;
using System.Globalization;

namespace MathForML.Load;

/// <summary>
/// Idle (soak) mode: the hosts stay connected and are sampled every <see cref="LoadOptions.SampleEvery"/> for
/// <see cref="LoadOptions.Idle"/>, optionally with one burst halfway; prints the series and where the memory is.
/// </summary>
internal static class IdleRun
{
    private sealed record Row(string Platform, TimeSpan At, ProcSample Sample, long? AnonKb, string Note);

    public static async Task<List<BurstResult>> RunAsync(IReadOnlyList<(IPlatformDriver Driver, BotProcess Bot)> targets, LoadOptions options,
        Func<IPlatformDriver, BotProcess, Task<BurstResult>> burst, TextWriter log, CancellationToken ct)
    {
        var env = options.HostEnvironment.Count == 0 ? "none" : string.Join(' ', options.HostEnvironment.Select(p => $"{p.Key}={p.Value}"));
        log.WriteLine($"idle {options.Idle.TotalMinutes:0.#} min, a sample every {options.SampleEvery.TotalSeconds:0} s{(options.IdleBurst ? ", one burst halfway" : "")}; extra host env: {env}");
        foreach (var (driver, bot) in targets)
        {
            log.WriteLine($"{driver.Platform} at start:");
            log.WriteLine(Smaps.Breakdown(bot.Pid) ?? "  (smaps unreadable)");
            bot.ResetPeak();
        }

        var rows = new List<Row>();
        var bursts = new List<BurstResult>();
        var clock = Stopwatch.StartNew();
        var burstDone = !options.IdleBurst;
        while (true)
        {
            var at = clock.Elapsed;
            var note = "";
            if (!burstDone && at >= options.Idle / 2)
            {
                burstDone = true;
                note = "after burst";
                foreach (var (driver, bot) in targets)
                {
                    bursts.Add(await burst(driver, bot));
                }
            }

            foreach (var (driver, bot) in targets)
            {
                if (bot.Sample() is not { } sample)
                {
                    throw new InvalidOperationException($"{driver.Platform}: the host exited during the idle run (log {bot.LogPath}).");
                }

                var row = new Row(driver.Platform, clock.Elapsed, sample, Smaps.AnonymousKb(bot.Pid), note);
                rows.Add(row);
                log.WriteLine(Format(row));
                // Each sample's peak is its own interval's.
                bot.ResetPeak();
            }

            if (clock.Elapsed >= options.Idle)
            {
                break;
            }

            var next = options.SampleEvery - TimeSpan.FromTicks(clock.Elapsed.Ticks % options.SampleEvery.Ticks);
            await Task.Delay(next < options.Idle - clock.Elapsed ? next : options.Idle - clock.Elapsed + TimeSpan.FromMilliseconds(50), ct);
        }

        log.WriteLine();
        foreach (var (driver, bot) in targets)
        {
            log.WriteLine($"{driver.Platform} at the end:");
            log.WriteLine(Smaps.Breakdown(bot.Pid) ?? "  (smaps unreadable)");
            var own = rows.Where(r => r.Platform == driver.Platform).ToList();
            var half = own.Where(r => r.At >= options.Idle / 2).ToList();
            log.WriteLine($"{driver.Platform}: RSS min {own.Min(r => r.Sample.RssMb):0.0}, max {own.Max(r => r.Sample.RssMb):0.0}, last {own[^1].Sample.RssMb:0.0} MB; peak over the run {own.Max(r => r.Sample.PeakRssMb):0.0} MB; " +
                $"threads {own.Min(r => r.Sample.Threads)}–{own.Max(r => r.Sample.Threads)}; CPU {own[^1].Sample.CpuSeconds - own[0].Sample.CpuSeconds:0.0} s while idle{(half.Count > 1 ? $"; second half drift {half[^1].Sample.RssMb - half[0].Sample.RssMb:+0.0;-0.0} MB" : "")}");
        }

        return bursts;
    }

    private static string Format(Row row) => string.Create(CultureInfo.InvariantCulture,
        $"  {row.Platform,-7} t={row.At.TotalMinutes,6:0.0} min  RSS {row.Sample.RssMb,6:0.0} MB  peak {row.Sample.PeakRssMb,6:0.0} MB  anon {(row.AnonKb ?? 0) / 1024.0,6:0.0} MB  file {row.Sample.RssMb - (row.AnonKb ?? 0) / 1024.0,5:0.0} MB  threads {row.Sample.Threads,3}  CPU {row.Sample.CpuSeconds,6:0.00} s {row.Note}");
}
