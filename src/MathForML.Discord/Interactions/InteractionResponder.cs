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

    /// <summary>Handles one interaction. <paramref name="deferStyle"/> defaults to an update for components and a
    /// public message otherwise; pass <see cref="DeferStyle.EphemeralMessage"/> when the reply is private.</summary>
    public async Task<InteractionHandlingResult> HandleAsync(Interaction interaction,
        Func<InteractionReplyContext, CancellationToken, Task> handler, DeferStyle? deferStyle = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(handler);
        var context = new InteractionReplyContext(interaction, _rest, _clock, _clock.GetUtcNow());
        var style = deferStyle ?? (interaction.Type == InteractionType.MessageComponent ? DeferStyle.UpdateMessage : DeferStyle.Message);
        using var timerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var handlerTask = Task.Run(() => handler(context, cancellationToken), cancellationToken);
        var autoDeferred = false;
        // Autocomplete cannot be deferred: Discord accepts only the choices.
        if (interaction.Type != InteractionType.ApplicationCommandAutocomplete)
        {
            var deferTimer = Task.Delay(_deferAfter, _clock, timerStop.Token);
            if (await Task.WhenAny(handlerTask, deferTimer) == deferTimer && !deferTimer.IsCanceled)
            {
                if (context.DeferIfUnansweredAsync(style, cancellationToken) is { } deferring)
                {
                    var deferred = await deferring;
                    autoDeferred = deferred.IsSuccess;
                    if (!deferred.IsSuccess)
                    {
                        InteractionLog.DeferFailed(_logger, interaction.Id, deferred.Error!.ToString());
                    }
                }
            }
        }

        await timerStop.CancelAsync();
        Exception? handlerError = null;
        try
        {
            await handlerTask;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A handler bug must not leave the user staring at "thinking…": log it and say sorry.
            handlerError = error;
            InteractionLog.HandlerFailed(_logger, interaction.Id, error);
            await context.ReplyAsync(new MessageContent { Content = DiscordMessages.HandlerFailedReply }, ephemeral: true, CancellationToken.None);
        }

        if (context.InitialResponse == InitialResponseKind.None)
        {
            InteractionLog.NoResponse(_logger, interaction.Id);
        }

        return new InteractionHandlingResult(context.InitialResponse, autoDeferred, handlerError);
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
