namespace MathForML.Slack.WebApi;

/// <summary>
/// Spaces messages to one channel by a minimum interval (Slack allows about one message per second per channel),
/// handing out time slots in call order so bursts queue instead of drawing 429s.
/// </summary>
internal sealed class ChannelPacer(TimeProvider time, TimeSpan interval, int maxTrackedChannels)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);

    public int TrackedChannels
    {
        get
        {
            lock (_gate)
            {
                return _nextSlot.Count;
            }
        }
    }

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            if (_nextSlot.Count >= maxTrackedChannels && !_nextSlot.ContainsKey(channel))
            {
                PruneIdle(now);
            }

            _nextSlot[channel] = slot + interval;
        }

        var wait = slot - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Channels whose next slot is already free carry no information; forget them.</summary>
    private void PruneIdle(DateTimeOffset now)
    {
        foreach (var (channel, next) in _nextSlot.ToArray())
        {
            if (next <= now)
            {
                _nextSlot.Remove(channel);
            }
        }
    }
}
