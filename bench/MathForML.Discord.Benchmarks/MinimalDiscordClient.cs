using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MathForML.CommandBench;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Discord.Benchmarks;

/// <summary>
/// The least a Discord bot can do, for the baseline: identify on the gateway, and answer every INTERACTION_CREATE
/// with a fixed ephemeral message through the interaction callback. No MathForML code; what it costs is the loopback
/// server's work for one interaction plus a minimal client's.
/// </summary>
internal sealed class MinimalDiscordClient : IAsyncDisposable
{
    private static readonly byte[] Callback = JsonSerializer.SerializeToUtf8Bytes(new { type = 4, data = new { content = FixedReply.Text, flags = 64 } });

    private readonly ClientWebSocket _socket = new();
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _api;
    private Task _loop = Task.CompletedTask;

    private MinimalDiscordClient(string api) => _api = api;

    public static async Task<MinimalDiscordClient> ConnectAsync(LoopbackDiscord server)
    {
        var client = new MinimalDiscordClient(server.ApiBaseUrl);
        await client._socket.ConnectAsync(new Uri(server.GatewayUrl), CancellationToken.None);
        var identify = JsonSerializer.SerializeToUtf8Bytes(new { op = 2, d = new { token = LoopbackDiscord.Token, intents = 0, properties = new { os = "linux", browser = "bench", device = "bench" } } });
        await client._socket.SendAsync(identify, WebSocketMessageType.Text, true, CancellationToken.None);
        client._loop = Task.Run(client.ReceiveLoopAsync);
        return client;
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                using var frame = JsonDocument.Parse(buffer.AsMemory(0, length));
                var root = frame.RootElement;
                if (root.TryGetProperty("t", out var type) && type.ValueEquals("INTERACTION_CREATE"))
                {
                    var data = root.GetProperty("d");
                    var url = $"{_api}/interactions/{data.GetProperty("id").GetString()}/{data.GetProperty("token").GetString()}/callback";
                    using var content = new ByteArrayContent(Callback);
                    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                    using var response = await _http.PostAsync(new Uri(url), content, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (WebSocketException)
        {
            // The server went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
