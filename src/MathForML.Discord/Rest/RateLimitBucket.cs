namespace MathForML.Discord.Rest;

/// <summary>
/// The state of one Discord rate-limit bucket for one major parameter. Until the first response tells
/// us the limit, one request probes at a time. After that, requests take local tokens and wait
/// (pre-emptively) when the window is exhausted. A new window opens only once the reset time has passed
/// and every request of the previous one has answered: a slow answer may reveal that Discord's window
/// is not the one we assumed, and acting before it arrives could overrun the real one.
/// </summary>
internal sealed class RateLimitBucket(TimeProvider clock)
{
    /// <summary>When a response carries no headers while the window is exhausted, wait this long before probing again.</summary>
    public static readonly TimeSpan FallbackWindow = TimeSpan.FromSeconds(1);

    /// <summary>Added to every reset time: Reset-After has millisecond precision and our clock reads the
    /// response a little after Discord wrote it, so a request sent exactly at the computed reset could
    /// still land in the old window.</summary>
    public static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private bool _learned;
    private bool _unlimited;
    private int _limit = 1;
    private int _remaining = 1;
    private DateTimeOffset? _resetAt;
    private int _inFlight;

    public string? Hash { get; set; }

    private DateTimeOffset _lastUsed = clock.GetUtcNow();

    /// <summary>Nothing in flight, no window pending and unused since <paramref name="idleSince"/>: safe to forget.</summary>
    public bool IsIdle(DateTimeOffset now, DateTimeOffset idleSince)
    {
        lock (_gate)
        {
            return _inFlight == 0 && (_resetAt is null || _resetAt <= now) && _lastUsed <= idleSince;
        }
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan? wait;
            Task changed;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                _lastUsed = now;
                var windowOver = _resetAt is { } reset && now >= reset;
                if (windowOver && _inFlight == 0)
                {
                    _remaining = _limit;
                    _resetAt = null;
                    windowOver = false;
                }

                if (_unlimited || (_remaining > 0 && !windowOver))
                {
                    if (!_unlimited)
                    {
                        _remaining--;
                    }

                    _inFlight++;
                    return;
                }

                // Exhausted: wait for the reset, or for answers still in flight.
                wait = _resetAt is { } at && !windowOver ? at - now : null;
                changed = _changed.Task;
            }

            await WaitAsync(changed, wait, cancellationToken);
        }
    }

    /// <summary>Applies a response's X-RateLimit-* headers. <paramref name="responded"/> is false when the
    /// request timed out or failed on the network (Discord may or may not have counted it).</summary>
    public void Complete(RateLimitHeaders? headers, bool responded)
    {
        lock (_gate)
        {
            _inFlight--;
            var now = clock.GetUtcNow();
            if (headers is { Limit: { } limit, Remaining: { } remaining, ResetAfter: { } resetAfter })
            {
                _limit = limit;
                _unlimited = false;
                if (!_learned)
                {
                    _learned = true;
                    _remaining = remaining;
                    _resetAt = now + resetAfter + ResetMargin;
                }
                else
                {
                    _remaining = int.Min(_remaining, remaining);
                    var candidate = now + resetAfter + ResetMargin;
                    if (_resetAt is null || candidate > _resetAt)
                    {
                        _resetAt = candidate;
                    }
                }
            }
            else if (!_learned)
            {
                if (responded)
                {
                    // Discord sent no limit for this route: stop probing one at a time.
                    _learned = true;
                    _unlimited = true;
                }
                else
                {
                    // The probe failed without an answer: let the next attempt probe again.
                    _remaining = 1;
                }
            }

            if (!_unlimited && _remaining <= 0 && _resetAt is null && _inFlight == 0)
            {
                _resetAt = now + FallbackWindow;
            }

            Signal();
        }
    }

    /// <summary>A 429 for this bucket: nothing more until <paramref name="retryAfter"/> has passed.</summary>
    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _learned = true;
            _unlimited = false;
            _remaining = 0;
            // Discord's retry_after is authoritative for this bucket, even when earlier headers said otherwise.
            _resetAt = clock.GetUtcNow() + retryAfter + ResetMargin;

            Signal();
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WaitAsync(Task changed, TimeSpan? wait, CancellationToken cancellationToken)
    {
        if (wait is not { } delay)
        {
            await changed.WaitAsync(cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, clock, stop.Token);
        await Task.WhenAny(changed, timer);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>The rate-limit headers of one response.</summary>
internal sealed record RateLimitHeaders(string? Bucket, int? Limit, int? Remaining, TimeSpan? ResetAfter, bool Global, string? Scope);
