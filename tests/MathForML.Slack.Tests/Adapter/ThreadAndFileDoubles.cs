using System.Collections.Concurrent;
using System.Text;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Slack.Tests.Loopback;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>Core's <see cref="IThreadActivity"/> port, recording what the adapter reports (and failing on demand).</summary>
internal sealed class RecordingThreadActivity : IThreadActivity
{
    private int _failures;
    private int _calls;

    private event Action? Changed;

    public ConcurrentQueue<ThreadMessage> Recorded { get; } = new();

    /// <summary>Calls made, failed ones included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The next <paramref name="count"/> calls throw.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failures, count);

    public Task RecordAsync(ThreadMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new InvalidOperationException("thread log exploded");
            }

            Recorded.Enqueue(message);
            return Task.CompletedTask;
        }
        finally
        {
            Interlocked.Increment(ref _calls);
            Changed?.Invoke();
        }
    }

    /// <summary>Completes once <paramref name="count"/> calls were made (a signal, not a poll).</summary>
    public async Task WaitForCallsAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (Calls >= count)
            {
                reached.TrySetResult();
            }
        }

        Changed += Check;
        try
        {
            Check();
            await reached.Task.WaitAsync(TestWait.Limit);
        }
        finally
        {
            Changed -= Check;
        }
    }
}

/// <summary><c>/leaderboard</c> standing in for a data export: answers with <see cref="Reply"/>.</summary>
internal sealed class ExportTestHandler : ICommandHandler
{
    public const string Text = "Your records are attached.";
    public static readonly byte[] Csv = Encoding.UTF8.GetBytes("day,solved\n2026-01-05,1\n");
    public static readonly byte[] Json = Encoding.UTF8.GetBytes("""{"answers":[{"day":"2026-01-05","verdict":"correct"}]}""");

    public static ChatFile CsvFile => new(Csv, "mydata.csv", "text/csv", "Your participation records (CSV)");

    public static ChatFile JsonFile => new(Json, "mydata.json", "application/json", "Your participation records (JSON)");

    public ChatReply Reply { get; set; } = new() { Content = new MessageContent { Text = Text, Files = [CsvFile, JsonFile] } };

    public string Path => "leaderboard";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => Task.FromResult(Reply);
}
