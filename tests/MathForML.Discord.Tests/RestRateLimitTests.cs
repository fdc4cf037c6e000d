using System.Text.Json;
using MathForML.Discord.Rest;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests;

public sealed class RestRateLimitTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _clock = new();
    private LoopbackDiscord _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackDiscord.StartAsync(_clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Twenty_concurrent_sends_on_a_bucket_of_five_never_exceed_it()
    {
        _server.RateLimit = new ServerRateLimit("msgbucket", Limit: 5, TimeSpan.FromSeconds(2),
            (method, route) => route.StartsWith("channels/", StringComparison.Ordinal) ? route.Split('/')[1] : null);
        var rest = Clients.Rest(_server, _clock);

        var sends = Enumerable.Range(0, 20)
            .Select(i => rest.CreateMessageAsync("555555555555555555", new MessageContent { Content = $"m{i}" }))
            .ToArray();
        // Start the clock only once the first request has arrived, so arrival times measure the client's pacing.
        await Eventually.HoldsAsync(() => _server.Requests.Count >= 1, "the first request");
        await Eventually.PumpUntilAsync(_clock, () => sends.All(s => s.IsCompleted), Step, "20 sends");

        Assert.All(await Task.WhenAll(sends), s => Assert.True(s.IsSuccess));
        Assert.Equal(0, _server.BucketViolations);
        Assert.Equal(20, _server.Requests.Count);
        // Windows of 2 s: 20 requests need at least 3 full resets.
        var span = _server.Requests.Max(r => r.At) - _server.Requests.Min(r => r.At);
        Assert.True(span >= TimeSpan.FromSeconds(6), $"span {span}");
    }

    [Fact]
    public async Task Buckets_are_per_major_parameter_so_another_channel_is_not_held_back()
    {
        _server.RateLimit = new ServerRateLimit("msgbucket", Limit: 1, TimeSpan.FromSeconds(10),
            (method, route) => route.StartsWith("channels/", StringComparison.Ordinal) ? route.Split('/')[1] : null);
        var rest = Clients.Rest(_server, _clock);
        await rest.CreateMessageAsync("1", new MessageContent { Content = "a" });

        var otherChannel = await rest.CreateMessageAsync("2", new MessageContent { Content = "b" }).WaitAsync(Eventually.RealTimeout);

        Assert.True(otherChannel.IsSuccess);
        Assert.Equal(0, _server.BucketViolations);
    }

    [Fact]
    public async Task Route_429_waits_retry_after_from_the_json_body_then_succeeds()
    {
        var calls = 0;
        _server.Misbehave = r => Interlocked.Increment(ref calls) == 1
            ? new CannedReply(429, new { message = "slow down", retry_after = 1.5, global = false },
                new Dictionary<string, string> { ["X-RateLimit-Scope"] = "user", ["Retry-After"] = "30" })
            : null;
        var rest = Clients.Rest(_server, _clock);

        var sending = rest.CreateMessageAsync("555", new MessageContent { Content = "x" });
        await Eventually.HoldsAsync(() => _server.Requests.Count >= 1, "the first request");
        var result = await Eventually.PumpAsync(_clock, sending, Step);

        Assert.True(result.IsSuccess);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        // The body's 1.5 s, not the header's 30 s (the upper bound leaves room for the pump's steps).
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Global_429_holds_back_every_route_until_retry_after()
    {
        var calls = 0;
        _server.Misbehave = r => Interlocked.Increment(ref calls) == 1
            ? new CannedReply(429, new { message = "global", retry_after = 3.0, global = true },
                new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" })
            : null;
        var logger = new ListLogger();
        var rest = Clients.Rest(_server, _clock, logger);

        var first = rest.CreateMessageAsync("555", new MessageContent { Content = "x" });
        await Eventually.HoldsAsync(() => logger.Entries.Any(e => e.Level == LogLevel.Warning), "the client to see the global 429");
        var other = rest.GetCurrentUserAsync();
        await Eventually.PumpUntilAsync(_clock, () => first.IsCompleted && other.IsCompleted, Step, "both calls");

        Assert.True((await first).IsSuccess && (await other).IsSuccess);
        var requests = _server.Requests;
        Assert.All(requests.Skip(1), r => Assert.True(r.At - requests[0].At >= TimeSpan.FromSeconds(3), $"{r.Route} at {r.At}"));
    }

    [Fact]
    public async Task Many_calls_under_the_global_limit_all_succeed_spread_over_seconds()
    {
        var rest = Clients.Rest(_server, _clock);

        var calls = Enumerable.Range(0, 120).Select(_ => rest.GetCurrentUserAsync()).ToArray();
        await Eventually.HoldsAsync(() => _server.Requests.Count >= 1, "the first request");
        await Eventually.PumpUntilAsync(_clock, () => calls.All(c => c.IsCompleted), Step, "120 calls");

        Assert.All(await Task.WhenAll(calls), c => Assert.True(c.IsSuccess));
        // Exact pacing is checked on the limiter with a still clock (RateLimiterTests); over real
        // sockets the clock may move while requests are in flight, so only the spread is checked here.
        var times = _server.Requests.Select(r => r.At).ToList();
        Assert.True(times.Max() - times.Min() >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Rate_limit_retries_are_bounded()
    {
        _server.Misbehave = r => new CannedReply(429, new { message = "no", retry_after = 0.5, global = false });
        var rest = Clients.Rest(_server, _clock, tuning: new RestTuning { MaxRateLimitRetries = 2 });

        var result = await Eventually.PumpAsync(_clock, rest.GetCurrentUserAsync(), Step);

        Assert.Equal(DiscordErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(DiscordMessages.RateLimitRetriesExhausted, result.Error.Message);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_a_bounded_number_of_times()
    {
        _server.Misbehave = r => new CannedReply(502, new { message = "bad gateway" });
        var rest = Clients.Rest(_server, _clock, tuning: new RestTuning { MaxServerErrorRetries = 3 });

        var result = await Eventually.PumpAsync(_clock, rest.GetCurrentUserAsync(), Step);

        Assert.Equal(DiscordErrorKind.ServerError, result.Error!.Kind);
        Assert.Equal(502, result.Error.HttpStatus);
        var requests = _server.Requests;
        Assert.Equal(4, requests.Count);
        // Backoff: each gap at least half the exponential delay (0.5 s · 2^n).
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(250));
        Assert.True(requests[3].At - requests[2].At >= TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task A_server_error_followed_by_success_returns_the_success()
    {
        var calls = 0;
        _server.Misbehave = r => Interlocked.Increment(ref calls) <= 2 ? new CannedReply(503) : null;

        var result = await Eventually.PumpAsync(_clock, Clients.Rest(_server, _clock).GetCurrentUserAsync(), Step);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Slow_responses_time_out_and_are_retried_a_bounded_number_of_times()
    {
        _server.Misbehave = r => new CannedReply(200, new { id = "1" }, Delay: TimeSpan.FromMinutes(5));
        var rest = Clients.Rest(_server, _clock, tuning: new RestTuning { MaxTransportRetries = 2 },
            configure: o => o.RequestTimeout = TimeSpan.FromSeconds(2));

        var result = await Eventually.PumpAsync(_clock, rest.GetCurrentUserAsync(), Step);

        Assert.Equal(DiscordErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Unauthorized_stops_the_client_with_a_clear_error_and_sends_nothing_more()
    {
        var logger = new ListLogger();
        var rest = Clients.Rest(_server, _clock, logger, configure: o => o.Token = "wrong-token-123");
        var stopped = 0;
        rest.Stopped += (_, _) => stopped++;

        var first = await rest.GetCurrentUserAsync();
        var second = await rest.CreateMessageAsync("555", new MessageContent { Content = "x" });

        Assert.Equal(DiscordErrorKind.Unauthorized, first.Error!.Kind);
        Assert.Equal(DiscordMessages.Unauthorized, first.Error.Message);
        Assert.Equal(DiscordErrorKind.ClientStopped, second.Error!.Kind);
        Assert.True(rest.IsStopped);
        Assert.Equal(1, stopped);
        Assert.Single(_server.Requests);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Critical && e.Text.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_request_guard_stops_before_the_limit_without_contacting_discord()
    {
        _server.Misbehave = r => new CannedReply(403, new { code = 50013, message = "Missing Permissions" });
        var rest = Clients.Rest(_server, _clock, tuning: new RestTuning { InvalidRequestStopAt = 5 });

        for (var i = 0; i < 5; i++)
        {
            var forbidden = await rest.CreateMessageAsync("555", new MessageContent { Content = "x" });
            Assert.Equal((DiscordErrorKind.Rejected, 50013), (forbidden.Error!.Kind, forbidden.Error.DiscordCode));
        }

        var guarded = await rest.CreateMessageAsync("555", new MessageContent { Content = "x" });

        Assert.Equal(DiscordErrorKind.InvalidRequestGuard, guarded.Error!.Kind);
        Assert.Equal(5, _server.Requests.Count);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(DiscordErrorKind.Rejected, (await rest.CreateMessageAsync("555", new MessageContent { Content = "x" })).Error!.Kind);
    }

    [Fact]
    public async Task Shared_scope_429s_do_not_count_toward_the_invalid_request_guard()
    {
        var calls = 0;
        _server.Misbehave = r => Interlocked.Increment(ref calls) <= 3
            ? new CannedReply(429, new { message = "shared", retry_after = 0.2, global = false },
                new Dictionary<string, string> { ["X-RateLimit-Scope"] = "shared" })
            : null;
        var rest = Clients.Rest(_server, _clock, tuning: new RestTuning { InvalidRequestStopAt = 2, MaxRateLimitRetries = 5 });

        var result = await Eventually.PumpAsync(_clock, rest.GetCurrentUserAsync(), Step);

        Assert.True(result.IsSuccess);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public void Invalid_request_guard_default_stays_below_discords_limit() =>
        Assert.InRange(new RestTuning().InvalidRequestStopAt, 1, InvalidRequestGuard.DiscordLimit - 1);

    [Fact]
    public async Task The_token_never_appears_in_logs()
    {
        var logger = new ListLogger();
        _server.Misbehave = r => r.Route == "users/@me" ? new CannedReply(500) : new CannedReply(429, new { retry_after = 0.1, global = false });
        var rest = Clients.Rest(_server, _clock, logger, tuning: new RestTuning { MaxRateLimitRetries = 1, MaxServerErrorRetries = 1 });

        await Eventually.PumpAsync(_clock, rest.GetCurrentUserAsync(), Step);
        await Eventually.PumpAsync(_clock, rest.CreateMessageAsync("555", new MessageContent { Content = "x" }), Step);

        Assert.NotEmpty(logger.Entries);
        Assert.DoesNotContain(logger.Entries, e => e.Text.Contains(LoopbackDiscord.Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"retry_after\": 2.5, \"global\": false}", null, 2500)]
    [InlineData("<html>cloudflare</html>", "7", 7000)]
    [InlineData("{}", null, 1000)]
    [InlineData("{\"retry_after\": null}", null, 1000)]
    public void Retry_after_prefers_the_json_body_then_the_header_then_a_fallback(string body, string? header, int expectedMs)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        if (header is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", header);
        }

        var retryAfter = DiscordRestTransport.ReadRetryAfter(response, System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), retryAfter);
    }
}
