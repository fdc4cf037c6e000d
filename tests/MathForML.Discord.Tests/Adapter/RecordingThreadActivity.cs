using MathForML.Core.Chat;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>The <see cref="IThreadActivity"/> port as a test sees it: records every message, or fails when told to.</summary>
internal sealed class RecordingThreadActivity : IThreadActivity
{
    private readonly List<ThreadMessage> _received = [];

    /// <summary>Runs before recording; throw from it to simulate a failing Core.</summary>
    public Action<ThreadMessage>? Before { get; set; }

    public IReadOnlyList<ThreadMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public Task RecordAsync(ThreadMessage message, CancellationToken cancellationToken)
    {
        Before?.Invoke(message);
        lock (_received)
        {
            _received.Add(message);
        }

        return Task.CompletedTask;
    }
}
