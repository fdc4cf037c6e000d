using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.Host.Tests.Hosting;

/// <summary>
/// A Discord on 127.0.0.1 that answers GET /gateway/bot, says HELLO on the gateway and closes it with
/// <c>closeCode</c> after IDENTIFY, as Discord does for a bad token (4004).
/// </summary>
internal sealed class FatalDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FatalDiscord(WebApplication app) => _app = app;

    public string ApiBaseUrl { get; private set; } = "";

    public int Connections { get; private set; }

    public static async Task<FatalDiscord> StartAsync(int closeCode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var discord = new FatalDiscord(app);
        app.UseWebSockets();
        app.MapGet("/api/v10/gateway/bot", (HttpContext context) => Results.Json(new
        {
            url = $"ws://{context.Request.Host}/gateway",
            shards = 1,
            session_start_limit = new { total = 1000, remaining = 1000, reset_after = 0, max_concurrency = 1 },
        }));
        app.Map("/gateway", async context =>
        {
            discord.Connections++;
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":10,"d":{"heartbeat_interval":41250}}"""), WebSocketMessageType.Text, true, CancellationToken.None);
            var buffer = new byte[64 * 1024];
            try
            {
                await socket.ReceiveAsync(buffer, CancellationToken.None); // IDENTIFY
                await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, "Authentication failed.", CancellationToken.None);
                while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
                {
                }
            }
            catch (WebSocketException)
            {
                // The client went away without a close frame.
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        discord.ApiBaseUrl = address.TrimEnd('/') + "/api/v10";
        return discord;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
