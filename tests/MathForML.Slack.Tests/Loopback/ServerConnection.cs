using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace MathForML.Slack.Tests.Loopback;

/// <summary>An acknowledgement as the server read it; <see cref="ReceivedAt"/> is a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
internal sealed record RecordedAck(int Ticket, string EnvelopeId, JsonElement? Payload, long ReceivedAt);

/// <summary>The server side of one Socket Mode connection.</summary>
internal sealed class ServerConnection(int ticket, WebSocket socket, bool silent) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Aborting goes through the request's own receive loop: touching the socket from outside can race
    // with Kestrel recycling the finished request's HttpContext.
    private readonly CancellationTokenSource _abort = new();

    public int Ticket => ticket;

    public Channel<RecordedAck> Acks { get; } = Channel.CreateUnbounded<RecordedAck>();

    public Task Closed => _closed.Task;

    public bool IsOpen => socket.State == WebSocketState.Open;

    public async Task SendAsync(object message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendSlashCommandAsync(string envelopeId, string text = "problem") =>
        SendSlashCommandAsync(envelopeId, text, "U0ADA", "https://hooks.slack.com/commands/T0TEAM/1/abc");

    public Task SendSlashCommandAsync(string envelopeId, string text, string userId, string responseUrl, string channelId = "C0STUDY") =>
        SendAsync(new
        {
            envelope_id = envelopeId,
            type = "slash_commands",
            accepts_response_payload = true,
            payload = new
            {
                token = "legacy",
                team_id = "T0TEAM",
                channel_id = channelId,
                user_id = userId,
                user_name = "ada",
                command = "/mfml",
                text,
                trigger_id = "1337.42.abc",
                response_url = responseUrl,
            },
        });

    public Task SendEventAsync(string envelopeId, string eventId, int retryAttempt = 0, string text = "hello") =>
        SendAsync(new
        {
            envelope_id = envelopeId,
            type = "events_api",
            accepts_response_payload = false,
            retry_attempt = retryAttempt,
            retry_reason = retryAttempt == 0 ? "" : "timeout",
            payload = new
            {
                team_id = "T0TEAM",
                api_app_id = "A0TEST",
                type = "event_callback",
                event_id = eventId,
                event_time = 1_700_000_000,
                @event = new { type = "app_mention", user = "U0ADA", text, channel = "C0STUDY", ts = "1700000000.000300" },
            },
        });

    /// <summary>An <c>interactive</c> envelope (block_actions or view_submission) with <paramref name="payload"/>.</summary>
    public Task SendInteractiveAsync(string envelopeId, object payload) =>
        SendAsync(new { envelope_id = envelopeId, type = "interactive", accepts_response_payload = true, payload });

    public Task SendDisconnectAsync(string reason) =>
        SendAsync(new { type = "disconnect", reason, debug_info = new { host = "applink-loopback" } });

    public async Task CloseAsync()
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _abort.Dispose();
    }

    public void Abort()
    {
        _abort.Cancel();
        _closed.TrySetResult();
    }

    public async Task<RecordedAck> NextAckAsync() => await Acks.Reader.ReadAsync().AsTask().WaitAsync(TestWait.Limit);

    /// <summary>Reads acks until the client closes; a silent connection never reads, so it never answers pings.</summary>
    public async Task RunAsync()
    {
        try
        {
            if (silent)
            {
                await _closed.Task;
                socket.Abort();
                return;
            }

            var buffer = new byte[64 * 1024];
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), _abort.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
                var root = document.RootElement;
                JsonElement? payload = root.TryGetProperty("payload", out var p) ? p.Clone() : null;
                Acks.Writer.TryWrite(new RecordedAck(ticket, root.GetProperty("envelope_id").GetString()!, payload, System.Diagnostics.Stopwatch.GetTimestamp()));
            }
        }
        catch (WebSocketException)
        {
            // The client dropped the link.
        }
        catch (OperationCanceledException)
        {
            // The test aborted the link; cancelling the receive aborts the socket.
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

}

internal static class TestWait
{
    /// <summary>Safety net for awaiting signals; never a sleep. Generous so a loaded machine does not flake.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
}
