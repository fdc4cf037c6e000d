using System.Text.Json;
using MathForML.Slack.Tests.Loopback;
using MathForML.Slack.WebApi;

namespace MathForML.Slack.Tests;

public sealed class WebApiResilienceTests
{
    private static readonly JsonElement Modal = JsonDocument.Parse(
        """{"type":"modal","callback_id":"answer","title":{"type":"plain_text","text":"Answer"},"blocks":[]}""").RootElement;

    [Fact]
    public async Task Ok_false_is_a_typed_error_value_with_code_and_messages()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.ScriptError("chat.postMessage", "channel_not_found", "[ERROR] channel C0GONE does not exist");
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.PostMessageAsync(new PostMessageRequest("C0GONE", "hi"));

        Assert.False(result.IsSuccess);
        Assert.Equal("chat.postMessage", result.Error.Method);
        Assert.Equal(SlackErrorKind.Api, result.Error.Kind);
        Assert.Equal("channel_not_found", result.Error.Code);
        Assert.Equal(["[ERROR] channel C0GONE does not exist"], result.Error.Messages);
        Assert.False(result.Error.IsUnrecoverableAuth);
        Assert.Equal(1, slack.CallCount("chat.postMessage")); // ok:false is an answer, not retried
    }

    [Fact]
    public async Task Rate_limit_blocks_only_the_limited_method_until_retry_after_then_retries()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.Script("chat.postMessage", new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfter: "30"));
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        var thirty = TimeSpan.FromSeconds(30);

        var limited = clients.WebApi.PostMessageAsync(new PostMessageRequest("C0AAA", "first"));
        await clock.TimerScheduledAsync(due => due == thirty);
        var queued = clients.WebApi.PostMessageAsync(new PostMessageRequest("C0BBB", "second"));
        await clock.TimerScheduledAsync(due => due == thirty);
        var other = await clients.WebApi.GetUserInfoAsync("U0ADA").WaitAsync(TestWait.Limit);
        var postCallsWhileBlocked = slack.CallCount("chat.postMessage");
        var blockedUntil = clients.WebApi.Limiter.BlockedUntil("chat.postMessage");
        clock.Advance(thirty);
        var first = await limited.WaitAsync(TestWait.Limit);
        var second = await queued.WaitAsync(TestWait.Limit);

        Assert.True(other.IsSuccess);
        Assert.Equal(1, postCallsWhileBlocked);
        Assert.NotNull(blockedUntil);
        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        Assert.Equal(3, slack.CallCount("chat.postMessage"));
        Assert.Null(clients.WebApi.Limiter.BlockedUntil("users.info"));
    }

    [Fact]
    public async Task Retry_after_longer_than_the_wait_limit_is_reported_as_rate_limited_at_once()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var apiTuning = new SlackApiTuning { MaxRetryAfterWait = TimeSpan.FromSeconds(10) };
        slack.Script("views.open", new ScriptedResponse(429, "{}", RetryAfter: "11"));
        await using var clients = new SlackClients(slack, new SignallingClock(), apiTuning: apiTuning);

        var result = await clients.WebApi.OpenViewAsync("1337.42.abc", Modal);

        Assert.Equal(SlackErrorKind.RateLimited, result.Error?.Kind);
        Assert.Equal(SlackApiError.RateLimitedCode, result.Error?.Code);
        Assert.Equal(429, result.Error?.HttpStatus);
        Assert.NotNull(clients.WebApi.Limiter.BlockedUntil("views.open"));
    }

    [Fact]
    public async Task Rate_limit_without_retry_after_waits_the_default()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var apiTuning = new SlackApiTuning { DefaultRetryAfter = TimeSpan.FromSeconds(3) };
        slack.Script("auth.test", new ScriptedResponse(429, "{}"));
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock, apiTuning: apiTuning);

        var call = clients.WebApi.AuthTestAsync();
        clock.Advance(await clock.TimerScheduledAsync(due => due == apiTuning.DefaultRetryAfter));
        var result = await call.WaitAsync(TestWait.Limit);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, slack.CallCount("auth.test"));
    }

    [Fact]
    public async Task Response_larger_than_the_limit_is_an_invalid_response()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var apiTuning = new SlackApiTuning { MaxResponseBytes = 64 };
        slack.Script("auth.test", new ScriptedResponse(200, $$"""{"ok":true,"user_id":"U0BOT","team_id":"T0TEAM","url":"{{new string('x', 64)}}"}"""));
        await using var clients = new SlackClients(slack, new SignallingClock(), apiTuning: apiTuning);

        var tooLarge = await clients.WebApi.AuthTestAsync();
        var normal = await clients.WebApi.GetUserGroupMembersAsync("S0NONE");

        Assert.Equal(SlackErrorKind.InvalidResponse, tooLarge.Error?.Kind);
        Assert.True(normal.IsSuccess); // {"ok":true,"users":[]} fits
    }

    [Fact]
    public async Task Rate_limit_retries_are_bounded()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var apiTuning = new SlackApiTuning { MaxRateLimitRetries = 1 };
        slack.Script("auth.test", new ScriptedResponse(429, "{}", RetryAfter: "2"));
        slack.Script("auth.test", new ScriptedResponse(429, "{}", RetryAfter: "2"));
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock, apiTuning: apiTuning);

        var call = clients.WebApi.AuthTestAsync();
        clock.Advance(await clock.TimerScheduledAsync(due => due == TimeSpan.FromSeconds(2)));
        var result = await call.WaitAsync(TestWait.Limit);

        Assert.Equal(SlackErrorKind.RateLimited, result.Error?.Kind);
        Assert.Equal(2, slack.CallCount("auth.test"));
    }

    [Fact]
    public async Task Server_error_is_retried_with_backoff_and_then_succeeds()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.Script("conversations.info", new ScriptedResponse(503, "upstream down"));
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        var tuning = clients.WebApi.Tuning;

        var call = clients.WebApi.GetConversationInfoAsync("C0STUDY");
        var backoff = await clock.TimerScheduledAsync(due => due >= tuning.RetryBaseDelay / 2 && due < tuning.RetryBaseDelay);
        clock.Advance(backoff);
        var result = await call.WaitAsync(TestWait.Limit);

        Assert.True(result.IsSuccess);
        Assert.Equal(new SlackConversation("C0STUDY", "study-group", true, false, false, false, true), result.Value);
        Assert.Equal(2, slack.CallCount("conversations.info"));
    }

    [Fact]
    public async Task Persistent_server_error_is_a_value_after_the_maximum_attempts()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var apiTuning = new SlackApiTuning { MaxAttempts = 2 };
        slack.Script("auth.test", new ScriptedResponse(500, "boom"));
        slack.Script("auth.test", new ScriptedResponse(502, "boom"));
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock, apiTuning: apiTuning);

        var call = clients.WebApi.AuthTestAsync();
        clock.Advance(await clock.TimerScheduledAsync(due => due < apiTuning.RetryBaseDelay));
        var result = await call.WaitAsync(TestWait.Limit);

        Assert.Equal(SlackErrorKind.Http, result.Error?.Kind);
        Assert.Equal("http_502", result.Error?.Code);
        Assert.Equal(2, slack.CallCount("auth.test"));
    }

    [Fact]
    public async Task Client_error_status_is_not_retried()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.Script("auth.test", new ScriptedResponse(404, "not here"));
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.AuthTestAsync();

        Assert.Equal("http_404", result.Error?.Code);
        Assert.Equal(1, slack.CallCount("auth.test"));
    }

    [Fact]
    public async Task Request_that_never_answers_times_out_as_a_transport_error()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var apiTuning = new SlackApiTuning { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(9) };
        slack.Script("users.info", new ScriptedResponse(200, "") { Hang = true });
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock, apiTuning: apiTuning);

        var call = clients.WebApi.GetUserInfoAsync("U0ADA");
        await clock.TimerScheduledAsync(due => due == apiTuning.RequestTimeout);
        clock.Advance(apiTuning.RequestTimeout);
        var result = await call.WaitAsync(TestWait.Limit);

        Assert.Equal(SlackErrorKind.Transport, result.Error?.Kind);
        Assert.Equal(SlackApiError.TimeoutCode, result.Error?.Code);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"no_ok_field":true}""")]
    [InlineData("""[1,2]""")]
    public async Task Body_that_is_not_slack_json_is_an_invalid_response(string body)
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.Script("auth.test", new ScriptedResponse(200, body));
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.AuthTestAsync();

        Assert.Equal(SlackErrorKind.InvalidResponse, result.Error?.Kind);
    }

    [Fact]
    public async Task Messages_to_one_channel_are_paced_and_other_channels_are_not()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);
        var interval = clients.WebApi.Tuning.PerChannelMessageInterval;

        await clients.WebApi.PostMessageAsync(new PostMessageRequest("C0ONE", "a"));
        var paced = clients.WebApi.PostMessageAsync(new PostMessageRequest("C0ONE", "b"));
        await clock.TimerScheduledAsync(due => due == interval);
        await clients.WebApi.PostMessageAsync(new PostMessageRequest("C0TWO", "c")).WaitAsync(TestWait.Limit);
        var callsBeforeSlot = slack.CallCount("chat.postMessage");
        clock.Advance(interval);
        await paced.WaitAsync(TestWait.Limit);

        Assert.Equal(2, callsBeforeSlot);
        Assert.Equal(3, slack.CallCount("chat.postMessage"));
    }

    [Fact]
    public async Task Rejected_bot_token_is_an_unrecoverable_auth_error_value()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        using var http = new HttpClient();
        var options = new SlackOptions { BotToken = "xoxb-" + "revoked-0000", ApiBaseUrl = slack.ApiBaseUrl };
        var client = new SlackWebApiClient(http, options, new SignallingClock(), new SlackApiTuning(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var result = await client.AuthTestAsync();

        Assert.Equal("invalid_auth", result.Error?.Code);
        Assert.True(result.Error?.IsUnrecoverableAuth);
        Assert.Equal(1, slack.CallCount("auth.test"));
    }

    [Fact]
    public async Task Tokens_never_appear_in_logs()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.ScriptError("chat.postMessage", "invalid_auth");
        slack.Script("auth.test", new ScriptedResponse(429, "{}", RetryAfter: "600"));
        var logger = new ListLogger();
        using var http = new HttpClient();
        var options = new SlackOptions { AppToken = LoopbackSlack.AppToken, BotToken = LoopbackSlack.BotToken, ApiBaseUrl = slack.ApiBaseUrl };
        var client = new SlackWebApiClient(http, options, new SignallingClock(), new SlackApiTuning(), logger);

        await client.PostMessageAsync(new PostMessageRequest("C0STUDY", "hi"));
        await client.AuthTestAsync();

        Assert.NotEmpty(logger.Lines);
        Assert.DoesNotContain(logger.Lines, line => line.Contains("xoxb-", StringComparison.Ordinal) || line.Contains("xapp-", StringComparison.Ordinal));
    }
}
