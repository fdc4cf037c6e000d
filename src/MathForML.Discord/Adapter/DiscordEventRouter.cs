using System.Text.Json;
using MathForML.Core.Concurrency;
using MathForML.Discord.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MathForML.Discord.Adapter;

/// <summary>
/// Gateway dispatches → the adapter, on the dispatch path (it must never wait): READY registers the slash commands
/// (on a worker), INTERACTION_CREATE goes to the <see cref="DiscordInteractionRouter"/> (acknowledged at once),
/// MESSAGE_CREATE to the <see cref="DiscordThreadMessageRouter"/>, and of guild and channel payloads only which
/// channels are threads is kept (<see cref="DiscordThreadDirectory"/>). One bad event is logged and skipped.
/// </summary>
public sealed class DiscordEventRouter(
    DiscordInteractionRouter interactions,
    DiscordCommandRegistrar registrar,
    DiscordThreadMessageRouter threadMessages,
    DiscordThreadDirectory threads,
    DiscordBotIdentity identity,
    CommandWorkPool pool,
    ILogger<DiscordEventRouter>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public void Route(GatewayDispatch dispatch)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        try
        {
            RouteCore(dispatch);
        }
#pragma warning disable CA1031 // One bad event is logged and skipped; the stream goes on.
        catch (Exception error)
#pragma warning restore CA1031
        {
            DiscordAdapterLog.EventFailed(_logger, dispatch.Type, error);
        }
    }

    private void RouteCore(GatewayDispatch dispatch)
    {
        switch (dispatch.Type)
        {
            case "READY":
                // READY only follows IDENTIFY (a resume ends with RESUMED), so this is once per new session.
                if (dispatch.Data.ValueKind == JsonValueKind.Object && dispatch.Data.TryGetProperty("user", out var user)
                    && user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    identity.Learned(id.GetString()!);
                }

                if (!pool.TrySubmit("command registration", "Discord", registrar.RegisterAsync))
                {
                    pool.Track(Task.Run(() => registrar.RegisterAsync(pool.Stopping)), "command registration", "Discord");
                }

                break;
            case "INTERACTION_CREATE":
                interactions.Accept(dispatch.Data);
                break;
            case "MESSAGE_CREATE":
                threadMessages.Enqueue(dispatch.Data);
                break;
            case var type when DiscordThreadDirectory.Describes(type):
                threads.Observe(type, dispatch.Data);
                break;
            default:
                // The rest: nothing the bot needs is kept (interactions carry their own context).
                break;
        }
    }
}
