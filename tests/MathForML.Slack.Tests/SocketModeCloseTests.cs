using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MathForML.Slack.SocketMode;
using MathForML.Slack.Tests.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MathForML.Slack.Tests;

public sealed class SocketModeCloseTests
{
    [Theory]
    [InlineData(WebSocketCloseStatus.NormalClosure)]
    [InlineData((WebSocketCloseStatus)4001)]
    public async Task A_close_from_Slack_is_answered_with_a_close_frame_as_soon_as_it_is_read(WebSocketCloseStatus status)
    {
        await using var server = await ClosingServer.StartAsync(status);
        var connection = new SocketModeConnection(0, TimeProvider.System, SlackClients.Tuning, new NoDispatch(), NullLogger.Instance);

        await connection.ConnectAsync(server.Url, CancellationToken.None);
        var end = await connection.RunAsync(CancellationToken.None).WaitAsync(TestWait.Limit);
        // Before the connection is disposed: the answer must not wait for the slot's cleanup.
        var answered = await server.ClientClose.Task.WaitAsync(TestWait.Limit);
        await connection.DisposeAsync();

        Assert.Equal(ConnectionEnd.Dropped, end);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, answered);
    }

    private sealed class NoDispatch : ISocketModeDispatcher
    {
        public void OnEnvelope(SocketModeConnection connection, JsonElement frame)
        {
        }
    }

    /// <summary>A Socket Mode endpoint that says hello, closes with a code and records the client's answer.</summary>
    private sealed class ClosingServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ClosingServer(WebApplication app) => _app = app;

        public Uri Url { get; private set; } = null!;

        public TaskCompletionSource<WebSocketCloseStatus?> ClientClose { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<ClosingServer> StartAsync(WebSocketCloseStatus status)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var server = new ClosingServer(app);
            app.UseWebSockets();
            app.Map("/link", async context =>
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"hello","num_connections":1}"""), WebSocketMessageType.Text, true, CancellationToken.None);
                await socket.CloseOutputAsync(status, "bye", CancellationToken.None);
                var buffer = new byte[1024];
                try
                {
                    while (true)
                    {
                        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                        if (received.MessageType == WebSocketMessageType.Close)
                        {
                            server.ClientClose.TrySetResult(received.CloseStatus);
                            return;
                        }
                    }
                }
                catch (WebSocketException)
                {
                    server.ClientClose.TrySetResult(null);
                }
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/link");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
