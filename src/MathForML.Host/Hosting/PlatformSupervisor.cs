using MathForML.Discord.Gateway;
using MathForML.Discord.Hosting;
using MathForML.Host.Cli;
using MathForML.Slack.Adapter;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Host.Hosting;

/// <summary>
/// One chat platform as the host sees it: a wait that completes with the operator-facing reason when the
/// adapter stopped on its own, or with null when it stopped because the host is shutting down.
/// </summary>
internal sealed record PlatformWatch(string Platform, Func<CancellationToken, Task<string?>> WaitForStopAsync)
{
    /// <summary>The Discord adapter reports a crash as Unauthorized; both are fatal.</summary>
    public static PlatformWatch ForDiscord(DiscordBotHostedService discord) => new("Discord", async cancellationToken =>
    {
        var reason = await discord.Stopped.WaitAsync(cancellationToken);
        return reason.Kind switch
        {
            GatewayStopKind.Cancelled => null,
            GatewayStopKind.FatalCloseCode => $"Discord closed the gateway with {reason.CloseCode} ({reason.Message})",
            _ => reason.Message,
        };
    });

    /// <summary>The Slack adapter cancels <see cref="SlackAdapterState.Stopped"/> only when it stops itself.</summary>
    public static PlatformWatch ForSlack(SlackAdapterState slack) => new("Slack", async cancellationToken =>
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (slack.Stopped.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task.WaitAsync(cancellationToken);
        }

        return slack.StopReason ?? "stopped";
    });
}

/// <summary>The exit code the host ends with when something other than a shutdown request stopped it.</summary>
internal sealed class HostExit
{
    private int _code = ExitCodes.Ok;

    public int Code => Volatile.Read(ref _code);

    /// <summary>Keeps the first non-zero code.</summary>
    public void Fail(int code) => Interlocked.CompareExchange(ref _code, code, ExitCodes.Ok);
}

/// <summary>
/// Stops the host when a platform stops for good, so a supervisor (systemd, Docker, Kubernetes) sees a
/// non-zero exit instead of a process idling with no platform. <see cref="BotHostOptions.KeepRunningWhenAPlatformStops"/>
/// keeps the others serving; when none is left (and no terminal chat serves), the host stops regardless.
/// </summary>
internal sealed partial class PlatformSupervisor(
    IEnumerable<PlatformWatch> platforms,
    IOptions<BotHostOptions> options,
    HostExit exit,
    IHostApplicationLifetime lifetime,
    ILogger<PlatformSupervisor> logger,
    bool otherChannelServes) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waits = platforms.Select(p => (p.Platform, Task: p.WaitForStopAsync(stoppingToken))).ToList();
        while (waits.Count > 0)
        {
            await Task.WhenAny(waits.Select(w => w.Task));
            if (stoppingToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return; // a stop we asked for: the adapters stopping now is no failure
            }

            var done = waits.First(w => w.Task.IsCompleted);
            waits.Remove(done);
            if (done.Task.IsCanceled || await done.Task is not { } reason)
            {
                continue;
            }

            if (options.Value.KeepRunningWhenAPlatformStops && (waits.Count > 0 || otherChannelServes))
            {
                LogKeptRunning(done.Platform, reason);
                continue;
            }

            LogStoppingHost(done.Platform, reason, ExitCodes.PlatformStopped);
            exit.Fail(ExitCodes.PlatformStopped);
            lifetime.StopApplication();
            return;
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Critical,
        Message = "MathForML is stopping (exit code {ExitCode}): the {Platform} adapter stopped for good: {Reason}. Fix it and start again (Host:KeepRunningWhenAPlatformStops=true keeps the other platforms running).")]
    private partial void LogStoppingHost(string platform, string reason, int exitCode);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Critical,
        Message = "The {Platform} adapter stopped for good: {Reason}. MathForML keeps serving without it (Host:KeepRunningWhenAPlatformStops).")]
    private partial void LogKeptRunning(string platform, string reason);
}
