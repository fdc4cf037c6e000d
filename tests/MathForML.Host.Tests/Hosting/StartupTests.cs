using MathForML.Discord.Hosting;
using MathForML.Host.Cli;
using MathForML.Host.Hosting;
using MathForML.Slack.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MathForML.Host.Tests.Hosting;

public sealed class StartupTests
{
    private static readonly string[] BothPlatforms =
    [
        "--Discord:Token=loopback-token.Xy_9", "--Discord:ApplicationId=111111111111111111",
        "--Slack:BotToken=xoxb-1-2-abc", "--Slack:AppToken=xapp-1-A1-2-abc",
    ];

    [Fact]
    public void Platforms_start_only_after_the_database_initializer()
    {
        using var run = new HostRun();
        var io = new CliIo(new StringReader(""), new StringWriter(), new StringWriter(), false, run.Folder.Path);
        using var host = BotHost.Build(ConfigurationSources.Build(run.Folder.Path, BothPlatforms, new Dictionary<string, string?>()), io);

        // The host starts hosted services one after another, in this order.
        var order = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        var database = order.IndexOf(typeof(DatabaseInitializer));

        Assert.True(database >= 0, string.Join(", ", order.Select(t => t.Name)));
        Assert.True(database < order.IndexOf(typeof(DiscordBotHostedService)), string.Join(", ", order.Select(t => t.Name)));
        Assert.True(database < order.IndexOf(typeof(SlackBotHostedService)), string.Join(", ", order.Select(t => t.Name)));
    }

    [Fact]
    public async Task Sigterm_while_the_database_migrates_exits_0_and_leaves_a_database_the_next_start_uses()
    {
        using var run = new HostRun();
        var error = new StringWriter();
        var io = new CliIo(new StringReader("/help\n"), new StringWriter(), error, false, run.Folder.Path);

        // ConsoleLifetime turns SIGTERM into StopApplication; here it comes as the migrations begin.
        var code = await BotHost.RunAsync([], io, new Dictionary<string, string?>(),
            services => services.AddSingleton<ILoggerProvider>(sp => new StopWhenLogged(sp, "Upgrading database")),
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.DoesNotContain("Exception", error.ToString(), StringComparison.Ordinal);
        // Nothing half-written: the schema's tables exist exactly when a migration is recorded as applied.
        var path = run.Folder.File("data/mathforml.db");
        var recorded = await ScalarAsync(path, "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'") == 1
            && await ScalarAsync(path, "SELECT count(*) FROM __EFMigrationsHistory") > 0;
        Assert.Equal(recorded, await ScalarAsync(path, "SELECT count(*) FROM sqlite_master WHERE name = 'StudyGroups'") == 1);
        SqliteConnection.ClearAllPools();
        Assert.Equal(ExitCodes.Ok, await run.RunAsync("/help\n"));
        Assert.Contains("/group setup", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_before_the_database_opens_exits_0()
    {
        using var run = new HostRun();
        var io = new CliIo(new StringReader("/help\n"), new StringWriter(), new StringWriter(), false, run.Folder.Path);

        var code = await BotHost.RunAsync([], io, new Dictionary<string, string?>(), services =>
        {
            var initializer = services.Single(d => d.ImplementationType == typeof(DatabaseInitializer));
            services.Insert(services.IndexOf(initializer), ServiceDescriptor.Singleton<IHostedService, StopOnStart>());
        }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Ok, code);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_stops_the_start_with_one_line_and_no_stack_trace()
    {
        using var run = new HostRun();
        Assert.Equal(ExitCodes.Ok, await run.RunAsync(""));
        await using (var connection = new SqliteConnection($"Data Source={run.Folder.File("data/mathforml.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory VALUES ('29990101000000_FromTheFuture', '99.0');";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(ExitCodes.Failure, await run.RunAsync("/help\n"));

        Assert.Contains("MathForML cannot start: The database", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class StopOnStart(IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Requests the stop from inside the code that logs <paramref name="text"/>, synchronously.</summary>
    private sealed class StopWhenLogged(IServiceProvider services, string text) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains(text, StringComparison.Ordinal))
            {
                // Resolved late: the lifetime itself logs, so it cannot be a constructor dependency.
                services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            }
        }

        public void Dispose()
        {
        }
    }
}
