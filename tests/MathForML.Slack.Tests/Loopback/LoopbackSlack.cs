using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Tests.Loopback;

/// <summary>A scripted answer for one Web API call.</summary>
internal sealed record ScriptedResponse(int Status, string Body, string? RetryAfter = null)
{
    /// <summary>Never answers (until the client gives up), to exercise request timeouts.</summary>
    public bool Hang { get; init; }
}

internal sealed record RecordedRequest(string Method, string? Authorization, string? ContentType, string Body);

/// <summary>A message the loopback stored from chat.postMessage (as conversations.history returns it).</summary>
internal sealed record StoredMessage(string Channel, string Ts, string? ThreadTs, string Text, JsonElement Request);

/// <summary>What files.getUploadURLExternal was asked to reserve.</summary>
internal sealed record ReservedUpload(string FileName, int Length, string? AltText);

/// <summary>A POST to a response_url.</summary>
internal sealed record RecordedResponse(string Id, JsonElement Body);

/// <summary>
/// Slack on 127.0.0.1: <c>apps.connections.open</c> handing out fresh WebSocket URLs, the Socket Mode socket
/// (hello, envelopes, disconnects, acks) and the Web API methods the client uses, misbehaving on demand.
/// </summary>
internal sealed class LoopbackSlack : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A0TEST-1-0123456789abcdef";
    // Split so secret scanners do not mistake it for a real token.
    public const string BotToken = "xoxb-" + "fake-test-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _holds = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<ServerConnection> _all = [];
    private int _nextTicket;
    private int _nextTs = 99; // the first message is 1700000000.000100

    private LoopbackSlack(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public Uri Root { get; private set; } = null!;

    /// <summary>Every accepted Socket Mode connection, in order.</summary>
    public Channel<ServerConnection> Connections { get; } = Channel.CreateUnbounded<ServerConnection>();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new(StringComparer.Ordinal);

    /// <summary>files.getUploadURLExternal calls by file ID: the file name, length and alt text asked for.</summary>
    public ConcurrentDictionary<string, ReservedUpload> Reserved { get; } = new(StringComparer.Ordinal);

    /// <summary>When false, new connections get no hello.</summary>
    public bool SendHello { get; set; } = true;

    /// <summary>This many next connections never read from the socket after hello (no pongs: a half-open link).</summary>
    public int SilentConnections { get; set; }

    /// <summary>When set, the next upload POSTs answer this status (and the counter counts down).</summary>
    public int FailingUploads { get; set; }

    public int FailingUploadStatus { get; set; } = 500;

    /// <summary>When true, upload POSTs are never answered (until the client gives up).</summary>
    public bool HangUploads { get; set; }

    public int CallCount(string method) => Requests.Count(r => r.Method == method);

    private event Action? Recorded;

    /// <summary>Completes once <paramref name="method"/> has been called <paramref name="count"/> times (a signal, not a poll).</summary>
    public async Task WaitForCallsAsync(string method, int count = 1)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (CallCount(method) >= count)
            {
                reached.TrySetResult();
            }
        }

        Recorded += Check;
        try
        {
            Check();
            await reached.Task.WaitAsync(TestWait.Limit);
        }
        finally
        {
            Recorded -= Check;
        }
    }

    /// <summary>Called for each request as it is recorded (the load harness times replies with it).</summary>
    public Action<RecordedRequest>? RequestObserver { get; set; }

    private void Record(RecordedRequest request)
    {
        Requests.Enqueue(request);
        RequestObserver?.Invoke(request);
        Recorded?.Invoke();
    }

    /// <summary>Messages posted with chat.postMessage, in order (history serves them with their metadata).</summary>
    public ConcurrentQueue<StoredMessage> Messages { get; } = new();

    /// <summary>Messages sent to response URLs (<see cref="ResponseUrl"/>).</summary>
    public Channel<RecordedResponse> Responses { get; } = Channel.CreateUnbounded<RecordedResponse>();

    /// <summary>Users whose users.info says is_admin.</summary>
    public ConcurrentDictionary<string, bool> Admins { get; } = new(StringComparer.Ordinal) { ["U0ADA"] = true };

    /// <summary>A response_url on this server; posts to it land in <see cref="Responses"/>.</summary>
    public string ResponseUrl(string id) => new Uri(Root, "response/" + id).ToString();

    /// <summary>Stores a message as if an earlier run had posted it (for the ledger's history check).</summary>
    public StoredMessage Seed(string channel, string text, string? metadataKey, string? threadTs = null)
    {
        var json = metadataKey is null
            ? JsonSerializer.SerializeToElement(new { channel, text })
            : JsonSerializer.SerializeToElement(new { channel, text, metadata = new { event_type = "mathforml_post", event_payload = new { key = metadataKey } } });
        var stored = new StoredMessage(channel, NextTs(), threadTs, text, json);
        Messages.Enqueue(stored);
        return stored;
    }

    private string NextTs() => "1700000000." + Interlocked.Increment(ref _nextTs).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<LoopbackSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new LoopbackSlack(app);
        // Server keep-alive pongs off: only the client's pings (answered while reading) keep the link alive.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.MapPost("/api/{method}", slack.HandleApiAsync);
        app.MapPost("/upload/{fileId}", slack.HandleUploadAsync);
        app.MapPost("/response/{id}", slack.HandleResponseAsync);
        app.Map("/link", slack.HandleSocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        slack.Root = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        slack.ApiBaseUrl = new Uri(slack.Root, "api/");
        return slack;
    }

    /// <summary>The next call of <paramref name="method"/> gets <paramref name="response"/> instead of the default answer.</summary>
    /// <summary>Until <paramref name="until"/> completes, calls of <paramref name="method"/> wait before their usual answer (a slow Slack).</summary>
    public void Hold(string method, Task until) => _holds[method] = until;

    public void Script(string method, ScriptedResponse response) =>
        _scripts.GetOrAdd(method, _ => new ConcurrentQueue<ScriptedResponse>()).Enqueue(response);

    public void ScriptError(string method, string error, params string[] messages) =>
        Script(method, new ScriptedResponse(200, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ok"] = false,
            ["error"] = error,
            ["response_metadata"] = new Dictionary<string, object> { ["messages"] = messages },
        })));

    public async Task<ServerConnection> NextConnectionAsync() =>
        await Connections.Reader.ReadAsync().AsTask().WaitAsync(TestWait.Limit);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _all)
        {
            connection.Abort();
            connection.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var authorization = context.Request.Headers.Authorization.ToString();
        Record(new RecordedRequest(method, authorization, context.Request.ContentType, body));

        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.Hang)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(scripted.Body);
            return;
        }

        if (_holds.TryGetValue(method, out var hold))
        {
            await hold.WaitAsync(context.RequestAborted);
        }

        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        object answer = authorization != "Bearer " + expectedToken
            ? new { ok = false, error = "invalid_auth" }
            : DefaultAnswer(method, body, context.Request.ContentType ?? "");
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(answer));
    }

    private object DefaultAnswer(string method, string body, string contentType)
    {
        var json = contentType.StartsWith("application/json", StringComparison.Ordinal) ? JsonDocument.Parse(body).RootElement : default;
        var form = contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) ? ParseForm(body) : [];
        switch (method)
        {
            case "apps.connections.open":
                var ticket = Interlocked.Increment(ref _nextTicket);
                return new { ok = true, url = $"ws://{Root.Authority}/link/?ticket={ticket}" };
            case "chat.postMessage":
                var posted = new StoredMessage(
                    json.GetProperty("channel").GetString()!,
                    NextTs(),
                    json.TryGetProperty("thread_ts", out var thread) ? thread.GetString() : null,
                    json.GetProperty("text").GetString()!,
                    json.Clone());
                Messages.Enqueue(posted);
                return new { ok = true, channel = posted.Channel, ts = posted.Ts };
            case "conversations.history":
            case "conversations.replies":
                var inChannel = Messages.Where(m => m.Channel == form["channel"]
                    && (method == "conversations.history" ? m.ThreadTs is null : m.ThreadTs == form["ts"] || m.Ts == form["ts"]));
                return new
                {
                    ok = true,
                    messages = inChannel.Reverse().Select(m => new Dictionary<string, object?>
                    {
                        ["type"] = "message",
                        ["ts"] = m.Ts,
                        ["thread_ts"] = m.ThreadTs,
                        ["text"] = m.Text,
                        ["metadata"] = m.Request.TryGetProperty("metadata", out var meta) ? meta : null,
                    }).ToArray(),
                };
            case "chat.update":
                return new { ok = true, channel = json.GetProperty("channel").GetString(), ts = json.TryGetProperty("ts", out var ts) ? ts.GetString() : "1700000000.000100" };
            case "chat.postEphemeral":
                return new { ok = true, message_ts = "1700000000.000200" };
            case "files.getUploadURLExternal":
                // "F<name length>UPLOAD", numbered when that is taken, so several files in one post stay apart.
                var fileId = "F" + form["filename"].Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UPLOAD";
                var reservation = new ReservedUpload(form["filename"], int.Parse(form["length"], System.Globalization.CultureInfo.InvariantCulture), form.GetValueOrDefault("alt_txt"));
                for (var n = 2; !Reserved.TryAdd(fileId, reservation); n++)
                {
                    fileId = "F" + form["filename"].Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UPLOAD" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return new { ok = true, upload_url = new Uri(Root, "upload/" + fileId).ToString(), file_id = fileId };
            case "files.completeUploadExternal":
                return new
                {
                    ok = true,
                    files = json.GetProperty("files").EnumerateArray()
                        .Select(f => new { id = f.GetProperty("id").GetString(), title = f.TryGetProperty("title", out var t) ? t.GetString() : null })
                        .ToArray(),
                };
            case "conversations.open":
                return new { ok = true, channel = new { id = "D" + form["users"] } };
            case "views.open":
                return new { ok = true, view = new { id = "V0MODAL1" } };
            case "users.info":
                return new
                {
                    ok = true,
                    user = new { id = form["user"], name = "ada", real_name = "Ada Lovelace", tz = "Europe/London", tz_label = "Greenwich Mean Time", tz_offset = 0, is_admin = Admins.ContainsKey(form["user"]), is_owner = false, is_bot = false, deleted = false },
                };
            case "conversations.info":
                return new { ok = true, channel = new { id = form["channel"], name = "study-group", is_channel = true, is_private = false, is_im = false, is_archived = false, is_member = true } };
            case "usergroups.users.list":
                return new { ok = true, users = form["usergroup"] == "S0ORGS" ? new[] { "U0ADA", "U0GRACE" } : [] };
            case "auth.test":
                return new { ok = true, url = "https://mfml.slack.com/", team = "MFML", user = "mathbot", team_id = "T0TEAM", user_id = "U0BOT", bot_id = "B0BOT" };
            default:
                return new { ok = false, error = "unknown_method" };
        }
    }

    internal static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : "", StringComparer.Ordinal);

    private async Task HandleResponseAsync(HttpContext context, string id)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Record(new RecordedRequest("response_url", context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body));
        Responses.Writer.TryWrite(new RecordedResponse(id, JsonDocument.Parse(body).RootElement.Clone()));
        await context.Response.WriteAsync("ok");
    }

    private async Task HandleUploadAsync(HttpContext context, string fileId)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        Record(new RecordedRequest("upload", context.Request.Headers.Authorization.ToString(), context.Request.ContentType, $"{buffer.Length} bytes"));
        if (HangUploads)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        if (FailingUploads > 0)
        {
            FailingUploads--;
            context.Response.StatusCode = FailingUploadStatus;
            return;
        }

        Uploads[fileId] = buffer.ToArray();
        context.Response.StatusCode = 200;
        await context.Response.WriteAsync("OK - " + buffer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var ticket = int.Parse(context.Request.Query["ticket"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var silent = SilentConnections > 0;
        if (silent)
        {
            SilentConnections--;
        }

        var connection = new ServerConnection(ticket, socket, silent);
        _all.Add(connection);
        if (SendHello)
        {
            await connection.SendAsync(new
            {
                type = "hello",
                num_connections = _all.Count(c => c.IsOpen),
                debug_info = new { host = "applink-loopback", build_number = 1, approximate_connection_time = 18060 },
                connection_info = new { app_id = "A0TEST" },
            });
        }

        Connections.Writer.TryWrite(connection);
        await connection.RunAsync();
    }
}
