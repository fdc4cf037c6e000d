using MathForML.Discord.Rest;
using MathForML.TestKit;

namespace MathForML.Discord.Tests;

/// <summary>Limiter pacing checked with a clock that moves only when the test moves it.</summary>
public sealed class RateLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Global_limiter_lets_exactly_50_through_per_second()
    {
        var limiter = new RestRateLimiter(_clock, RestRateLimiter.DiscordGlobalPerSecond);
        var route = RestRoute.GetCurrentUser();

        var waits = Enumerable.Range(0, 120).Select(_ => limiter.WaitForGlobalAsync(route, CancellationToken.None).AsTask()).ToArray();
        await Task.Yield();

        Assert.Equal(50, waits.Count(w => w.IsCompletedSuccessfully));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Yield();
        Assert.Equal(50, waits.Count(w => w.IsCompletedSuccessfully));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.HoldsAsync(() => waits.Count(w => w.IsCompleted) == 100, "second batch");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => waits.All(w => w.IsCompleted), "third batch");
    }

    [Fact]
    public async Task Interaction_routes_are_exempt_from_the_global_limit()
    {
        var limiter = new RestRateLimiter(_clock, 1);
        var route = RestRoute.InteractionCallback("1", "t");

        for (var i = 0; i < 10; i++)
        {
            await limiter.WaitForGlobalAsync(route, CancellationToken.None).AsTask().WaitAsync(Eventually.RealTimeout);
        }
    }

    [Fact]
    public async Task Bucket_hands_out_only_the_remaining_tokens_then_waits_for_reset()
    {
        var bucket = new RateLimitBucket(_clock);
        await bucket.AcquireAsync(CancellationToken.None);
        var waiting = Enumerable.Range(0, 6).Select(_ => bucket.AcquireAsync(CancellationToken.None).AsTask()).ToArray();
        Assert.DoesNotContain(waiting, w => w.IsCompleted);

        bucket.Complete(new RateLimitHeaders("h", 5, 4, TimeSpan.FromSeconds(2), false, null), responded: true);
        await Eventually.HoldsAsync(() => waiting.Count(w => w.IsCompleted) == 4, "four tokens");
        for (var remaining = 3; remaining >= 0; remaining--)
        {
            bucket.Complete(new RateLimitHeaders("h", 5, remaining, TimeSpan.FromSeconds(2), false, null), responded: true);
        }

        _clock.Advance(TimeSpan.FromSeconds(2) + RateLimitBucket.ResetMargin - TimeSpan.FromMilliseconds(1));
        Assert.Equal(4, waiting.Count(w => w.IsCompleted));

        // A waiter that parked its timer after the clock moved waits a full window from then: nudge the
        // clock (bounded) rather than assume every timer existed before the jump.
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.PumpUntilAsync(_clock, () => waiting.All(w => w.IsCompleted), TimeSpan.FromMilliseconds(50), "reset", maxFakeTime: TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_new_window_waits_for_answers_still_in_flight_and_learns_from_them()
    {
        var bucket = new RateLimitBucket(_clock);
        await bucket.AcquireAsync(CancellationToken.None);
        bucket.Complete(new RateLimitHeaders("h", 2, 1, TimeSpan.FromSeconds(1), false, null), responded: true);
        await bucket.AcquireAsync(CancellationToken.None); // slow request, still in flight
        _clock.Advance(TimeSpan.FromSeconds(1) + RateLimitBucket.ResetMargin);

        var next = bucket.AcquireAsync(CancellationToken.None).AsTask();

        Assert.False(next.IsCompleted);
        // The slow answer shows Discord counted it in a window ending 2 s from now: wait for that one.
        bucket.Complete(new RateLimitHeaders("h", 2, 1, TimeSpan.FromSeconds(2), false, null), responded: true);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(next.IsCompleted);
        _clock.Advance(RateLimitBucket.ResetMargin);
        await next.WaitAsync(Eventually.RealTimeout);
    }

    [Fact]
    public async Task A_429_blocks_the_bucket_for_retry_after()
    {
        var bucket = new RateLimitBucket(_clock);
        await bucket.AcquireAsync(CancellationToken.None);
        bucket.Complete(new RateLimitHeaders("h", 5, 4, TimeSpan.FromSeconds(5), false, null), responded: true);

        bucket.BlockFor(TimeSpan.FromSeconds(3));
        var next = bucket.AcquireAsync(CancellationToken.None).AsTask();

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(next.IsCompleted);
        _clock.Advance(RateLimitBucket.ResetMargin);
        await next.WaitAsync(Eventually.RealTimeout);
    }

    [Fact]
    public async Task Routes_without_limit_headers_are_not_serialized()
    {
        var bucket = new RateLimitBucket(_clock);
        await bucket.AcquireAsync(CancellationToken.None);
        bucket.Complete(new RateLimitHeaders(null, null, null, null, false, null), responded: true);

        var many = Enumerable.Range(0, 100).Select(_ => bucket.AcquireAsync(CancellationToken.None).AsTask()).ToArray();

        Assert.All(many, t => Assert.True(t.IsCompletedSuccessfully));
    }

    [Fact]
    public void Sliding_window_keeps_reserved_slots_for_priority_sends()
    {
        var window = new SlidingWindowLimiter(10, TimeSpan.FromSeconds(60), _clock);

        var normal = Enumerable.Range(0, 10).Count(i => window.TryAcquire(3, out _));
        var priority = Enumerable.Range(0, 10).Count(i => window.TryAcquire(0, out _));

        Assert.Equal(7, normal);
        Assert.Equal(3, priority);
        Assert.False(window.TryAcquire(0, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(60), wait);
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(window.TryAcquire(3, out _));
    }

    [Theory]
    [InlineData(0, 250, 500)]
    [InlineData(1, 500, 1000)]
    [InlineData(3, 2000, 4000)]
    [InlineData(10, 4000, 8000)]
    public void Retry_delay_doubles_with_jitter_and_is_capped(int attempt, int minMs, int maxMs)
    {
        var tuning = new RestTuning();

        for (var i = 0; i < 20; i++)
        {
            Assert.InRange(tuning.RetryDelay(attempt).TotalMilliseconds, minMs, maxMs);
        }
    }

    [Theory]
    [InlineData("POST", "channels/1/messages", "channels/2/messages", false)]
    [InlineData("PATCH", "channels/1/messages/10", "channels/1/messages/11", true)]
    public void Route_keys_keep_major_parameters_and_fold_minor_ones(string method, string pathA, string pathB, bool sameKey)
    {
        RestRoute Make(string path) => method == "POST"
            ? RestRoute.CreateMessage(path.Split('/')[1])
            : RestRoute.EditMessage(path.Split('/')[1], path.Split('/')[3]);

        Assert.Equal(sameKey, Make(pathA).BucketKey == Make(pathB).BucketKey);
    }

    [Fact]
    public async Task Idle_buckets_are_forgotten_so_per_interaction_routes_do_not_accumulate()
    {
        var limiter = new RestRateLimiter(_clock, RestRateLimiter.DiscordGlobalPerSecond);
        for (var i = 0; i < 100; i++)
        {
            var bucket = limiter.BucketFor(RestRoute.InteractionCallback($"{i}", $"token-{i}"));
            await bucket.AcquireAsync(CancellationToken.None);
            bucket.Complete(new RateLimitHeaders(null, null, null, null, false, null), responded: true);
        }

        Assert.Equal(100, limiter.BucketCount);
        _clock.Advance(RestRateLimiter.IdleBucketLifetime);
        limiter.BucketFor(RestRoute.GetCurrentUser());

        Assert.Equal(1, limiter.BucketCount);
    }

    [Fact]
    public async Task Identify_limiter_spaces_identifies_per_max_concurrency_bucket()
    {
        var limiter = new MathForML.Discord.Gateway.IdentifyLimiter(_clock);
        limiter.Update(new SessionStartLimit(1000, 1000, 0, MaxConcurrency: 2));
        Task Identify(int shard) => limiter.WaitForSlotAsync(shard, _ => Task.FromResult<SessionStartLimit?>(null), _ => { }, CancellationToken.None);

        await Identify(0).WaitAsync(Eventually.RealTimeout);
        await Identify(1).WaitAsync(Eventually.RealTimeout);
        var shard2 = Identify(2);

        Assert.False(shard2.IsCompleted);
        _clock.Advance(MathForML.Discord.Gateway.GatewayLimits.IdentifySpacing - TimeSpan.FromMilliseconds(1));
        Assert.False(shard2.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await shard2.WaitAsync(Eventually.RealTimeout);
        Assert.Equal(997, limiter.Remaining);
    }

    [Fact]
    public void Interaction_route_key_includes_the_token_but_the_log_name_does_not()
    {
        var route = RestRoute.EditOriginalInteractionResponse("1", "secret-token");

        Assert.Contains("secret-token", route.BucketKey, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", route.LogName, StringComparison.Ordinal);
        Assert.True(route.ExemptFromGlobalLimit);
    }
}
