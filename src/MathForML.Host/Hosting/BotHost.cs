using MathForML.Content;
using MathForML.Core;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Formulas;
using MathForML.Core.Participation;
using MathForML.Rendering;
using MathForML.Host.Cli;
using MathForML.Discord.Hosting;
using MathForML.Host.Local;
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

    /// <summary>How long shutdown waits for in-flight work (a command being answered) to finish.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string[] args, CliIo io, IDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
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

        using var host = Build(configuration, io);
        var failures = KnownSettings.ValidateAll(host.Services);
        if (failures.Count > 0)
        {
            await ReportAsync(io, failures.Select(f => ToProblem(configuration, f, io.WorkingDirectory)).ToList());
            return ExitCodes.Configuration;
        }

        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while still starting (Ctrl+C during a slow start): stop what did start, and exit cleanly.
            await host.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        }

        await host.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }

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

        // A platform starts when its tokens are set; without any, the terminal channel is the chat.
        if (platforms.DiscordConfigured)
        {
            builder.Services.AddDiscordBot(configuration);
        }

        if (platforms.SlackConfigured)
        {
            builder.Services.AddSlackBot(configuration);
        }

        // Hosted services start in registration order: the schema is ready before anything serves.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<PlatformStatusReporter>();
        builder.Services.AddHostedService<SchedulerHostedService>();
        builder.Services.AddLocalChannel(configuration, new LocalConsole(io.In, io.Out, io.InputIsInteractive), platforms, io.WorkingDirectory);
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
