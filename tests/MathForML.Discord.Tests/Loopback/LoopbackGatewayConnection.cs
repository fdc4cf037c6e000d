using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MathForML.Discord.Tests.Loopback;

/// <summary>A payload the loopback gateway received from the client, with the fake time it arrived.</summary>
internal sealed record ReceivedFrame(int Op, JsonElement Data, DateTimeOffset At);

/// <summary>One client connection to the loopback gateway, with the misbehaviours tests ask for.</summary>
internal sealed class LoopbackGatewayConnection(WebSocket socket, string path, string query, int index) : IDisposable
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentQueue<ReceivedFrame> _received = new();

    // Dropping goes through the request's own receive loop: aborting the socket from outside can race
    // with Kestrel recycling a finished request's HttpContext.
    private readonly CancellationTokenSource _drop = new();

    public int Index => index;

    /// <summary>"/gateway" for fresh connections, "/resume" for the resume URL.</summary>
    public string Path => path;

    public string Query => query;

    public WebSocket Socket => socket;

    public LoopbackSession? Session { get; set; }

    /// <summary>The close code the client sent, once it closed.</summary>
    public int? ClientCloseCode { get; set; }

    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReceivedFrame> Received => [.. _received];

    public IEnumerable<ReceivedFrame> ReceivedOp(int op) => _received.Where(f => f.Op == op);

    internal void Record(ReceivedFrame frame) => _received.Enqueue(frame);

    public Task SendJsonAsync(object payload) => SendTextAsync(JsonSerializer.Serialize(payload));

    public async Task SendTextAsync(string text, int frames = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendGate.WaitAsync();
        try
        {
            if (socket.State != WebSocketState.Open)
            {
                return;
            }

            // Split into several WebSocket frames when asked, as large payloads arrive in practice.
            var size = (bytes.Length + frames - 1) / frames;
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = int.Min(size, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The client went away: the event stays in the session log for replay.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public Task SendOpAsync(int op, object? data) => SendJsonAsync(new { op, d = data });

    /// <summary>Sends a close frame with <paramref name="code"/>; the receive loop then waits for the
    /// client's answer, as Discord does (aborting at once could discard the frame before it is read).</summary>
    public async Task CloseAsync(int code)
    {
        await _sendGate.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, "loopback", CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Cancels the pending receive, which aborts the TCP connection without a close frame.</summary>
    public CancellationToken DropToken => _drop.Token;

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop() => _drop.Cancel();

    public void Dispose()
    {
        _sendGate.Dispose();
        _drop.Dispose();
    }
}
