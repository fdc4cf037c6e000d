using MathForML.Core.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MathForML.Host.Hosting;

/// <summary>
/// Runs due items: sleeps until the next one is due (or the poll interval, for items added
/// meanwhile), runs what is due, and keeps going whatever one run throws.
/// </summary>
internal sealed partial class SchedulerHostedService(
    DueItemRunner runner,
    IDueItemStore store,
    TimeProvider time,
    ILogger<SchedulerHostedService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
                var next = await store.NextDueAtAsync(stoppingToken);
                var wait = next is { } due ? due - time.GetUtcNow() : PollInterval;
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > PollInterval ? PollInterval : wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The scheduler must outlive a failing run (e.g. the database briefly locked).
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRunFailed(exception);
                await Task.Delay(PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "A scheduler run failed; retrying after the poll interval")]
    private partial void LogRunFailed(Exception exception);
}
