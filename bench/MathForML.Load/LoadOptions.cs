using System.Globalization;

namespace MathForML.Load;

/// <summary>The harness's settings; <see cref="Parse"/> reads them from the command line (see README.md).</summary>
internal sealed record LoadOptions
{
    public IReadOnlyList<string> Platforms { get; init; } = ["discord", "slack"];

    public int BurstSize { get; init; } = 200;

    public int Bursts { get; init; } = 5;

    public bool DistinctMembers { get; init; } = true;

    public string Mix { get; init; } = "mixed";

    public int Busy { get; init; }

    public bool Reference { get; init; }

    /// <summary>An already published host (the folder with mathforml.dll); else the harness publishes the repo's.</summary>
    public string? HostDirectory { get; init; }

    /// <summary>Keep the bots' working directories (config, SQLite, logs) here and reuse them next time.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>How long setup may wait for the scheduled daily post; zero measures /answer against "no problem open" when none is.</summary>
    public TimeSpan ProblemWait { get; init; } = TimeSpan.Zero;

    public TimeSpan ReplyWait { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(3);

    public string? RepoRoot { get; init; }

    /// <summary>Hard limit on the whole run; the harness stops and cleans up when it is reached.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>Idle mode: no burst loop; sample the connected host this long instead.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.Zero;

    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Idle mode: fire one burst halfway through.</summary>
    public bool IdleBurst { get; init; }

    /// <summary>Extra environment for the host (runtime knobs such as DOTNET_gcServer), applied last.</summary>
    public IReadOnlyDictionary<string, string> HostEnvironment { get; init; } = new Dictionary<string, string>();

    public const string Usage = """
        dotnet run -c Release --project bench/MathForML.Load -- [options]
          --platform discord|slack|both   (both)
          --burst N                       interactions per burst (200; at most 1000)
          --bursts N                      consecutive bursts (5; at most 50)
          --members distinct|one          200 members at once, or one member 200 times (distinct)
          --mix help|answer|mixed         mixed = /help, /answer malformed, wrong, right, /tex, /reading rsvp (mixed)
          --busy N                        start N busy processes (yes > /dev/null) for the bursts (0; at most 8)
          --reference                     also run a /help burst per round against discord.js and @slack/socket-mode
          --host DIR                      an already published host (else: dotnet publish src/MathForML.Host)
          --state DIR                     keep and reuse the bots' working directories (group, open problem, logs)
          --problem-wait DURATION         wait this long for the scheduled daily post (0s; e.g. 20m)
          --reply-wait DURATION           wait for late replies after each burst (30s)
          --pause DURATION                between bursts (3s)
          --time-limit DURATION           stop everything after this (45m)
          --idle DURATION                 idle mode: no bursts; sample RSS, peak, anon/file, threads for this long
          --sample DURATION               idle mode: between samples (60s)
          --idle-burst                    idle mode: fire one --burst of --mix halfway through
          --host-env KEY=VALUE            extra environment for the host (repeatable), e.g. DOTNET_gcConcurrent=0
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--platform" => options with { Platforms = Value() switch { "both" => ["discord", "slack"], "discord" => ["discord"], "slack" => ["slack"], var v => throw new ArgumentException($"--platform {v}: discord, slack or both.") } },
                "--burst" => options with { BurstSize = Bounded(name, Value(), 1, 1000) },
                "--bursts" => options with { Bursts = Bounded(name, Value(), 1, 50) },
                "--members" => options with { DistinctMembers = Value() switch { "distinct" => true, "one" => false, var v => throw new ArgumentException($"--members {v}: distinct or one.") } },
                "--mix" => options with { Mix = Value() is "help" or "answer" or "mixed" ? args[i] : throw new ArgumentException($"--mix {args[i]}: help, answer or mixed.") },
                "--busy" => options with { Busy = Bounded(name, Value(), 0, 8) },
                "--reference" => options with { Reference = true },
                "--host" => options with { HostDirectory = Path.GetFullPath(Value()) },
                "--state" => options with { StateDirectory = Path.GetFullPath(Value()) },
                "--problem-wait" => options with { ProblemWait = Duration(Value()) },
                "--reply-wait" => options with { ReplyWait = Duration(Value()) },
                "--pause" => options with { Pause = Duration(Value()) },
                "--time-limit" => options with { TimeLimit = Duration(Value()) },
                "--idle" => options with { Idle = Duration(Value()) },
                "--sample" => options with { SampleEvery = Duration(Value()) is { TotalSeconds: >= 1 } d ? d : throw new ArgumentException("--sample: at least 1s.") },
                "--idle-burst" => options with { IdleBurst = true },
                "--host-env" => options with { HostEnvironment = WithPair(options.HostEnvironment, Value()) },
                "--repo" => options with { RepoRoot = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static Dictionary<string, string> WithPair(IReadOnlyDictionary<string, string> current, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals < 1)
        {
            throw new ArgumentException($"--host-env {pair}: KEY=VALUE.");
        }

        return new Dictionary<string, string>(current) { [pair[..equals]] = pair[(equals + 1)..] };
    }

    private static int Bounded(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} {value}: a whole number from {min} to {max}.");

    /// <summary>"90s", "20m", "1h" or plain seconds.</summary>
    public static TimeSpan Duration(string value)
    {
        var (number, unit) = value[^1] is 's' or 'm' or 'h' ? (value[..^1], value[^1]) : (value, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
        {
            throw new ArgumentException($"{value}: a duration such as 30s, 20m or 1h.");
        }

        return unit switch { 'h' => TimeSpan.FromHours(n), 'm' => TimeSpan.FromMinutes(n), _ => TimeSpan.FromSeconds(n) };
    }
}
