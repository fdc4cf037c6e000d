using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using MathForML.CommandBench;
using MathForML.Slack.Tests.Loopback;

namespace MathForML.Slack.Benchmarks;

/// <summary>
/// The least a Socket Mode app can do, for the baseline: open a connection, and acknowledge every envelope with a
/// fixed ephemeral reply on the ack. No MathForML code; what it costs is the loopback server's work for one slash
/// command plus a minimal client's.
/// </summary>
internal sealed class MinimalSlackClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public static async Task<MinimalSlackClient> ConnectAsync(Uri apiBaseUrl)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBaseUrl, "apps.connections.open"))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LoopbackSlack.AppToken);
        using var response = await http.SendAsync(request);
        using var opened = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var client = new MinimalSlackClient();
        await client._socket.ConnectAsync(new Uri(opened.RootElement.GetProperty("url").GetString()!), CancellationToken.None);
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

                using var envelope = JsonDocument.Parse(buffer.AsMemory(0, length));
                if (envelope.RootElement.TryGetProperty("envelope_id", out var id))
                {
                    var ack = JsonSerializer.SerializeToUtf8Bytes(new { envelope_id = id.GetString(), payload = new { text = FixedReply.Text, response_type = "ephemeral" } });
                    await _socket.SendAsync(ack, WebSocketMessageType.Text, true, _stop.Token);
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
        _stop.Dispose();
    }
}
