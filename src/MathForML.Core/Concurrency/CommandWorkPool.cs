using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Core.Concurrency;

/// <summary>
/// Where every platform's command handling runs, off the receive loops: a bounded number in progress
/// (<see cref="CommandWorkOptions.MaxInFlight"/>), on dedicated threads (<see cref="DedicatedThreadScheduler"/>),
/// with a bounded queue in front. Adapters acknowledge an interaction on the receive path before they submit its
/// work, so a long queue delays answers, never acknowledgements. Failures are contained and logged; shutdown
/// waits for work in progress (<see cref="DrainAsync"/>).
/// </summary>
public sealed partial class CommandWorkPool : IDisposable
{
    private readonly DedicatedThreadScheduler _scheduler;
    private readonly SemaphoreSlim _slots;
    private readonly CommandWorkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, Task> _tracked = new();
    private readonly CancellationTokenSource _cancel = new();
    private long _next;
    private int _accepted;
    private int _running;

    public CommandWorkPool(IOptions<CommandWorkOptions> options, TimeProvider time, ILogger<CommandWorkPool>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _scheduler = new DedicatedThreadScheduler(_options.EffectiveWorkerThreads, "command worker");
        _slots = new SemaphoreSlim(_options.MaxInFlight, _options.MaxInFlight);
    }

    /// <summary>Work accepted and not finished (waiting or running), plus tracked acknowledgements.</summary>
    public int InFlight => _tracked.Count;

    /// <summary>Work accepted that waits for a slot.</summary>
    public int Waiting => Volatile.Read(ref _accepted) - Volatile.Read(ref _running);

    /// <summary>Cancelled when shutdown gave up waiting; work should stop at its next await.</summary>
    public CancellationToken Stopping => _cancel.Token;

    /// <summary>
    /// Accepts <paramref name="work"/> to run on a worker; false when the queue is full (the caller answers "busy").
    /// <paramref name="kind"/> and <paramref name="who"/> only name the work in logs.
    /// </summary>
    public bool TrySubmit(string kind, string who, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Increment(ref _accepted) > _options.MaxQueued + _options.MaxInFlight)
        {
            Interlocked.Decrement(ref _accepted);
            LogQueueFull(kind, who, _options.MaxQueued);
            return false;
        }

        var token = _cancel.Token;
        var task = Task.Factory.StartNew(() => RunAsync(kind, who, work, token), CancellationToken.None,
            TaskCreationOptions.DenyChildAttach, _scheduler).Unwrap();
        Track(task);
        return true;
    }

    /// <summary>Keeps <paramref name="task"/> (an acknowledgement or immediate reply started on a receive path) in
    /// what shutdown waits for, and logs it if it fails.</summary>
    public void Track(Task task, string kind = "reply", string who = "")
    {
        ArgumentNullException.ThrowIfNull(task);
        var id = Interlocked.Increment(ref _next);
        _tracked[id] = task;
        _ = task.ContinueWith(done =>
        {
            _tracked.TryRemove(id, out _);
            if (done.IsFaulted)
            {
                LogFailed(done.Exception.GetBaseException(), kind, who);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits up to <paramref name="grace"/> for accepted work, then cancels what is left and waits for it to stop.</summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        var pending = _tracked.Values.ToArray();
        if (pending.Length == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(grace, _time);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(_tracked.Count, grace.TotalSeconds);
            await _cancel.CancelAsync();
            await Task.WhenAll(pending).WaitAsync(grace, _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception) when (pending.All(t => t.IsCompleted))
        {
            // Failures were logged as each task ended.
        }
    }

    public void Dispose()
    {
        _cancel.Dispose();
        _slots.Dispose();
        _scheduler.Dispose();
    }

    private async Task RunAsync(string kind, string who, Func<CancellationToken, Task> work, CancellationToken token)
    {
        try
        {
            await _slots.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _accepted);
            return;
        }

        Interlocked.Increment(ref _running);
        try
        {
            await work(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutdown outlasted its grace period.
        }
#pragma warning disable CA1031 // One failing command is logged; it must not take the pool, an adapter or the host down.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogFailed(error, kind, who);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Decrement(ref _accepted);
            _slots.Release();
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Error, Message = "{Kind} for {Who} failed")]
    private partial void LogFailed(Exception error, string kind, string who);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Too many commands waiting ({MaxQueued}); {Kind} for {Who} was turned away")]
    private partial void LogQueueFull(string kind, string who, int maxQueued);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Shutdown: {Count} command(s) still running after {Seconds} s; cancelling them")]
    private partial void LogDrainTimedOut(int count, double seconds);
}
