using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.WebApi;

/// <summary>
/// One Web API call with Slack's conventions: Bearer token, POST, <c>ok</c>/<c>error</c> envelope, 429 with
/// <c>Retry-After</c> honoured per method, bounded retries with backoff for 5xx, timeouts and network errors.
/// </summary>
internal sealed class SlackApiTransport(
    HttpClient http,
    Uri baseUrl,
    MethodRateLimiter limiter,
    SlackApiTuning tuning,
    TimeProvider time,
    ILogger logger)
{
    public MethodRateLimiter Limiter => limiter;

    /// <summary>Calls <paramref name="method"/>; on <c>ok:true</c> returns the response root (detached from the buffer).</summary>
    public async Task<SlackResult<JsonElement>> CallAsync(
        string method, string token, Func<HttpContent?> createContent, CancellationToken cancellationToken)
    {
        var attempt = 0;
        var rateLimitRetries = 0;
        while (true)
        {
            await limiter.WaitAsync(method, cancellationToken);
            attempt++;
            SlackApiError failure;
            using (var timeout = new CancellationTokenSource(tuning.RequestTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, method)))
            {
                request.Content = createContent();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        var retryAfter = ReadRetryAfter(response);
                        limiter.Block(method, retryAfter);
                        SlackLog.RateLimited(logger, method, retryAfter.TotalMilliseconds);
                        attempt--; // a 429 is Slack pacing us, not a failed attempt
                        if (++rateLimitRetries > tuning.MaxRateLimitRetries || retryAfter > tuning.MaxRetryAfterWait)
                        {
                            return Fail(new SlackApiError(method, SlackErrorKind.RateLimited, SlackApiError.RateLimitedCode, [], 429));
                        }

                        continue;
                    }

                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failure = new SlackApiError(method, SlackErrorKind.Http, HttpCode(status), [], status);
                    }
                    else if (!response.IsSuccessStatusCode)
                    {
                        return Fail(new SlackApiError(method, SlackErrorKind.Http, HttpCode(status), [], status));
                    }
                    else
                    {
                        var body = await ReadBoundedAsync(response.Content, tuning.MaxResponseBytes, linked.Token);
                        return body is null
                            ? Fail(new SlackApiError(method, SlackErrorKind.InvalidResponse, SlackApiError.InvalidResponseCode, [], status))
                            : Interpret(method, body, status);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new SlackApiError(method, SlackErrorKind.Transport, SlackApiError.TimeoutCode, []);
                }
                catch (HttpRequestException)
                {
                    failure = new SlackApiError(method, SlackErrorKind.Transport, SlackApiError.NetworkCode, []);
                }
            }

            if (attempt >= tuning.MaxAttempts)
            {
                return Fail(failure);
            }

            var delay = Backoff.Delay(attempt, tuning.RetryBaseDelay, tuning.RetryMaxDelay);
            SlackLog.Retrying(logger, method, attempt, failure.Code, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>
    /// POSTs raw bytes to a pre-signed upload URL. No token is sent: the URL itself is the credential, and a
    /// token must never travel to an address that came from a response.
    /// </summary>
    public Task<SlackApiError?> UploadAsync(string method, Uri uploadUrl, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        PostWithoutTokenAsync(method, uploadUrl, bytes, "application/octet-stream", tuning.UploadTimeout, FileUploadStep.UploadBytes, cancellationToken);

    /// <summary>
    /// POSTs a JSON message to an interaction's <c>response_url</c>. Like an upload URL, the address is the
    /// credential: no token is sent to it.
    /// </summary>
    public Task<SlackApiError?> RespondAsync(Uri responseUrl, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        PostWithoutTokenAsync("response_url", responseUrl, json, "application/json", tuning.RequestTimeout, FileUploadStep.None, cancellationToken);

    private async Task<SlackApiError?> PostWithoutTokenAsync(
        string method, Uri url, ReadOnlyMemory<byte> bytes, string contentType, TimeSpan attemptTimeout, FileUploadStep step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            SlackApiError failure;
            using (var timeout = new CancellationTokenSource(attemptTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            using (var request = new HttpRequestMessage(HttpMethod.Post, url))
            {
                request.Content = new ReadOnlyMemoryContent(bytes);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return null;
                    }

                    failure = new SlackApiError(method, SlackErrorKind.Http, HttpCode(status), [], status, step);
                    if (status < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                    {
                        return failure;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new SlackApiError(method, SlackErrorKind.Transport, SlackApiError.TimeoutCode, [], null, step);
                }
                catch (HttpRequestException)
                {
                    failure = new SlackApiError(method, SlackErrorKind.Transport, SlackApiError.NetworkCode, [], null, step);
                }
            }

            if (attempt >= tuning.MaxAttempts)
            {
                SlackLog.CallFailed(logger, method, failure.Kind, failure.Code);
                return failure;
            }

            var delay = Backoff.Delay(attempt, tuning.RetryBaseDelay, tuning.RetryMaxDelay);
            SlackLog.Retrying(logger, method, attempt, failure.Code, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private SlackResult<JsonElement> Interpret(string method, byte[] body, int status)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Fail(new SlackApiError(method, SlackErrorKind.InvalidResponse, SlackApiError.InvalidResponseCode, [], status));
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok)
            || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Fail(new SlackApiError(method, SlackErrorKind.InvalidResponse, SlackApiError.InvalidResponseCode, [], status));
        }

        if (ok.ValueKind == JsonValueKind.True)
        {
            return SlackResult<JsonElement>.Success(root);
        }

        var code = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            ? error.GetString()!
            : SlackApiError.InvalidResponseCode;
        return Fail(new SlackApiError(method, SlackErrorKind.Api, code, ReadMessages(root), status) { NeededScope = JsonRead.String(root, "needed") });
    }

    private static string[] ReadMessages(JsonElement root)
    {
        if (!root.TryGetProperty("response_metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)];
    }

    private SlackResult<JsonElement> Fail(SlackApiError error)
    {
        SlackLog.CallFailed(logger, error.Method, error.Kind, error.Code);
        return SlackResult<JsonElement>.Failure(error);
    }

    private TimeSpan ReadRetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta && delta >= TimeSpan.Zero)
            {
                return delta;
            }

            if (header.Date is { } date)
            {
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        // Some proxies send a fractional or otherwise non-standard value; read what we can.
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return tuning.DefaultRetryAfter;
    }

    private static string HttpCode(int status) => SlackApiError.HttpStatusCodePrefix + status.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads at most <paramref name="maxBytes"/>; returns null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
