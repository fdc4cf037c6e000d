using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MathForML.Discord.Tests.Loopback;

/// <summary>A file part of a multipart request as the server parsed it.</summary>
internal sealed record ReceivedFile(string PartName, string FileName, string ContentType, byte[] Content);

/// <summary>A REST request as the loopback server received it.</summary>
internal sealed record RestRecord(string Method, string Route, string? Authorization, string? UserAgent, string? ContentType,
    JsonElement? Json, IReadOnlyList<ReceivedFile> Files, DateTimeOffset At);

/// <summary>A canned answer a test injects (429, 5xx, delays).</summary>
internal sealed record CannedReply(int Status, object? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null);

/// <summary>A rate-limit bucket the server enforces: <c>Limit</c> requests per window, per major parameter.</summary>
internal sealed record ServerRateLimit(string Hash, int Limit, TimeSpan Window, Func<string, string, string?> MajorOf);

internal sealed partial class LoopbackDiscord
{
    private readonly ConcurrentQueue<RestRecord> _requests = new();
    private readonly ConcurrentDictionary<string, int> _callbacksByInteraction = new();
    private readonly Lock _bucketGate = new();
    private readonly Dictionary<string, (DateTimeOffset ResetAt, int Used)> _windows = [];
    private int _violations;

    public IReadOnlyList<RestRecord> Requests => [.. _requests];

    /// <summary>Requests answered 429 because the client exceeded a bucket it had been told about.</summary>
    public int BucketViolations => Volatile.Read(ref _violations);

    /// <summary>Returns a canned reply for a request, or null to answer normally.</summary>
    public Func<RestRecord, CannedReply?>? Misbehave { get; set; }

    public ServerRateLimit? RateLimit { get; set; }

    public int CallbacksFor(string interactionId) => _callbacksByInteraction.GetValueOrDefault(interactionId);

    private async Task HandleRestAsync(HttpContext context)
    {
        var route = (string)context.Request.RouteValues["route"]!;
        var method = context.Request.Method;
        var (json, files) = await ReadBodyAsync(context.Request);
        var record = new RestRecord(method, route, context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(), context.Request.ContentType, json, files, _clock.GetUtcNow());
        _requests.Enqueue(record);
        RequestObserver?.Invoke(record);

        // Interaction callbacks and webhook-token routes authenticate by their token: Discord needs no header there.
        if (record.Authorization != $"Bot {Token}" && !(string.IsNullOrEmpty(record.Authorization) && IsTokenRoute(route)))
        {
            await WriteAsync(context, 401, new { message = "401: Unauthorized", code = 0 });
            return;
        }

        if (Misbehave?.Invoke(record) is { } canned)
        {
            if (canned.Delay is { } delay)
            {
                try
                {
                    await Task.Delay(delay, _clock, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await WriteAsync(context, canned.Status, canned.Body);
            return;
        }

        if (RateLimit is { } limit && limit.MajorOf(method, route) is { } major && TakeFromBucket(context, limit, major) is { } retryAfter)
        {
            context.Response.Headers["X-RateLimit-Scope"] = "user";
            context.Response.Headers.RetryAfter = double.Ceiling(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteAsync(context, 429, new { message = "You are being rate limited.", retry_after = retryAfter, global = false });
            return;
        }

        await RouteAsync(context, method, route, record);
    }

    /// <summary>Counts the request in its window; returns the retry delay (seconds) when over the limit.</summary>
    private double? TakeFromBucket(HttpContext context, ServerRateLimit limit, string major)
    {
        double resetAfter;
        int remaining;
        bool allowed;
        lock (_bucketGate)
        {
            var now = _clock.GetUtcNow();
            if (!_windows.TryGetValue(major, out var window) || now >= window.ResetAt)
            {
                window = (now + limit.Window, 0);
            }

            allowed = window.Used < limit.Limit;
            if (allowed)
            {
                window.Used++;
            }
            else
            {
                _violations++;
            }

            _windows[major] = window;
            remaining = limit.Limit - window.Used;
            resetAfter = (window.ResetAt - now).TotalSeconds;
        }

        var headers = context.Response.Headers;
        headers["X-RateLimit-Bucket"] = limit.Hash;
        headers["X-RateLimit-Limit"] = limit.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        return allowed ? null : resetAfter;
    }

    private async Task RouteAsync(HttpContext context, string method, string route, RestRecord record)
    {
        var parts = route.Split('/');
        switch (method, parts)
        {
            case ("GET", ["gateway", "bot"]):
                await WriteAsync(context, 200, new
                {
                    url = GatewayUrl,
                    shards = 1,
                    session_start_limit = new { total = 1000, remaining = SessionStartRemaining(), reset_after = SessionStartResetAfterMs, max_concurrency = MaxConcurrency },
                });
                break;
            case ("GET", ["users", "@me"]):
                await WriteAsync(context, 200, BotUser);
                break;
            case ("GET", ["applications", "@me"]):
                await WriteAsync(context, 200, new { id = ApplicationId, name = "MathForML", bot = new { id = BotUserId, username = "mathbot" } });
                break;
            case ("GET", ["channels", var channelId]):
                if (ChannelObject(channelId) is { } described)
                {
                    await WriteAsync(context, 200, described);
                }
                else
                {
                    await WriteAsync(context, 404, new { message = "Unknown Channel", code = 10003 });
                }

                break;
            case ("POST", ["channels", var channel, "messages"]):
                if (ChannelFailure(channel) is { } failure)
                {
                    await WriteAsync(context, failure.Status, new { message = failure.Message, code = failure.Code });
                    break;
                }

                await WriteAsync(context, 200, CreateChannelMessage(channel, record));
                break;
            case ("GET", ["channels", var channel, "messages"]):
                if (ChannelFailure(channel) is { } readFailure)
                {
                    await WriteAsync(context, readFailure.Status, new { message = readFailure.Message, code = readFailure.Code });
                    break;
                }

                var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 50;
                await WriteAsync(context, 200, ChannelMessages(channel, limit));
                break;
            case ("PATCH", ["channels", var channel, "messages", var messageId]):
                await WriteAsync(context, 200, Message(channel, record, messageId));
                break;
            case ("POST", ["channels", var channel, "messages", var messageId, "threads"]):
                var (threadStatus, thread) = StartThreadOnMessage(channel, messageId, record);
                await WriteAsync(context, threadStatus, thread);
                break;
            case ("POST", ["channels", _, "threads"]):
                await WriteAsync(context, 201, new
                {
                    id = NewId(), type = 11, guild_id = "333333333333333333", parent_id = parts[1],
                    name = record.Json?.GetProperty("name").GetString(),
                });
                break;
            case ("PUT", ["applications", _, "commands"]):
            case ("PUT", ["applications", _, "guilds", _, "commands"]):
                var commands = record.Json!.Value.EnumerateArray()
                    .Select(c => new { id = NewId(), name = c.GetProperty("name").GetString(), guild_id = parts.Length == 5 ? parts[3] : null })
                    .ToList();
                await WriteAsync(context, 200, commands);
                break;
            case ("POST", ["interactions", var interactionId, var callbackToken, "callback"]):
                if (_callbacksByInteraction.AddOrUpdate(interactionId, 1, (_, n) => n + 1) > 1)
                {
                    await WriteAsync(context, 400, new { message = "Interaction has already been acknowledged.", code = 40060 });
                }
                else
                {
                    RecordCallback(callbackToken, record);
                    context.Response.StatusCode = 204;
                }

                break;
            case ("GET", ["webhooks", _, var token, "messages", "@original"]):
                if (OriginalFor(token) is { } original)
                {
                    await WriteAsync(context, 200, original);
                }
                else
                {
                    await WriteAsync(context, 404, new { message = "Unknown Message", code = 10008 });
                }

                break;
            case ("DELETE", ["webhooks", _, var token, "messages", "@original"]):
                DeleteOriginal(token);
                context.Response.StatusCode = 204;
                break;
            case ("PATCH", ["webhooks", _, var token, "messages", "@original"]):
                if (!_requests.Any(r => r.Route.StartsWith("interactions/", StringComparison.Ordinal) && r.Route.Contains(token, StringComparison.Ordinal)))
                {
                    await WriteAsync(context, 404, new { message = "Unknown Webhook", code = 10015 });
                }
                else
                {
                    await WriteAsync(context, 200, EditOriginal(token, record));
                }

                break;
            case ("POST", ["webhooks", _, var token]):
                await WriteAsync(context, 200, FollowUp(token, record));
                break;
            default:
                await WriteAsync(context, 404, new { message = "404: Not Found", code = 0 });
                break;
        }
    }

    private static object Message(string channelId, RestRecord record, string? id = null) => new
    {
        id = id ?? NewId(),
        channel_id = channelId,
        content = record.Json is { } json && json.TryGetProperty("content", out var content) ? content.GetString() : null,
        attachments = record.Files.Select((f, i) => new { id = NewId(), filename = f.FileName }).ToList(),
    };

    /// <summary>The bot's user object, with the fields Discord always sends (discriminator "0" for new usernames).</summary>
    private static object BotUser => new { id = BotUserId, username = "mathbot", discriminator = "0", global_name = (string?)null, avatar = (string?)null, bot = true };

    private static bool IsTokenRoute(string route) =>
        route.StartsWith("webhooks/", StringComparison.Ordinal)
        || (route.StartsWith("interactions/", StringComparison.Ordinal) && route.EndsWith("/callback", StringComparison.Ordinal));

    private static long _nextId = 900_000_000_000_000_000;

    private static string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(JsonElement? Json, IReadOnlyList<ReceivedFile> Files)> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var payload = form["payload_json"].ToString();
            var files = new List<ReceivedFile>();
            foreach (var file in form.Files)
            {
                using var stream = new MemoryStream();
                await file.CopyToAsync(stream);
                files.Add(new ReceivedFile(file.Name, file.FileName, file.ContentType, stream.ToArray()));
            }

            return (JsonDocument.Parse(payload).RootElement.Clone(), files);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return (body.Length == 0 ? null : JsonDocument.Parse(body.ToArray()).RootElement.Clone(), []);
    }

    private static async Task WriteAsync(HttpContext context, int status, object? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            await context.Response.WriteAsJsonAsync(body);
        }
    }
}
