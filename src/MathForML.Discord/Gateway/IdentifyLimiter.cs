using MathForML.Discord.Rest;

namespace MathForML.Discord.Gateway;

/// <summary>
/// Paces IDENTIFY: at most one per <see cref="GatewayLimits.IdentifySpacing"/> per rate-limit key
/// (<c>shard_id % max_concurrency</c>), and none while <c>session_start_limit.remaining</c> is zero
/// until its <c>reset_after</c> has passed. Share one instance between shards of a process.
/// </summary>
public sealed class IdentifyLimiter(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByKey = [];
    private int _remaining = 1;
    private int _maxConcurrency = 1;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;
    private bool _known;

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _remaining;
            }
        }
    }

    public void Update(SessionStartLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        lock (_gate)
        {
            _known = true;
            _remaining = limit.Remaining;
            _maxConcurrency = int.Max(1, limit.MaxConcurrency);
            _resetAt = clock.GetUtcNow() + TimeSpan.FromMilliseconds(limit.ResetAfter);
        }
    }

    /// <summary>Waits for an identify slot and takes it. <paramref name="refresh"/> re-reads the limit
    /// from <c>/gateway/bot</c> once the reset time has passed.</summary>
    internal async Task WaitForSlotAsync(int shardId, Func<CancellationToken, Task<SessionStartLimit?>> refresh,
        Action<TimeSpan> onExhausted, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            bool needRefresh = false;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (_known && _remaining <= 0)
                {
                    wait = _resetAt - now;
                    needRefresh = wait <= TimeSpan.Zero;
                }
                else
                {
                    var key = shardId % _maxConcurrency;
                    var next = _lastIdentifyByKey.TryGetValue(key, out var last) ? last + GatewayLimits.IdentifySpacing : now;
                    wait = next - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        _lastIdentifyByKey[key] = now;
                        _remaining--;
                        return;
                    }
                }
            }

            if (needRefresh)
            {
                var fresh = await refresh(cancellationToken);
                if (fresh is not null)
                {
                    Update(fresh);
                    continue;
                }

                // Could not refresh: try again after a spacing interval rather than spinning.
                wait = GatewayLimits.IdentifySpacing;
            }
            else if (_known && Remaining <= 0)
            {
                onExhausted(wait);
            }

            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
