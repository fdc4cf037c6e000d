using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Rest;

/// <summary>
/// Sends one REST call with Discord's rules: auth and user-agent headers, per-route and global rate
/// limits (waiting before a request rather than after a 429), bounded retries for 429, 5xx, timeouts and
/// network failures, the invalid-request guard, and a full stop after 401.
/// </summary>
internal sealed class DiscordRestTransport
{
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly RestTuning _tuning;
    private readonly TimeSpan _requestTimeout;
    private int _inFlight;
    private readonly string _baseUrl;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ProductInfoHeaderValue[] _userAgent;
    private readonly RestRateLimiter _limiter;
    private readonly InvalidRequestGuard _guard;
    private volatile bool _stopped;

    public DiscordRestTransport(HttpClient http, DiscordOptions options, TimeProvider clock, ILogger logger, RestTuning tuning)
    {
        _http = http;
        _clock = clock;
        _logger = logger;
        _tuning = tuning;
        _requestTimeout = options.RequestTimeout;
        _baseUrl = options.ApiBaseUrl.TrimEnd('/') + "/";
        _authorization = new AuthenticationHeaderValue("Bot", options.Token);
        // Discord requires "DiscordBot ($url, $versionNumber)".
        _userAgent =
        [
            new ProductInfoHeaderValue("DiscordBot", null),
            new ProductInfoHeaderValue($"({options.UserAgentUrl}, {options.UserAgentVersion})"),
        ];
        _limiter = new RestRateLimiter(clock, tuning.GlobalPerSecond);
        _guard = new InvalidRequestGuard(tuning.InvalidRequestStopAt, clock);
    }

    /// <summary>True after Discord answered 401: the token is wrong and nothing more is sent.</summary>
    public bool IsStopped => _stopped;

    /// <summary>Raised once when a 401 stops the client.</summary>
    public event EventHandler? Stopped;

    /// <summary>Calls started and not yet finished (retries included); tests wait for 0 before moving the clock,
    /// since the request timeout runs on it.</summary>
    internal int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Sends the call; <paramref name="content"/> builds a fresh body for each attempt.</summary>
    public async Task<DiscordResult<byte[]>> SendAsync(RestRoute route, Func<HttpContent?> content, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await SendWithRetriesAsync(route, content, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<DiscordResult<byte[]>> SendWithRetriesAsync(RestRoute route, Func<HttpContent?> content, CancellationToken cancellationToken)
    {
        var rateLimitRetries = 0;
        var serverRetries = 0;
        var transportRetries = 0;
        while (true)
        {
            if (_stopped)
            {
                return Fail(DiscordErrorKind.ClientStopped, DiscordMessages.ClientStopped);
            }

            if (_guard.IsTripped)
            {
                RestLog.InvalidRequestGuard(_logger, route.LogName);
                return Fail(DiscordErrorKind.InvalidRequestGuard, DiscordMessages.InvalidRequestGuardTripped);
            }

            // Bucket first, global last: the global slot is then taken right before the request leaves.
            var bucket = _limiter.BucketFor(route);
            await bucket.AcquireAsync(cancellationToken);
            await _limiter.WaitForGlobalAsync(route, cancellationToken);

            HttpResponseMessage? response = null;
            byte[] body;
            string? transportFailure = null;
            using (var timeout = new CancellationTokenSource(_requestTimeout, _clock))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using var request = BuildRequest(route, content());
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                    body = await response.Content.ReadAsByteArrayAsync(linked.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    transportFailure = "timed out";
                    body = [];
                }
                catch (HttpRequestException)
                {
                    transportFailure = "network failure";
                    body = [];
                }
            }

            using (response)
            {
                if (transportFailure is not null || response is null)
                {
                    bucket.Complete(null, responded: false);
                    if (transportRetries >= _tuning.MaxTransportRetries)
                    {
                        return transportFailure == "timed out"
                            ? Fail(DiscordErrorKind.Timeout, DiscordMessages.RequestTimedOut)
                            : Fail(DiscordErrorKind.Network, DiscordMessages.NetworkFailure);
                    }

                    var delay = _tuning.RetryDelay(transportRetries++);
                    RestLog.TransportRetry(_logger, route.LogName, transportFailure ?? "failed", transportRetries, delay.TotalMilliseconds);
                    await Task.Delay(delay, _clock, cancellationToken);
                    continue;
                }

                var headers = ReadHeaders(response);
                var status = (int)response.StatusCode;
                if (status == (int)HttpStatusCode.TooManyRequests)
                {
                    // Without limit headers a 429 teaches nothing about the bucket: let it probe again.
                    bucket.Complete(headers, responded: headers.Limit is not null);
                    var retryAfter = ReadRetryAfter(response, body);
                    if (headers.Scope != "shared")
                    {
                        _guard.Record();
                    }

                    if (headers.Global || ReadGlobalFlag(body))
                    {
                        _limiter.BlockGlobally(retryAfter);
                    }
                    else
                    {
                        _limiter.Learn(route, bucket, headers.Bucket);
                        _limiter.BucketFor(route).BlockFor(retryAfter);
                    }

                    RestLog.RateLimited(_logger, route.LogName, headers.Global, headers.Scope, retryAfter.TotalMilliseconds);
                    if (rateLimitRetries++ >= _tuning.MaxRateLimitRetries)
                    {
                        return Fail(DiscordErrorKind.RateLimited, DiscordMessages.RateLimitRetriesExhausted, status);
                    }

                    continue;
                }

                bucket.Complete(headers, responded: true);
                _limiter.Learn(route, bucket, headers.Bucket);

                if (response.IsSuccessStatusCode)
                {
                    return DiscordResult.Ok<byte[]>(body);
                }

                if (status >= 500)
                {
                    if (serverRetries >= _tuning.MaxServerErrorRetries)
                    {
                        return Fail(DiscordErrorKind.ServerError, DiscordMessages.ServerErrorRetriesExhausted, status);
                    }

                    var delay = _tuning.RetryDelay(serverRetries++);
                    RestLog.ServerErrorRetry(_logger, route.LogName, status, serverRetries, delay.TotalMilliseconds);
                    await Task.Delay(delay, _clock, cancellationToken);
                    continue;
                }

                var (code, message) = ReadError(body);
                if (status is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden)
                {
                    _guard.Record();
                }

                if (status == (int)HttpStatusCode.Unauthorized)
                {
                    StopAfterUnauthorized(route);
                    return Fail(DiscordErrorKind.Unauthorized, DiscordMessages.Unauthorized, status, code);
                }

                RestLog.Rejected(_logger, route.LogName, status, code, message);
                return Fail(DiscordErrorKind.Rejected, message, status, code);
            }
        }
    }

    private void StopAfterUnauthorized(RestRoute route)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        RestLog.Unauthorized(_logger, route.LogName);
        Stopped?.Invoke(this, EventArgs.Empty);
    }

    private HttpRequestMessage BuildRequest(RestRoute route, HttpContent? content)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl + route.Path)) { Content = content };
        request.Headers.Authorization = _authorization;
        foreach (var product in _userAgent)
        {
            request.Headers.UserAgent.Add(product);
        }

        return request;
    }

    private static DiscordResult<byte[]> Fail(DiscordErrorKind kind, string message, int? status = null, int? code = null) =>
        DiscordResult.Fail<byte[]>(new DiscordError(kind, message, status, code));

    internal static RateLimitHeaders ReadHeaders(HttpResponseMessage response)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        var resetAfter = double.TryParse(Header("X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        return new RateLimitHeaders(
            Header("X-RateLimit-Bucket"),
            Int(Header("X-RateLimit-Limit")),
            Int(Header("X-RateLimit-Remaining")),
            resetAfter,
            string.Equals(Header("X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Header("X-RateLimit-Scope"));
    }

    /// <summary>The JSON body's <c>retry_after</c> (seconds, fractional) is precise; the Retry-After header is the fallback.</summary>
    internal static TimeSpan ReadRetryAfter(HttpResponseMessage response, byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("retry_after", out var value) && value.ValueKind == JsonValueKind.Number
                && value.TryGetDouble(out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
            // Cloudflare answers 429 with HTML; fall through to the header.
        }

        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return RateLimitBucket.FallbackWindow;
    }

    private static bool ReadGlobalFlag(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("global", out var value) && value.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Discord's JSON error: <c>{"code": 50035, "message": "Invalid Form Body", "errors": {...}}</c>.</summary>
    internal static (int? Code, string Message) ReadError(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
                if (root.TryGetProperty("errors", out var errors))
                {
                    message = $"{message} {errors.GetRawText()}".Trim();
                }

                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): report the status only.
        }

        return (null, DiscordMessages.UnreadableResponse);
    }
}
