using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MathForML.Load;

/// <summary>Everything a run measured; <see cref="Failed"/> when any interaction of the bot under test was acked late, never, or not answered.</summary>
internal sealed record LoadOutcome(IReadOnlyList<BurstResult> Bursts, IReadOnlyList<BurstResult> HelpBursts, IReadOnlyList<BurstResult> ReferenceBursts,
    IReadOnlyDictionary<string, SetupResult> Setups)
{
    public bool Failed => Bursts.Concat(HelpBursts).Any(b => b.Failed);
}

/// <summary>
/// Runs the load harness: loopback servers here, the real host as a child per platform, set up through commands,
/// then bursts, optionally beside the reference clients and with busy processes competing for the cores.
/// </summary>
internal static partial class Harness
{
    public const string Ours = "mathforml";

    private sealed record Target(IPlatformDriver Driver, BotProcess Bot, string Name);

    public static async Task<LoadOutcome> RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TimeLimit);
        var ct = limit.Token;
        var repo = options.RepoRoot ?? FindRepoRoot();
        var scratch = Directory.CreateTempSubdirectory("mathforml-load-").FullName;
        var targets = new List<Target>();
        var references = new List<Target>();
        var busy = new List<BotProcess>();
        try
        {
            var host = options.HostDirectory;
            if (host is null)
            {
                host = Path.Combine(scratch, "host");
                log.WriteLine($"publishing src/MathForML.Host (Release) to {host} …");
                await BotProcess.PublishHostAsync(repo, host, ct);
            }

            var run = (int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 10 % 100_000);
            log.WriteLine($"run {run}: {string.Join("+", options.Platforms)}, {options.Bursts} × {options.BurstSize} {options.Mix} from {(options.DistinctMembers ? "distinct members" : "one member")}, busy {options.Busy}{(options.Reference ? ", with reference clients" : "")}");
            var setups = new Dictionary<string, SetupResult>();
            await Task.WhenAll(options.Platforms.Select(async platform =>
            {
                var driver = await StartDriverAsync(platform);
                var work = Path.Combine(options.StateDirectory ?? scratch, platform);
                Directory.CreateDirectory(work);
                BotProcess.PrepareWorkDirectory(repo, work);
                var environment = driver.HostEnvironment.Concat(options.HostEnvironment).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
                var bot = BotProcess.StartHost(host, work, Ours, environment);
                lock (targets)
                {
                    targets.Add(new Target(driver, bot, Ours));
                }

                log.WriteLine($"  {platform}: host pid {bot.Pid}, log {bot.LogPath}");
                var started = Stopwatch.StartNew();
                await driver.WaitConnectedAsync(TimeSpan.FromSeconds(90), ct);
                log.WriteLine($"  {platform}: connected after {started.Elapsed.TotalSeconds:0.0} s");
                var setup = new GroupSetup(driver, log);
                await setup.WaitAnsweringAsync(TimeSpan.FromSeconds(90), ct);
                var result = await setup.EnsureAsync(options.ProblemWait, ct);
                log.WriteLine($"  {platform}: ready ({result.How}) after {started.Elapsed.TotalSeconds:0.0} s; RSS {bot.Sample()?.RssMb:0} MB");
                lock (setups)
                {
                    setups[platform] = result;
                }
            }));

            if (options.Reference)
            {
                references.AddRange(await StartReferencesAsync(repo, scratch, options.Platforms, log, ct));
            }

            for (var i = 0; i < options.Busy; i++)
            {
                busy.Add(BusyProcess.Start(scratch, i));
            }

            if (busy.Count > 0)
            {
                log.WriteLine($"started {busy.Count} busy process(es): {string.Join(", ", busy.Select(b => b.Pid))}");
                await Task.Delay(1000, ct);
            }

            if (options.Idle > TimeSpan.Zero)
            {
                var idleTargets = targets.Select(t => (t.Driver, t.Bot)).ToList();
                var burst = (IPlatformDriver driver, BotProcess bot) => BurstAsync(new Target(driver, bot, Ours),
                    new BurstPlan(run, 1, options.BurstSize, options.Mix, options.DistinctMembers, options.ReplyWait), i => Workload.For(options.Mix, i), log, ct);
                var idleBursts = await IdleRun.RunAsync(idleTargets, options, burst, log, ct);
                return new LoadOutcome(idleBursts, [], [], setups);
            }

            var bursts = new List<BurstResult>();
            var helps = new List<BurstResult>();
            var referenceBursts = new List<BurstResult>();
            for (var number = 1; number <= options.Bursts; number++)
            {
                log.WriteLine($"burst {number}/{options.Bursts} ({Load()})");
                foreach (var target in targets.OrderBy(t => t.Driver.Platform, StringComparer.Ordinal))
                {
                    var plan = new BurstPlan(run, number, options.BurstSize, options.Mix, options.DistinctMembers, options.ReplyWait);
                    bursts.Add(await BurstAsync(target, plan, i => Workload.For(options.Mix, i), log, ct));
                    await Task.Delay(options.Pause, ct);
                    if (references.Any(r => r.Driver.Platform == target.Driver.Platform))
                    {
                        // The same /help burst against ours and the reference, back to back under the same load.
                        var help = plan with { Number = number + 50, Mix = "help" };
                        if (options.Mix == "help")
                        {
                            helps.Add(bursts[^1]);
                        }
                        else
                        {
                            helps.Add(await BurstAsync(target, help, _ => Workload.Help, log, ct));
                            await Task.Delay(options.Pause, ct);
                        }

                        var reference = references.First(r => r.Driver.Platform == target.Driver.Platform);
                        referenceBursts.Add(await BurstAsync(reference, help, _ => Workload.Help, log, ct));
                        await Task.Delay(options.Pause, ct);
                    }
                }
            }

            foreach (var process in busy)
            {
                await process.DisposeAsync();
            }

            busy.Clear();
            var outcome = new LoadOutcome(bursts, helps, referenceBursts, setups);
            Print(outcome, targets.Concat(references).ToList(), log);
            return outcome;
        }
        finally
        {
            foreach (var process in busy.Concat(references.Select(r => r.Bot)).Concat(targets.Select(t => t.Bot)))
            {
                await process.DisposeAsync();
            }

            foreach (var driver in references.Concat(targets).Select(t => t.Driver))
            {
                await driver.DisposeAsync();
            }

            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A log still open: leave the temp folder.
            }
        }
    }

    private static async Task<BurstResult> BurstAsync(Target target, BurstPlan plan, Func<int, LoadCommand> command, TextWriter log, CancellationToken ct)
    {
        var result = await BurstRunner.RunAsync(target.Driver, target.Bot, target.Name, plan, command, ct);
        log.WriteLine($"  {result.Platform,-7} {result.Bot,-20} {result.Mix,-6} sent in {result.SendDuration.TotalMilliseconds:0} ms, acked in 3 s {result.AckedInTime}/{result.Count}, replied {result.Replied}/{result.Count}, " +
            $"ack p99 {Ms(result.Ack(0.99))}, reply p99 {Ms(result.Reply(0.99))}, CPU {result.CpuSeconds:0.00} s, peak {result.PeakRssMb:0} MB");
        return result;
    }

    private static async Task<IPlatformDriver> StartDriverAsync(string platform) =>
        platform == "discord" ? await DiscordDriver.StartAsync() : await SlackDriver.StartAsync();

    private static async Task<List<Target>> StartReferencesAsync(string repo, string scratch, IReadOnlyList<string> platforms, TextWriter log, CancellationToken ct)
    {
        var directory = await ReferenceBots.InstallAsync(repo, log, ct);
        var started = new List<Target>();
        foreach (var platform in platforms)
        {
            var driver = await StartDriverAsync(platform);
            var work = Path.Combine(scratch, "reference-" + platform);
            var (bot, name) = ReferenceBots.Start(directory, work, driver);
            started.Add(new Target(driver, bot, name));
            log.WriteLine($"  {platform}: reference {name} pid {bot.Pid}, log {bot.LogPath}");
            await driver.WaitConnectedAsync(TimeSpan.FromSeconds(60), ct);
            await new GroupSetup(driver, log).WaitAnsweringAsync(TimeSpan.FromSeconds(60), ct);
        }

        return started;
    }

    private static void Print(LoadOutcome outcome, List<Target> targets, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine($"machine: {Environment.ProcessorCount} cores; {Load()}");
        foreach (var (platform, setup) in outcome.Setups)
        {
            log.WriteLine($"{platform}: {(setup.ProblemOpen ? "problem open" : "NO PROBLEM OPEN: /answer measured against \"no problem open\"")} ({setup.How})");
        }

        log.WriteLine();
        log.WriteLine(Report.Bursts([.. outcome.Bursts, .. outcome.HelpBursts.Except(outcome.Bursts), .. outcome.ReferenceBursts]));
        log.WriteLine(Report.Kinds(outcome.Bursts));
        if (outcome.ReferenceBursts.Count > 0)
        {
            log.WriteLine(Report.Reference(outcome.HelpBursts, outcome.ReferenceBursts));
        }

        foreach (var target in targets)
        {
            foreach (var seen in target.Driver.Observations.GroupBy(o => Digits().Replace(o, "#")).Take(10))
            {
                log.WriteLine($"{target.Driver.Platform}/{target.Name} server saw {seen.Count()}×: {seen.First()}");
            }

            foreach (var line in target.Bot.Problems().GroupBy(l => Digits().Replace(l, "#")).OrderByDescending(g => g.Count()).Take(12))
            {
                var text = line.First();
                log.WriteLine($"{target.Driver.Platform}/{target.Name} log {line.Count()}×: {(text.Length > 300 ? text[..300] + "…" : text)}");
            }
        }

        log.WriteLine(outcome.Failed
            ? "FAIL: some interactions were acknowledged after 3 s, never acknowledged, or never answered."
            : "PASS: every interaction was acknowledged within 3 s and answered.");
    }

    private static string Ms(TimeSpan? t) => t is { } v ? v.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "-";

    public static string Load()
    {
        try
        {
            return "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }

    public static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MathForML.sln")))
            {
                return directory.FullName;
            }
        }

        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MathForML.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MathForML.sln not found above the harness or the current directory; pass --repo.");
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
