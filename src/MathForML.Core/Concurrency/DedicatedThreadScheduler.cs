using System.Collections.Concurrent;

namespace MathForML.Core.Concurrency;

/// <summary>
/// A task scheduler with its own fixed set of threads. Command handling runs here because parts of it block
/// (SQLite's "async" calls complete synchronously, busy waits included) or burn CPU (rendering): on the shared
/// .NET thread pool that would starve what must never wait — the gateway and Socket Mode receive loops,
/// heartbeats, acknowledgements and HTTP completions. An <c>await</c> inside work started here resumes here,
/// so the whole handler stays on these threads.
/// </summary>
internal sealed class DedicatedThreadScheduler : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static DedicatedThreadScheduler? t_current;

    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public DedicatedThreadScheduler(int threadCount, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        _threads = new Thread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"{name} {i + 1}" };
            _threads[i].Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Tasks waiting for one of the threads.</summary>
    public int Queued => _queue.Count;

    protected override void QueueTask(Task task)
    {
        if (!_queue.TryAdd(task))
        {
            // Disposed (the host is gone): run it anyway rather than lose it silently.
            ThreadPool.UnsafeQueueUserWorkItem(_ => TryExecuteTask(task), null);
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ReferenceEquals(t_current, this) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    public void Dispose()
    {
        _queue.CompleteAdding();
        _queue.Dispose();
    }

    private void Run()
    {
        t_current = this;
        try
        {
            foreach (var task in _queue.GetConsumingEnumerable())
            {
                TryExecuteTask(task);
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed while waiting: the thread ends.
        }
    }
}
