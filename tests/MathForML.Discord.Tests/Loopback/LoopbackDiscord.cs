using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests.Loopback;

/// <summary>
/// A Discord stand-in on 127.0.0.1 (random port) speaking the documented Gateway v10 (JSON) and the REST
/// routes the bot uses, with switches to misbehave: stop ACKing, close or drop sockets, send op 7/op 9,
/// answer 429/5xx, delay responses, enforce a rate-limit bucket. Time comes from the tests' clock.
/// </summary>
internal sealed partial class LoopbackDiscord : IAsyncDisposable
{
    public const string Token = "loopback-token.Xy_9";
    public const string ApplicationId = "111111111111111111";
    public const string BotUserId = "222222222222222222";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<LoopbackGatewayConnection> _connections = new();
    private readonly ConcurrentDictionary<string, LoopbackSession> _sessions = new();
    private int _connectionCount;

    private LoopbackDiscord(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri BaseUri { get; private set; } = null!;

    public string ApiBaseUrl => $"{BaseUri}api/v10";

    public string GatewayUrl => $"ws://{BaseUri.Authority}/gateway";

    public string ResumeUrl => $"ws://{BaseUri.Authority}/resume";

    // ---- Gateway switches ----
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    public bool AckHeartbeats { get; set; } = true;

    /// <summary>On resume, replay this many already-delivered events too (the client must drop them).</summary>
    public int ReplayOverlap { get; set; }

    /// <summary>When set, every connection is closed with this code right after HELLO.</summary>
    public int? CloseAfterHelloCode { get; set; }

    /// <summary>When false, connections get no HELLO (a half-dead gateway).</summary>
    public bool SendHello { get; set; } = true;

    /// <summary>Send RESUMED with a null sequence (the client must still treat the resume as done).</summary>
    public bool ResumedWithoutSequence { get; set; }

    /// <summary>Send READY without <c>resume_gateway_url</c> (a malformed READY).</summary>
    public bool ReadyWithoutResumeUrl { get; set; }

    public Func<int> SessionStartRemaining { get; set; } = () => 1000;

    public long SessionStartResetAfterMs { get; set; }

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Keep every dispatch for replay on resume (benchmarks switch it off to measure the client alone).</summary>
    public bool KeepEventLog { get; set; } = true;

    public IReadOnlyList<LoopbackGatewayConnection> Connections => [.. _connections.OrderBy(c => c.Index)];

    public LoopbackSession? CurrentSession { get; private set; }

    public static async Task<LoopbackDiscord> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackDiscord(app, clock);
        app.UseWebSockets();
        app.Map("/gateway", context => server.AcceptGatewayAsync(context));
        app.Map("/resume", context => server.AcceptGatewayAsync(context));
        app.Map("/api/v10/{**route}", context => server.HandleRestAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public LoopbackGatewayConnection Connection(int index) => Connections[index];

    /// <summary>Appends a dispatch to the current session and sends it if a connection is live.</summary>
    public async Task<long> DispatchAsync(string type, object data)
    {
        var session = CurrentSession ?? throw new InvalidOperationException("No session: the client has not identified.");
        await session.Gate.WaitAsync();
        try
        {
            var seq = ++session.LastSeq;
            var json = JsonSerializer.Serialize(new { op = 0, t = type, s = seq, d = data });
            if (KeepEventLog)
            {
                session.Events.Add((seq, json));
            }

            if (session.Live is { } live)
            {
                await live.SendTextAsync(json);
            }

            return seq;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Sends a dispatch split across several WebSocket frames.</summary>
    public async Task DispatchFragmentedAsync(string type, object data, int frames)
    {
        var session = CurrentSession!;
        await session.Gate.WaitAsync();
        try
        {
            var seq = ++session.LastSeq;
            var json = JsonSerializer.Serialize(new { op = 0, t = type, s = seq, d = data });
            session.Events.Add((seq, json));
            await session.Live!.SendTextAsync(json, frames);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new LoopbackGatewayConnection(socket, context.Request.Path, context.Request.QueryString.Value ?? "",
            Interlocked.Increment(ref _connectionCount) - 1);
        _connections.Enqueue(connection);
        try
        {
            if (SendHello)
            {
                await connection.SendOpAsync(10, new { heartbeat_interval = HeartbeatIntervalMs });
            }

            if (CloseAfterHelloCode is { } code)
            {
                await connection.CloseAsync(code);
            }

            await ReceiveLoopAsync(connection);
        }
        catch (WebSocketException)
        {
            // Client dropped.
        }
        catch (OperationCanceledException)
        {
            // The test dropped the link; cancelling the receive aborted the socket.
        }
        finally
        {
            if (connection.Session is { } session)
            {
                await session.Gate.WaitAsync();
                if (ReferenceEquals(session.Live, connection))
                {
                    session.Live = null;
                }

                session.Gate.Release();
            }

            connection.Ended.TrySetResult();
        }
    }

    private async Task ReceiveLoopAsync(LoopbackGatewayConnection connection)
    {
        var buffer = new byte[64 * 1024];
        while (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await connection.Socket.ReceiveAsync(buffer, connection.DropToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.ClientCloseCode = (int?)result.CloseStatus;
                    return;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            using var json = JsonDocument.Parse(message.ToArray());
            var op = json.RootElement.GetProperty("op").GetInt32();
            var data = json.RootElement.TryGetProperty("d", out var d) ? d.Clone() : default;
            connection.Record(new ReceivedFrame(op, data, _clock.GetUtcNow()));
            switch (op)
            {
                case 1 when AckHeartbeats:
                    await connection.SendOpAsync(11, null);
                    break;
                case 2:
                    await IdentifyAsync(connection, data);
                    break;
                case 6:
                    await ResumeAsync(connection, data);
                    break;
                default:
                    break;
            }
        }
    }

    private async Task IdentifyAsync(LoopbackGatewayConnection connection, JsonElement data)
    {
        if (data.GetProperty("token").GetString() != Token)
        {
            await connection.CloseAsync(4004);
            return;
        }

        var session = new LoopbackSession(Guid.NewGuid().ToString("N"));
        _sessions[session.Id] = session;
        CurrentSession = session;
        connection.Session = session;
        await session.Gate.WaitAsync();
        try
        {
            var seq = ++session.LastSeq;
            var ready = JsonSerializer.Serialize(new
            {
                op = 0,
                t = "READY",
                s = seq,
                d = new
                {
                    v = 10,
                    user = BotUser,
                    guilds = Array.Empty<object>(),
                    session_id = session.Id,
                    resume_gateway_url = ReadyWithoutResumeUrl ? null : ResumeUrl,
                    shard = data.TryGetProperty("shard", out var shard) ? JsonNode.Parse(shard.GetRawText()) : null,
                    application = new { id = ApplicationId, flags = 0 },
                },
            });
            session.Events.Add((seq, ready));
            session.Live = connection;
            await connection.SendTextAsync(ready);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task ResumeAsync(LoopbackGatewayConnection connection, JsonElement data)
    {
        var sessionId = data.GetProperty("session_id").GetString() ?? "";
        if (!_sessions.TryGetValue(sessionId, out var session) || !session.Resumable || data.GetProperty("token").GetString() != Token)
        {
            await connection.SendOpAsync(9, false);
            return;
        }

        var clientSeq = data.GetProperty("seq").ValueKind == JsonValueKind.Number ? data.GetProperty("seq").GetInt64() : 0;
        connection.Session = session;
        await session.Gate.WaitAsync();
        try
        {
            foreach (var (seq, json) in session.Events.Where(e => e.Seq > clientSeq - ReplayOverlap))
            {
                await connection.SendTextAsync(json);
            }

            string resumed;
            if (ResumedWithoutSequence)
            {
                resumed = JsonSerializer.Serialize(new { op = 0, t = "RESUMED", s = (long?)null, d = new { } });
            }
            else
            {
                var resumedSeq = ++session.LastSeq;
                resumed = JsonSerializer.Serialize(new { op = 0, t = "RESUMED", s = resumedSeq, d = new { } });
                session.Events.Add((resumedSeq, resumed));
            }

            session.Live = connection;
            await connection.SendTextAsync(resumed);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Invalidates the current session so a resume is refused (op 9 false).</summary>
    public void ForgetSessions()
    {
        foreach (var session in _sessions.Values)
        {
            session.Resumable = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Drop();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
