namespace MathForML.Slack.SocketMode;

/// <summary>
/// Remembers delivery keys (event IDs, envelope IDs) for a time window, bounded in count, so that Slack's
/// retries and the same delivery arriving on two connections are handled once.
/// </summary>
internal sealed class DeliveryDeduplicator(TimeProvider time, TimeSpan window, int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seenAt = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset SeenAt)> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seenAt.Count;
            }
        }
    }

    /// <summary>True the first time a key is seen within the window; false for a repeat.</summary>
    public bool TryRegister(string key)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            if (_seenAt.ContainsKey(key))
            {
                return false;
            }

            while (_seenAt.Count >= capacity && _order.TryDequeue(out var oldest))
            {
                if (_seenAt.TryGetValue(oldest.Key, out var at) && at == oldest.SeenAt)
                {
                    _seenAt.Remove(oldest.Key);
                }
            }

            _seenAt[key] = now;
            _order.Enqueue((key, now));
            return true;
        }
    }

    /// <summary>Undoes a registration whose delivery was not accepted, so Slack's redelivery is not dropped.</summary>
    public void Forget(string key)
    {
        lock (_gate)
        {
            _seenAt.Remove(key);
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && oldest.SeenAt + window <= now)
        {
            _order.Dequeue();
            if (_seenAt.TryGetValue(oldest.Key, out var at) && at == oldest.SeenAt)
            {
                _seenAt.Remove(oldest.Key);
            }
        }
    }
}
