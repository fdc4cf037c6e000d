namespace MathForML.Slack.WebApi;

/// <summary>
/// Remembers, per Web API method, the time before which Slack told us (HTTP 429 <c>Retry-After</c>) not to call it
/// again, and holds every call of that method until then; other methods are not affected.
/// </summary>
internal sealed class MethodRateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    public void Block(string method, TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            if (!_blockedUntil.TryGetValue(method, out var current) || current < until)
            {
                _blockedUntil[method] = until;
            }
        }
    }

    public DateTimeOffset? BlockedUntil(string method)
    {
        lock (_gate)
        {
            return _blockedUntil.TryGetValue(method, out var until) && until > time.GetUtcNow() ? until : null;
        }
    }

    public async Task WaitAsync(string method, CancellationToken cancellationToken)
    {
        while (BlockedUntil(method) is { } until)
        {
            var wait = until - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        lock (_gate)
        {
            // Expired entries are dropped so the map never outgrows the set of methods we use.
            if (_blockedUntil.TryGetValue(method, out var until) && until <= time.GetUtcNow())
            {
                _blockedUntil.Remove(method);
            }
        }
    }
}
