namespace MathForML.Slack.Adapter;

/// <summary>
/// Whether the adapter is still working. A fatal Slack answer (token revoked, invalid auth, Socket Mode disabled)
/// stops the adapter, not the host: <see cref="Stop"/> records why, cancels <see cref="Stopped"/> and later posts
/// fail fast with that reason.
/// </summary>
public sealed class SlackAdapterState : IDisposable
{
    private readonly CancellationTokenSource _stopped = new();
    private string? _reason;

    /// <summary>Cancelled once the adapter stopped for good.</summary>
    public CancellationToken Stopped => _stopped.Token;

    public bool IsStopped => Volatile.Read(ref _reason) is not null;

    /// <summary>The operator-facing reason, once stopped.</summary>
    public string? StopReason => Volatile.Read(ref _reason);

    /// <summary>The bot's own user ID (from <c>auth.test</c>), used to strip "@MathForML" from mentions.</summary>
    public string? BotUserId { get; set; }

    /// <summary>Returns true for the call that stopped it.</summary>
    public bool Stop(string reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null)
        {
            return false;
        }

        _stopped.Cancel();
        return true;
    }

    public void Dispose() => _stopped.Dispose();
}
