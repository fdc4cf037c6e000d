using System.Runtime.InteropServices;
using MathForML.Content;
using MathForML.Core;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Formulas;
using MathForML.Core.Participation;
using MathForML.Rendering;
using MathForML.Host.Cli;
using MathForML.Discord.Hosting;
using MathForML.Host.Local;
using MathForML.Slack.Adapter;
using MathForML.Slack.Hosting;
using MathForML.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace MathForML.Host.Hosting;

/// <summary>Builds and runs the bot on the Generic Host, reporting start-up problems in plain words.</summary>
internal static class BotHost
{
    public const string ConfigErrorHeader = "MathForML cannot start: the configuration has problems.";
    public const string InvalidJsonFormat = "{0} is not valid JSON: {1}";
    public const string StartFailedFormat = "MathForML cannot start: {0}";

    /// <summary>How long shutdown waits for in-flight work (a command being answered) to finish.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args, CliIo io, IDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        // SIGTERM or Ctrl+C before the host's console lifetime listens (reading the configuration,
        // building the host) would end the process with 143 or 130 instead of a clean stop.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        return await RunAsync(args, io, environment, configureServices: null, stop.Token);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    /// <summary>Tests pass <paramref name="configureServices"/> to stand in for parts of the host.</summary>
    internal static async Task<int> RunAsync(string[] args, CliIo io, IDictionary<string, string?>? environment, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = ConfigurationSources.Build(io.WorkingDirectory, args, environment);
        }
        catch (InvalidDataException exception)
        {
            await io.Error.WriteLineAsync(ConfigErrorHeader);
            await io.Error.WriteLineAsync("  " + string.Format(System.Globalization.CultureInfo.InvariantCulture, InvalidJsonFormat, ConfigurationSources.SettingsFile, exception.InnerException?.Message ?? exception.Message));
            return ExitCodes.Configuration;
        }

        var problems = ConfigurationChecker.Check(configuration, io.WorkingDirectory);
        if (problems.Count > 0)
        {
            await ReportAsync(io, problems);
            return ExitCodes.Configuration;
        }

        using var host = Build(configuration, io, configureServices);
        var failures = KnownSettings.ValidateAll(host.Services);
        if (failures.Count > 0)
        {
            await ReportAsync(io, failures.Select(f => ToProblem(configuration, f, io.WorkingDirectory)).ToList());
            return ExitCodes.Configuration;
        }

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await host.StartAsync(cancellationToken);
            host.Services.GetRequiredService<StartupPhase>().IsStarting = false;
        }
        catch (Exception exception) when (IsCancellation(exception) && (cancellationToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested))
        {
            // SIGTERM or Ctrl+C while still starting (the database opening, say): the host's start token
            // follows ApplicationStopping. Stop what did start, and exit cleanly.
            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        }
        catch (Exception exception) when (!IsCancellation(exception))
        {
            // A start-up failure (a database from a newer version, an unwritable folder): one clear line.
            await io.Error.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, StartFailedFormat, exception.Message));
            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Failure;
        }

        await host.WaitForShutdownAsync(cancellationToken);
        return host.Services.GetRequiredService<HostExit>().Code;
    }

    /// <summary>The log category of the Generic Host's own messages.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Whether the host is still starting (see the log filter in <see cref="Build"/>).</summary>
    internal sealed class StartupPhase
    {
        public bool IsStarting { get; set; } = true;
    }

    private static bool IsCancellation(Exception exception) =>
        exception is OperationCanceledException
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.All(e => e is OperationCanceledException));

    internal static IHost Build(IConfigurationRoot configuration, CliIo io, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = io.WorkingDirectory,
            ApplicationName = "MathForML",
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();

        // stdout belongs to the chat transcript; every log line goes to stderr.
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // A start-up failure is said in one line by RunAsync; the host's own "Hosting failed to start"
        // error would repeat it with a stack trace. Only while starting: later host errors still show.
        var starting = new StartupPhase();
        builder.Services.AddSingleton(starting);
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Critical || !starting.IsStarting);

        var platforms = PlatformStatus.From(configuration);
        builder.Services.AddSingleton(platforms);
        builder.Services.AddMathForMLStorage(configuration);
        builder.Services.PostConfigure<StorageOptions>(o => o.DatabasePath = Path.Combine(io.WorkingDirectory, o.DatabasePath));
        builder.Services.AddMathForMLContent(configuration);
        builder.Services.PostConfigure<ContentOptions>(o =>
        {
            o.CurriculaDirectory = Path.Combine(io.WorkingDirectory, o.CurriculaDirectory);
            o.ProblemsDirectory = Path.Combine(io.WorkingDirectory, o.ProblemsDirectory);
            o.TopicsFile = Path.Combine(io.WorkingDirectory, o.TopicsFile);
        });
        builder.Services.AddMathForMLCore();
        builder.Services.Configure<Core.Concurrency.CommandWorkOptions>(configuration.GetSection(Core.Concurrency.CommandWorkOptions.SectionName));
        builder.Services.AddReadingGroups();
        builder.Services.AddDailyProblems();
        builder.Services.AddParticipation();
        builder.Services.AddSingleton<MathRenderer>();
        builder.Services.AddSingleton<IFormulaRenderer, RenderingFormulaRenderer>();
        builder.Services.AddSingleton<Rendering.Charts.ChartRenderer>();
        builder.Services.AddSingleton<IChartRenderer, RenderingChartRenderer>();
        builder.Services.AddCommandHandler<TexHandler>();

        // Hosted services start one after another in registration order: storage (and the content the
        // initializer depends on) is ready before a platform connects and can be sent an interaction.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<PlatformStatusReporter>();

        // A platform starts when its tokens are set; without any, the terminal channel is the chat.
        if (platforms.DiscordConfigured)
        {
            builder.Services.AddDiscordBot(configuration);
            builder.Services.AddSingleton(sp => PlatformWatch.ForDiscord(sp.GetRequiredService<DiscordBotHostedService>()));
        }

        if (platforms.SlackConfigured)
        {
            builder.Services.AddSlackBot(configuration);
            builder.Services.AddSingleton(sp => PlatformWatch.ForSlack(sp.GetRequiredService<SlackAdapterState>()));
        }

        builder.Services.AddHostedService<SchedulerHostedService>();
        builder.Services.AddLocalChannel(configuration, new LocalConsole(io.In, io.Out, io.InputIsInteractive), platforms, io.WorkingDirectory);
        var terminalServes = builder.Services.Any(d => d.ImplementationType == typeof(LocalChannelHostedService));
        builder.Services.AddOptions<BotHostOptions>().Bind(configuration.GetSection(BotHostOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<HostExit>();
        builder.Services.AddHostedService(sp => new PlatformSupervisor(
            sp.GetServices<PlatformWatch>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotHostOptions>>(),
            sp.GetRequiredService<HostExit>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<PlatformSupervisor>>(),
            terminalServes));
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Validator messages start with "Section:Key: "; name the source of that key's value.</summary>
    private static ConfigurationProblem ToProblem(IConfigurationRoot configuration, string failure, string workingDirectory)
    {
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        if (separator <= 0 || !failure[..separator].Contains(':', StringComparison.Ordinal))
        {
            return new ConfigurationProblem("configuration", "configuration", failure);
        }

        var key = failure[..separator];
        return new ConfigurationProblem(key, ConfigurationSources.Describe(configuration, key, workingDirectory), failure[(separator + 2)..]);
    }

    private static async Task ReportAsync(CliIo io, IReadOnlyList<ConfigurationProblem> problems)
    {
        await io.Error.WriteLineAsync(ConfigErrorHeader);
        foreach (var problem in problems)
        {
            await io.Error.WriteLineAsync("  " + problem);
        }
    }
}
