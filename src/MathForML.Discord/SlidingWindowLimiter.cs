namespace MathForML.Discord;

/// <summary>
/// At most <c>limit</c> events in any window of <c>window</c> length (an exact sliding log, so a burst
/// at a window edge cannot double the rate as a refilling token bucket can). Callers may keep a number
/// of slots in reserve for higher-priority events. Thread-safe; time comes from the TimeProvider.
/// </summary>
internal sealed class SlidingWindowLimiter(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();

    public int Limit => limit;

    public TimeSpan Window => window;

    /// <summary>Takes a slot if fewer than <c>limit - reserve</c> are in use; otherwise says how long until one frees.</summary>
    public bool TryAcquire(int reserve, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            Expire(now);
            if (_recent.Count < limit - reserve)
            {
                _recent.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            // The slot we need frees when enough of the oldest entries have expired.
            var needToExpire = _recent.Count - (limit - reserve) + 1;
            var freesAt = _recent.ElementAt(needToExpire - 1) + window;
            retryAfter = freesAt - now;
            if (retryAfter <= TimeSpan.Zero)
            {
                retryAfter = TimeSpan.FromMilliseconds(1);
            }

            return false;
        }
    }

    public async ValueTask AcquireAsync(int reserve, CancellationToken cancellationToken)
    {
        while (!TryAcquire(reserve, out var wait))
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    public int CountInWindow()
    {
        lock (_gate)
        {
            Expire(clock.GetUtcNow());
            return _recent.Count;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= window)
        {
            _recent.Dequeue();
        }
    }
}
