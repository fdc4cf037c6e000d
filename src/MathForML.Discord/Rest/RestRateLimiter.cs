using System.Collections.Concurrent;

namespace MathForML.Discord.Rest;

/// <summary>
/// Per-route buckets (learned from X-RateLimit-Bucket and keyed with the major parameter, so routes
/// Discord groups under one hash share their state) and the global limit (50 requests/s, plus any
/// global 429 block).
/// </summary>
internal sealed class RestRateLimiter(TimeProvider clock, int globalPerSecond)
{
    /// <summary>Discord's documented global limit for bots.</summary>
    public const int DiscordGlobalPerSecond = 50;

    private readonly ConcurrentDictionary<string, RateLimitBucket> _byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byHash = new(StringComparer.Ordinal);
    private readonly SlidingWindowLimiter _global = new(globalPerSecond, TimeSpan.FromSeconds(1), clock);
    private readonly Lock _globalGate = new();
    private DateTimeOffset _globalBlockedUntil = DateTimeOffset.MinValue;

    /// <summary>Buckets unused this long are forgotten (every interaction token makes new routes).</summary>
    public static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(20);

    private DateTimeOffset _nextSweep = clock.GetUtcNow() + IdleBucketLifetime;

    public int BucketCount => _byRoute.Count;

    public RateLimitBucket BucketFor(RestRoute route)
    {
        SweepIdleBuckets();
        return _byRoute.GetOrAdd(route.BucketKey, _ => new RateLimitBucket(clock));
    }

    private void SweepIdleBuckets()
    {
        var now = clock.GetUtcNow();
        lock (_globalGate)
        {
            if (now < _nextSweep)
            {
                return;
            }

            _nextSweep = now + IdleBucketLifetime;
        }

        var idleSince = now - IdleBucketLifetime;
        foreach (var (key, bucket) in _byRoute)
        {
            if (bucket.IsIdle(now, idleSince))
            {
                _byRoute.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }

        foreach (var (key, bucket) in _byHash)
        {
            if (bucket.IsIdle(now, idleSince))
            {
                _byHash.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }
    }

    public async ValueTask WaitForGlobalAsync(RestRoute route, CancellationToken cancellationToken)
    {
        if (route.ExemptFromGlobalLimit)
        {
            return;
        }

        while (true)
        {
            TimeSpan blocked;
            lock (_globalGate)
            {
                blocked = _globalBlockedUntil - clock.GetUtcNow();
            }

            if (blocked > TimeSpan.Zero)
            {
                await Task.Delay(blocked, clock, cancellationToken);
                continue;
            }

            if (_global.TryAcquire(0, out var wait))
            {
                return;
            }

            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    public void BlockGlobally(TimeSpan retryAfter)
    {
        lock (_globalGate)
        {
            var until = clock.GetUtcNow() + retryAfter;
            if (until > _globalBlockedUntil)
            {
                _globalBlockedUntil = until;
            }
        }
    }

    /// <summary>Links the route to the bucket Discord named, so routes sharing a hash share a state.</summary>
    public void Learn(RestRoute route, RateLimitBucket bucket, string? hash)
    {
        if (hash is null || bucket.Hash == hash)
        {
            return;
        }

        bucket.Hash = hash;
        var shared = _byHash.GetOrAdd($"{hash}:{route.MajorParameter}", bucket);
        if (!ReferenceEquals(shared, bucket))
        {
            _byRoute[route.BucketKey] = shared;
        }
    }
}
