using System.Collections.Concurrent;
using MathForML.Host.Cli;
using MathForML.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.Host.Tests.Hosting;

public sealed class FatalPlatformTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // keeping the others running does not help when there are none
    public async Task Discord_closing_with_4004_stops_the_host_with_the_platform_exit_code_and_a_clear_line(bool keepRunning)
    {
        await using var discord = await FatalDiscord.StartAsync(4004);
        using var run = new HostRun();
        var logs = new RecordingLoggerProvider();
        var io = new CliIo(new StringReader(""), new StringWriter(), new StringWriter(), false, run.Folder.Path);
        string[] args =
        [
            "--Discord:Token=loopback-token.Xy_9", "--Discord:ApplicationId=111111111111111111", $"--Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            "--Local:Mode=Off", $"--Host:KeepRunningWhenAPlatformStops={keepRunning}",
        ];

        var code = await BotHost.RunAsync(args, io, new Dictionary<string, string?>(), s => s.AddSingleton<ILoggerProvider>(logs), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.PlatformStopped, code);
        var line = Assert.Single(logs.Lines, l => l.Text.Contains("MathForML is stopping", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Critical, line.Level);
        Assert.Contains("Discord adapter", line.Text, StringComparison.Ordinal);
        Assert.Contains("4004", line.Text, StringComparison.Ordinal);
        Assert.Equal(1, discord.Connections);
    }

    [Fact]
    public async Task An_unknown_host_setting_is_a_configuration_error()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("", ["--Host:KeepRunningWhenPlatformStops=true"]));
        Assert.Contains("Did you mean KeepRunningWhenAPlatformStops?", run.Error, StringComparison.Ordinal);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

        public IReadOnlyList<(LogLevel Level, string Text)> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
