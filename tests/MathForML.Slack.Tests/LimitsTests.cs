using MathForML.Slack.SocketMode;
using MathForML.Slack.WebApi;
using MathForML.TestKit;

namespace MathForML.Slack.Tests;

public sealed class LimitsTests
{
    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999999, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(10, 0.0, 30_000)] // capped at 60 s: half fixed
    [InlineData(1000, 0.999999, 60_000)] // huge attempt numbers neither overflow nor exceed the cap
    public void Backoff_doubles_with_equal_jitter_and_is_capped(int attempt, double fraction, double expectedMs)
    {
        var delay = Backoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), fraction);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, 0.5);
    }

    [Fact]
    public void Random_backoff_stays_within_half_and_full_step()
    {
        for (var i = 0; i < 200; i++)
        {
            var delay = Backoff.Delay(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        }
    }

    [Fact]
    public void Deduplicator_drops_repeats_within_the_window_and_forgets_after_it()
    {
        var clock = new FakeTimeProvider();
        var dedup = new DeliveryDeduplicator(clock, TimeSpan.FromMinutes(10), 100);

        var first = dedup.TryRegister("event:Ev1");
        clock.Advance(TimeSpan.FromMinutes(9));
        var repeatInside = dedup.TryRegister("event:Ev1");
        clock.Advance(TimeSpan.FromMinutes(1));
        var repeatAfter = dedup.TryRegister("event:Ev1");

        Assert.True(first);
        Assert.False(repeatInside);
        Assert.True(repeatAfter);
    }

    [Fact]
    public void Deduplicator_is_bounded_and_evicts_the_oldest_key()
    {
        var dedup = new DeliveryDeduplicator(new FakeTimeProvider(), TimeSpan.FromMinutes(10), capacity: 3);

        foreach (var key in (string[])["a", "b", "c", "d"])
        {
            dedup.TryRegister(key);
        }

        Assert.Equal(3, dedup.Count);
        Assert.True(dedup.TryRegister("a")); // evicted, so new again
        Assert.False(dedup.TryRegister("d"));
    }

    [Fact]
    public void Deduplicator_forget_lets_a_redelivery_through()
    {
        var dedup = new DeliveryDeduplicator(new FakeTimeProvider(), TimeSpan.FromMinutes(10), 10);

        dedup.TryRegister("envelope:x");
        dedup.Forget("envelope:x");

        Assert.True(dedup.TryRegister("envelope:x"));
    }

    [Fact]
    public async Task Method_limiter_blocks_only_its_method_until_the_retry_time()
    {
        var clock = new FakeTimeProvider();
        var limiter = new MethodRateLimiter(clock);

        limiter.Block("chat.postMessage", TimeSpan.FromSeconds(30));
        limiter.Block("chat.postMessage", TimeSpan.FromSeconds(5)); // a shorter block never shortens a longer one
        var blocked = limiter.WaitAsync("chat.postMessage", CancellationToken.None);
        var other = limiter.WaitAsync("users.info", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(29));
        var stillBlocked = !blocked.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(other.IsCompletedSuccessfully);
        Assert.True(stillBlocked);
        Assert.Null(limiter.BlockedUntil("chat.postMessage"));
    }

    [Fact]
    public async Task Channel_pacer_spaces_one_channel_by_the_interval_in_call_order()
    {
        var clock = new FakeTimeProvider();
        var pacer = new ChannelPacer(clock, TimeSpan.FromSeconds(1), maxTrackedChannels: 10);

        var first = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var second = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var third = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var otherChannel = pacer.WaitTurnAsync("C2", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var secondAfterOne = second.IsCompleted;
        var thirdAfterOne = third.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(otherChannel.IsCompletedSuccessfully);
        Assert.True(secondAfterOne);
        Assert.False(thirdAfterOne);
    }

    [Fact]
    public void Channel_pacer_forgets_idle_channels_beyond_its_limit()
    {
        var clock = new FakeTimeProvider();
        var pacer = new ChannelPacer(clock, TimeSpan.FromSeconds(1), maxTrackedChannels: 2);

        _ = pacer.WaitTurnAsync("C1", CancellationToken.None);
        _ = pacer.WaitTurnAsync("C2", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        _ = pacer.WaitTurnAsync("C3", CancellationToken.None);

        Assert.Equal(1, pacer.TrackedChannels);
    }
}
