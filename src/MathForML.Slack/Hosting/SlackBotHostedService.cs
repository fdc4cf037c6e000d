using MathForML.Slack.Adapter;
using MathForML.Slack.SocketMode;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Slack.Hosting;

/// <summary>
/// Runs the Slack adapter: checks the bot token (<c>auth.test</c>), then receives over Socket Mode or serves HTTP mode,
/// handing every delivery to the <see cref="SlackEventRouter"/>. Failures are contained: a bad delivery is logged and
/// skipped; a fatal Slack condition (token revoked, Socket Mode disabled) stops the adapter with a clear log line
/// and leaves the host running.
/// </summary>
public sealed class SlackBotHostedService(
    IServiceProvider services,
    IOptions<SlackOptions> options,
    SlackWebApiClient api,
    SlackEventRouter router,
    SlackAdapterState state,
    ILogger<SlackBotHostedService> logger) : BackgroundService
{
    private SlackHttpServer? _http;

    /// <summary>HTTP mode: where the listener is bound (tests use port 0).</summary>
    public Uri? HttpAddress => _http?.Address;

    /// <summary>Completes once the adapter receives (Socket Mode started, or HTTP listener bound) or has stopped.</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, state.Stopped);
        var token = linked.Token;
        try
        {
            await router.WarmUpAsync();
            var identity = await api.AuthTestAsync(token);
            if (!identity.IsSuccess)
            {
                if (SlackFailures.StopsAdapter(identity.Error))
                {
                    StopAdapter(SlackFailures.Describe(identity.Error, ""));
                    return;
                }

                SlackAdapterLog.AuthTestFailed(logger, identity.Error.Code);
            }
            else
            {
                state.BotUserId = identity.Value.UserId;
                SlackAdapterLog.Connected(logger, identity.Value.UserId, identity.Value.TeamId, options.Value.Mode);
            }

            if (options.Value.Mode == SlackMode.Http)
            {
                await ServeHttpAsync(token);
            }
            else
            {
                await ReceiveSocketModeAsync(token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping (the host, or the adapter after a fatal error).
        }
#pragma warning disable CA1031 // The Slack adapter failing must not take the host (and the other platforms) down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // Slack stopped us (link_disabled, rejected app token) or a bug: either way only this adapter stops.
            var slack = exception as SlackSocketModeException ?? exception.InnerException as SlackSocketModeException;
            StopAdapter(slack?.Message ?? exception.GetType().Name + ": " + exception.Message);
        }
        finally
        {
            _ready.TrySetResult();
            await router.DrainAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_http is { } http)
        {
            await http.StopAsync(cancellationToken);
            await http.DisposeAsync();
        }
    }

    private async Task ReceiveSocketModeAsync(CancellationToken token)
    {
        var socket = services.GetRequiredService<SocketModeClient>();
        await socket.StartAsync(token);
        _ready.TrySetResult();
        try
        {
            await foreach (var envelope in socket.Envelopes.ReadAllAsync(token))
            {
                _ = router.RouteAsync(envelope, token);
            }
        }
        finally
        {
            await socket.StopAsync(CancellationToken.None);
        }
    }

    private async Task ServeHttpAsync(CancellationToken token)
    {
        _http = services.GetRequiredService<SlackHttpServer>();
        await _http.StartAsync(options.Value.HttpListenUrl, token);
        _ready.TrySetResult();
        await Task.Delay(Timeout.Infinite, token);
    }

    private void StopAdapter(string reason)
    {
        if (state.Stop(reason))
        {
            SlackAdapterLog.AdapterStopped(logger, reason);
        }
    }
}
