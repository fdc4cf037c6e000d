using System.Threading.Channels;
using MathForML.TestKit;

namespace MathForML.Slack.Tests.Loopback;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer's due time as it is created, so a test can wait
/// until the client has scheduled (say) its reconnect delay and then advance the clock past it: no sleeping,
/// no racing the client.
/// </summary>
internal sealed class SignallingClock : TimeProvider
{
    private readonly FakeTimeProvider _inner = new();
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan delta) => _inner.Advance(delta);

    /// <summary>Waits until a timer whose due time satisfies <paramref name="match"/> has been created; returns its due time.</summary>
    public async Task<TimeSpan> TimerScheduledAsync(Func<TimeSpan, bool> match)
    {
        using var limit = new CancellationTokenSource(TestWait.Limit);
        while (true)
        {
            var due = await _created.Reader.ReadAsync(limit.Token);
            if (match(due))
            {
                return due;
            }
        }
    }
}
