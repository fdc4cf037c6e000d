using MathForML.Host.Cli;
using MathForML.Host.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Host.Tests.Hosting;

public sealed class PlatformSupervisorTests : IDisposable
{
    private readonly TaskCompletionSource<string?> _discord = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _slack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FakeLifetime _lifetime = new();
    private readonly HostExit _exit = new();
    private readonly RecordingLogger _logger = new();

    [Fact]
    public async Task A_platform_that_stops_for_good_stops_the_host_with_its_exit_code_and_one_critical_line()
    {
        using var supervisor = Supervisor(keepRunning: false);
        await supervisor.StartAsync(CancellationToken.None);

        _discord.SetResult("Discord closed the gateway with 4004 (authentication failed)");
        await _lifetime.StopRequested.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.PlatformStopped, _exit.Code);
        var line = Assert.Single(_logger.Lines, l => l.Level == LogLevel.Critical);
        Assert.Contains("Discord", line.Text, StringComparison.Ordinal);
        Assert.Contains("4004", line.Text, StringComparison.Ordinal);
        Assert.Contains("exit code 4", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_keep_running_the_other_platform_serves_on_until_it_stops_too()
    {
        using var supervisor = Supervisor(keepRunning: true);
        await supervisor.StartAsync(CancellationToken.None);

        _slack.SetResult("token_revoked");
        await _logger.Logged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(_lifetime.StopRequested.Task.IsCompleted);
        Assert.Equal(ExitCodes.Ok, _exit.Code);

        _discord.SetResult("the token was rejected");
        await _lifetime.StopRequested.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.PlatformStopped, _exit.Code);
    }

    [Fact]
    public async Task With_keep_running_and_the_terminal_serving_the_host_keeps_running()
    {
        using var supervisor = Supervisor(keepRunning: true, terminal: true);
        await supervisor.StartAsync(CancellationToken.None);

        _slack.SetResult("token_revoked");
        _discord.SetResult("the token was rejected");
        await Task.WhenAll(_slack.Task, _discord.Task);
        await supervisor.StopAsync(CancellationToken.None);

        Assert.False(_lifetime.StopRequested.Task.IsCompleted);
        Assert.Equal(ExitCodes.Ok, _exit.Code);
    }

    [Fact]
    public async Task Platforms_stopping_because_the_host_shuts_down_are_no_failure()
    {
        using var supervisor = Supervisor(keepRunning: false);
        await supervisor.StartAsync(CancellationToken.None);

        _lifetime.StopApplication();
        _discord.SetResult("cancelled while stopping");
        await supervisor.StopAsync(CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, _exit.Code);
        Assert.DoesNotContain(_logger.Lines, l => l.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task A_platform_that_reports_a_plain_stop_is_no_failure()
    {
        using var supervisor = Supervisor(keepRunning: false);
        await supervisor.StartAsync(CancellationToken.None);

        _discord.SetResult(null);
        _slack.SetResult("token_revoked");
        await _lifetime.StopRequested.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var line = Assert.Single(_logger.Lines, l => l.Level == LogLevel.Critical);
        Assert.Contains("Slack", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Slack_watch_reports_the_adapter_stopping_itself_with_its_reason()
    {
        using var state = new MathForML.Slack.Adapter.SlackAdapterState();
        var wait = PlatformWatch.ForSlack(state).WaitForStopAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        state.Stop("Slack says the bot token was revoked (token_revoked).");

        Assert.Equal("Slack says the bot token was revoked (token_revoked).", await wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    public void Dispose() => _lifetime.Dispose();

    private PlatformSupervisor Supervisor(bool keepRunning, bool terminal = false) => new(
        [new PlatformWatch("Discord", ct => _discord.Task.WaitAsync(ct)), new PlatformWatch("Slack", ct => _slack.Task.WaitAsync(ct))],
        Options.Create(new BotHostOptions { KeepRunningWhenAPlatformStops = keepRunning }),
        _exit,
        _lifetime,
        _logger,
        terminal);

    private sealed class FakeLifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public TaskCompletionSource StopRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
            _stopping.Cancel();
            StopRequested.TrySetResult();
        }

        public void Dispose() => _stopping.Dispose();
    }

    private sealed class RecordingLogger : ILogger<PlatformSupervisor>
    {
        private readonly List<(LogLevel Level, string Text)> _lines = [];

        public TaskCompletionSource Logged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<(LogLevel Level, string Text)> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add((logLevel, formatter(state, exception)));
            }

            Logged.TrySetResult();
        }
    }
}
