using MathForML.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Interactions;

/// <summary>How to acknowledge an interaction whose handler is slow.</summary>
public enum DeferStyle
{
    /// <summary>Type 5: "thinking…", later edited into the reply; visible to everyone.</summary>
    Message,
    /// <summary>Type 5 with the ephemeral flag: the eventual reply is visible only to the invoker.</summary>
    EphemeralMessage,
    /// <summary>Type 6 (components): no loading state; the component's message is edited later.</summary>
    UpdateMessage,
}

/// <summary>What the responder did with one interaction.</summary>
public sealed record InteractionHandlingResult(InitialResponseKind InitialResponse, bool AutoDeferred, Exception? HandlerError);

public enum InitialResponseKind
{
    None,
    Message,
    Deferred,
    DeferredUpdate,
    UpdateMessage,
    Autocomplete,
    Modal,
}

/// <summary>
/// Runs an interaction handler and guarantees exactly one initial response within Discord's 3-second
/// window: when the handler has not answered after <see cref="DiscordOptions.InteractionDeferAfter"/>,
/// the responder defers, and the handler's later reply becomes an edit of the original response (or a
/// follow-up) within the token's 15 minutes. Nothing is answered twice.
/// </summary>
public sealed class InteractionResponder
{
    /// <summary>Interaction tokens stay valid this long after the interaction.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Discord fails an interaction with no initial response after this long.</summary>
    public static readonly TimeSpan InitialResponseDeadline = TimeSpan.FromSeconds(3);

    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _deferAfter;
    private readonly ILogger _logger;

    public InteractionResponder(DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider clock, ILogger<InteractionResponder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rest = rest;
        _clock = clock;
        _deferAfter = options.Value.InteractionDeferAfter;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The reply context of an interaction just received; its clock for the token's lifetime starts now.</summary>
    public InteractionReplyContext Open(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new InteractionReplyContext(interaction, _rest, _clock, _clock.GetUtcNow());
    }

    /// <summary>
    /// Handles one interaction with a timer: when <paramref name="handler"/> has not answered after
    /// <see cref="DiscordOptions.InteractionDeferAfter"/>, the responder defers. <paramref name="deferStyle"/> defaults
    /// to an update for components and a public message otherwise. The bot's adapter does not rely on the timer (a
    /// starved process may fire it late): it defers on the receive path and runs the handler with <see cref="RunAsync"/>.
    /// </summary>
    public async Task<InteractionHandlingResult> HandleAsync(Interaction interaction,
        Func<InteractionReplyContext, CancellationToken, Task> handler, DeferStyle? deferStyle = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(handler);
        var context = Open(interaction);
        var style = deferStyle ?? (interaction.Type == InteractionType.MessageComponent ? DeferStyle.UpdateMessage : DeferStyle.Message);
        using var timerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handling = Task.Run(() => RunAsync(context, handler, cancellationToken), cancellationToken);
        var autoDeferred = false;
        // Autocomplete cannot be deferred: Discord accepts only the choices.
        if (interaction.Type != InteractionType.ApplicationCommandAutocomplete)
        {
            var deferTimer = Task.Delay(_deferAfter, _clock, timerStop.Token);
            if (await Task.WhenAny(handling, deferTimer) == deferTimer && !deferTimer.IsCanceled
                && context.DeferIfUnansweredAsync(style, cancellationToken) is { } deferring)
            {
                var deferred = await deferring;
                autoDeferred = deferred.IsSuccess;
                if (!deferred.IsSuccess)
                {
                    InteractionLog.DeferFailed(_logger, interaction.Id, deferred.Error!.ToString());
                }
            }
        }

        await timerStop.CancelAsync();
        return await handling with { AutoDeferred = autoDeferred };
    }

    /// <summary>
    /// Runs <paramref name="handler"/> where it is called (a worker, or the receive path for answers that need no
    /// state) and contains it: a handler that throws gets the member a private apology instead of "thinking…"
    /// forever, and one that returns without answering is logged.
    /// </summary>
    public async Task<InteractionHandlingResult> RunAsync(InteractionReplyContext context,
        Func<InteractionReplyContext, CancellationToken, Task> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        Exception? handlerError = null;
        try
        {
            await handler(context, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            handlerError = error;
            InteractionLog.HandlerFailed(_logger, context.Interaction.Id, error);
            await context.ReplyAsync(new MessageContent { Content = DiscordMessages.HandlerFailedReply }, ephemeral: true, CancellationToken.None);
        }

        if (context.InitialResponse == InitialResponseKind.None)
        {
            InteractionLog.NoResponse(_logger, context.Interaction.Id);
        }

        return new InteractionHandlingResult(context.InitialResponse, false, handlerError);
    }
}

internal static partial class InteractionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Interaction {InteractionId}: handler failed.")]
    public static partial void HandlerFailed(ILogger logger, string interactionId, Exception error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: automatic defer failed: {Error}")]
    public static partial void DeferFailed(ILogger logger, string interactionId, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Interaction {InteractionId}: handler returned without responding; Discord will show it as failed.")]
    public static partial void NoResponse(ILogger logger, string interactionId);
}
