using System.Text;
using MathForML.Slack.Adapter;
using MathForML.Slack.HttpMode;
using MathForML.Slack.SocketMode;
using MathForML.Slack.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Hosting;

/// <summary>
/// HTTP mode: a Kestrel listener for Slack's signed requests on <c>/slack/events</c>, <c>/slack/commands</c> and
/// <c>/slack/interactive</c> (<c>/slack/interactivity</c> too; the body says what a request is, so any of them works).
/// Every request is verified (v0 HMAC-SHA256, 5-minute window, constant-time compare) before it is read; a bad
/// signature gets 401 and a log line naming the check that failed, never the secret or the signature.
/// </summary>
public sealed class SlackHttpServer(
    SlackRequestVerifier verifier, SlackEventRouter router, SlackAdapterTuning tuning, TimeProvider time, ILogger<SlackHttpServer> logger) : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Paths = ["/slack/events", "/slack/commands", "/slack/interactive", "/slack/interactivity"];

    /// <summary>Extra time past the reply budget an HTTP request waits for its acknowledgement (well inside Slack's 3 s).</summary>
    private static readonly TimeSpan AckGrace = TimeSpan.FromMilliseconds(500);

    private readonly DeliveryDeduplicator _events = new(time, TimeSpan.FromMinutes(10), 10_000);
    private WebApplication? _app;
    private CancellationToken _stopping;

    /// <summary>The address Kestrel bound (port 0 resolved), once started.</summary>
    public Uri? Address { get; private set; }

    /// <param name="stopping">Cancelled when the bot stops; handlers started by requests observe it.</param>
    public async Task StartAsync(Uri listenUrl, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(listenUrl);
        _stopping = stopping;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(listenUrl.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = SlackHttpRequestReader.MaxBodyBytes);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var path in Paths)
        {
            app.MapPost(path, HandleAsync);
        }

        await app.StartAsync(stopping);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? listenUrl : new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        var shown = Address.AbsoluteUri;
        SlackAdapterLog.Listening(logger, shown);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.DisposeAsync();
            _app = null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var check = verifier.Verify(
            context.Request.Headers[SlackRequestVerifier.TimestampHeader].ToString(),
            context.Request.Headers[SlackRequestVerifier.SignatureHeader].ToString(),
            body);
        if (check != SignatureCheck.Valid)
        {
            SlackAdapterLog.SignatureRejected(logger, context.Request.Path.ToString(), check, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var read = SlackHttpRequestReader.Read(context.Request.ContentType, body);
        if (!read.IsSuccess)
        {
            SlackAdapterLog.UnreadableDelivery(logger, "HTTP", read.Error.ToString());
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var stopping = _stopping;
        switch (read.Value)
        {
            case UrlVerificationRequest verification:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(verification.Challenge, context.RequestAborted);
                return;
            case EventCallbackRequest callback:
                var eventId = JsonRead.String(callback.Payload, "event_id");
                if (eventId is null || _events.TryRegister("event:" + eventId))
                {
                    _ = router.RouteEvent(callback.Payload, new HttpAck(), stopping);
                }

                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case SlashCommandRequest slash:
                await AnswerAsync(context, ack => router.RouteSlashCommand(slash.Command, ack, stopping));
                return;
            case InteractiveRequest interactive:
                await AnswerAsync(context, ack => router.RouteInteraction(interactive.Payload, ack, stopping));
                return;
        }
    }

    /// <summary>Starts the handler and writes its acknowledgement as the response (an empty 200 if it takes too long).</summary>
    private async Task AnswerAsync(HttpContext context, Func<HttpAck, Task> start)
    {
        var ack = new HttpAck();
        _ = start(ack);
        System.Text.Json.JsonElement? payload = null;
        try
        {
            payload = await ack.Response.WaitAsync(tuning.ReplyBudget + AckGrace, time, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            // The handler delivers its reply later (response_url or the Web API).
            ack.Abandon();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (payload is { } json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json.GetRawText(), Encoding.UTF8, context.RequestAborted);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > SlackHttpRequestReader.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
