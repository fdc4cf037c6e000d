using MathForML.Discord.Rest;

namespace MathForML.Discord.Interactions;

/// <summary>
/// The ways a handler answers one interaction. The first call claims the initial response; once it is
/// claimed (by the handler or by the automatic defer), replies become edits of the original response
/// or follow-ups. Thread-safe: the automatic defer and the handler may race.
/// </summary>
public sealed class InteractionReplyContext
{
    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _clock;
    private readonly DateTimeOffset _receivedAt;
    private readonly Lock _gate = new();
    private Task<DiscordResult>? _initial;
    private bool _originalEdited;

    internal InteractionReplyContext(Interaction interaction, DiscordRestClient rest, TimeProvider clock, DateTimeOffset receivedAt)
    {
        Interaction = interaction;
        _rest = rest;
        _clock = clock;
        _receivedAt = receivedAt;
    }

    public Interaction Interaction { get; }

    public InitialResponseKind InitialResponse { get; private set; }

    /// <summary>The initial response's call, once claimed (tests wait on it).</summary>
    internal Task<DiscordResult>? InitialResponseTask => _initial;

    /// <summary>Replies with a message: the initial response if none was sent, else the deferred
    /// response's edit, else a follow-up.</summary>
    public async Task<DiscordResult> ReplyAsync(MessageContent message, bool ephemeral = false, CancellationToken cancellationToken = default)
    {
        var result = await SendReplyAsync(message, ephemeral, keepVisibility: false, cancellationToken);
        return result.IsSuccess ? DiscordResult.Success : DiscordResult.Fail(result.Error!);
    }

    /// <summary>
    /// Like <see cref="ReplyAsync"/>, returning the message when Discord returns it (edits and follow-ups;
    /// the initial response returns none: use <see cref="DiscordRestClient.GetOriginalInteractionResponseAsync"/>).
    /// A deferral's visibility cannot change afterwards: when the reply's visibility differs from the
    /// deferral's, the "thinking…" message is deleted and the reply sent as a follow-up with its own
    /// visibility, so a private reply never lands in a public message.
    /// </summary>
    public Task<DiscordResult<DiscordMessage?>> ReplyForMessageAsync(MessageContent message, bool ephemeral = false,
        CancellationToken cancellationToken = default) =>
        SendReplyAsync(message, ephemeral, keepVisibility: true, cancellationToken);

    /// <summary><paramref name="keepVisibility"/> false: a deferred response is always edited (the deferral's
    /// visibility wins), as <see cref="ReplyAsync"/> has always done.</summary>
    private async Task<DiscordResult<DiscordMessage?>> SendReplyAsync(MessageContent message, bool ephemeral, bool keepVisibility,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TryClaim(InitialResponseKind.Message, () => InteractionCallback.Message(message, ephemeral), cancellationToken, out var initial))
        {
            return WithoutMessage(await initial);
        }

        var previous = await initial;
        if (!previous.IsSuccess)
        {
            return DiscordResult.Fail<DiscordMessage?>(previous.Error!);
        }

        if (Expired())
        {
            return DiscordResult.Fail<DiscordMessage?>(TokenExpired().Error!);
        }

        if (InitialResponse == InitialResponseKind.Deferred && ClaimOriginalEdit())
        {
            if (!keepVisibility || DeferredEphemeral == ephemeral)
            {
                return WithMessage(await _rest.EditOriginalInteractionResponseAsync(Interaction.Token, message, cancellationToken));
            }

            // The first follow-up after a deferral would fill the deferred message (and take its
            // visibility), so the deferred message goes first.
            var deleted = await _rest.DeleteOriginalInteractionResponseAsync(Interaction.Token, cancellationToken);
            if (!deleted.IsSuccess)
            {
                return DiscordResult.Fail<DiscordMessage?>(deleted.Error!);
            }
        }

        var followUp = ephemeral ? message with { Flags = (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral } : message;
        return WithMessage(await _rest.CreateFollowupMessageAsync(Interaction.Token, followUp, cancellationToken));
    }

    /// <summary>True when the responder deferred with the ephemeral flag.</summary>
    public bool DeferredEphemeral { get; private set; }

    private static DiscordResult<DiscordMessage?> WithoutMessage(DiscordResult result) =>
        result.IsSuccess ? DiscordResult.Ok<DiscordMessage?>(null) : DiscordResult.Fail<DiscordMessage?>(result.Error!);

    private static DiscordResult<DiscordMessage?> WithMessage(DiscordResult<DiscordMessage> result) =>
        result.IsSuccess ? DiscordResult.Ok<DiscordMessage?>(result.Value) : DiscordResult.Fail<DiscordMessage?>(result.Error!);

    /// <summary>Components: edits the message the component is on (type 7, or an edit after a type-6 defer).</summary>
    public async Task<DiscordResult> UpdateMessageAsync(MessageContent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TryClaim(InitialResponseKind.UpdateMessage, () => InteractionCallback.UpdateMessage(message), cancellationToken, out var initial))
        {
            return await initial;
        }

        var previous = await initial;
        if (!previous.IsSuccess)
        {
            return previous;
        }

        return Expired()
            ? TokenExpired()
            : AsResult(await _rest.EditOriginalInteractionResponseAsync(Interaction.Token, message, cancellationToken));
    }

    public async Task<DiscordResult> FollowUpAsync(MessageContent message, bool ephemeral = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_initial is null)
        {
            return await ReplyAsync(message, ephemeral, cancellationToken);
        }

        await _initial;
        if (Expired())
        {
            return TokenExpired();
        }

        var followUp = ephemeral ? message with { Flags = (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral } : message;
        return AsResult(await _rest.CreateFollowupMessageAsync(Interaction.Token, followUp, cancellationToken));
    }

    /// <summary>Shows a modal; only possible as the initial response.</summary>
    public Task<DiscordResult> ShowModalAsync(ModalDefinition modal, CancellationToken cancellationToken = default) =>
        InitialOnlyAsync(InitialResponseKind.Modal, () => InteractionCallback.Modal(modal), cancellationToken);

    /// <summary>Answers an autocomplete interaction; only possible as the initial response.</summary>
    public Task<DiscordResult> AutocompleteAsync(IReadOnlyList<AutocompleteChoice> choices, CancellationToken cancellationToken = default) =>
        InitialOnlyAsync(InitialResponseKind.Autocomplete, () => InteractionCallback.Autocomplete(choices), cancellationToken);

    /// <summary>Defers now (the handler knows it will be slow).</summary>
    public Task<DiscordResult> DeferAsync(DeferStyle style, CancellationToken cancellationToken = default) =>
        DeferIfUnansweredAsync(style, cancellationToken) ?? Task.FromResult(AlreadyAnswered());

    /// <summary>Defers unless an initial response was already claimed; null when it was.</summary>
    internal Task<DiscordResult>? DeferIfUnansweredAsync(DeferStyle style, CancellationToken cancellationToken)
    {
        var kind = style == DeferStyle.UpdateMessage ? InitialResponseKind.DeferredUpdate : InitialResponseKind.Deferred;
        return TryClaim(kind, () =>
        {
            DeferredEphemeral = style == DeferStyle.EphemeralMessage;
            return style switch
        {
            DeferStyle.UpdateMessage => InteractionCallback.DeferUpdate(),
            DeferStyle.EphemeralMessage => InteractionCallback.Defer(ephemeral: true),
                _ => InteractionCallback.Defer(),
            };
        }, cancellationToken, out var task) ? task : null;
    }

    private async Task<DiscordResult> InitialOnlyAsync(InitialResponseKind kind, Func<InteractionCallback> callback, CancellationToken cancellationToken)
    {
        if (TryClaim(kind, callback, cancellationToken, out var initial))
        {
            return await initial;
        }

        return InitialResponse is InitialResponseKind.Deferred or InitialResponseKind.DeferredUpdate
            ? DiscordResult.Fail(new DiscordError(DiscordErrorKind.InteractionCannotDefer, DiscordMessages.InteractionCannotDefer))
            : AlreadyAnswered();
    }

    /// <summary>Claims the initial response atomically; when already claimed, returns the claimant's task.</summary>
    private bool TryClaim(InitialResponseKind kind, Func<InteractionCallback> callback, CancellationToken cancellationToken, out Task<DiscordResult> initial)
    {
        lock (_gate)
        {
            // An initial response Discord refused for its size was not recorded: the interaction is still open.
            if (_initial is not null && !RefusedForSize(_initial))
            {
                initial = _initial;
                return false;
            }

            InitialResponse = kind;
            _initial = Expired()
                ? Task.FromResult(TokenExpired())
                : _rest.CreateInteractionResponseAsync(Interaction.Id, Interaction.Token, callback(), cancellationToken);
            initial = _initial;
            return true;
        }
    }

    private static bool RefusedForSize(Task<DiscordResult> initial) =>
        initial.IsCompletedSuccessfully && initial.Result.Error is { IsTooLarge: true };

    private bool ClaimOriginalEdit()
    {
        lock (_gate)
        {
            if (_originalEdited)
            {
                return false;
            }

            _originalEdited = true;
            return true;
        }
    }

    private bool Expired() => _clock.GetUtcNow() - _receivedAt >= InteractionResponder.TokenLifetime;

    private static DiscordResult TokenExpired() =>
        DiscordResult.Fail(new DiscordError(DiscordErrorKind.InteractionTokenExpired, DiscordMessages.InteractionTokenExpired));

    private static DiscordResult AlreadyAnswered() =>
        DiscordResult.Fail(new DiscordError(DiscordErrorKind.InteractionAlreadyAnswered, DiscordMessages.InteractionAlreadyAnswered));

    private static DiscordResult AsResult<T>(DiscordResult<T> result) => result.IsSuccess ? DiscordResult.Success : DiscordResult.Fail(result.Error!);
}
