using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Concurrency;
using MathForML.Core.Reading;
using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Adapter;

/// <summary>
/// INTERACTION_CREATE → Core: slash commands to <see cref="CommandDispatcher.DispatchAsync"/>, buttons and
/// modal submissions to <see cref="CommandDispatcher.DispatchActionAsync"/>, a button with a form to a
/// modal first, book autocomplete from <see cref="IBookCatalog"/>. Answers go through the
/// <see cref="InteractionResponder"/>, which defers when the work outlasts the configured threshold.
/// </summary>
/// <remarks>
/// Ephemerality must be chosen when deferring, before the reply exists. Rule: commands whose replies are
/// about the member alone (<see cref="RepliesPrivately"/>: answer, hint, stats, timezone, and any command whose
/// summary says "only you see") defer privately,
/// all others publicly. When the reply turns out otherwise (e.g. an error answered privately after a
/// public deferral), the deferred message is deleted and the reply sent as a follow-up with its own
/// visibility, so a private reply is never shown to the channel.
/// </remarks>
public sealed class DiscordInteractionRouter
{
    /// <summary>Leaf command paths whose replies are private to the invoker (besides those whose summary
    /// says "only you see", see <see cref="RepliesPrivately"/>).</summary>
    public static readonly IReadOnlySet<string> PrivateCommands = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        CommandCatalog.Answer.Path, CommandCatalog.Hint.Path, CommandCatalog.Stats.Path, CommandCatalog.TimeZone.Path,
    };

    /// <summary>The catalog's own wording for private replies, e.g. "(only you see the verdict)".</summary>
    public const string PrivateSummaryMarker = "only you see";

    /// <summary>Whether a deferral for this leaf command should be private (see the class remarks).</summary>
    public static bool RepliesPrivately(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PrivateCommands.Contains(command.Path) || command.Summary.Contains(PrivateSummaryMarker, StringComparison.OrdinalIgnoreCase);
    }

    public const int MaxAutocompleteChoices = 25;
    public const int MaxModalTitleLength = 45;
    public const int MaxInputLabelLength = 45;
    public const int MaxPlaceholderLength = 100;
    public const int MaxInputLength = 4000;
    public const int DerivedFormMaxLength = 1000;
    public const string ModalInputId = "value";

    private readonly InteractionResponder _responder;
    private readonly DiscordRestClient _rest;
    private readonly CommandDispatcher _dispatcher;
    private readonly ButtonFormCache _forms;
    private readonly IBookCatalog? _books;
    private readonly HashSet<string> _organizerRoles;
    private readonly ILogger _logger;
    private readonly CommandWorkPool _pool;

    public DiscordInteractionRouter(InteractionResponder responder, DiscordRestClient rest, CommandDispatcher dispatcher, ButtonFormCache forms,
        CommandWorkPool pool, IOptions<DiscordOptions> options, IBookCatalog? books = null, ILogger<DiscordInteractionRouter>? logger = null)
    {
        _pool = pool;
        ArgumentNullException.ThrowIfNull(options);
        _responder = responder;
        _rest = rest;
        _dispatcher = dispatcher;
        _forms = forms;
        _books = books;
        _organizerRoles = new HashSet<string>(options.Value.OrganizerRoleIds ?? [], StringComparer.Ordinal);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Takes one INTERACTION_CREATE payload (<c>d</c>) on the receive path and never waits: answers at once what needs
    /// no state (autocomplete, a modal, help, an unknown command, an organizer command from a member), else defers
    /// at once and hands the command to a worker, so the 3-second acknowledgement does not depend on how busy the
    /// workers are. Returns the acknowledging call (tests wait on it); null when the payload was malformed and skipped.
    /// </summary>
    public Task<InteractionHandlingResult>? Accept(JsonElement data)
    {
        var parsed = InteractionParser.Parse(data);
        if (parsed.Interaction is not { } interaction)
        {
            DiscordAdapterLog.MalformedInteraction(_logger, parsed.Error!.Path, parsed.Error.Problem);
            return null;
        }

        return Accept(interaction);
    }

    /// <inheritdoc cref="Accept(JsonElement)"/>
    public Task<InteractionHandlingResult> Accept(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var context = _responder.Open(interaction);
        var plan = Plan(interaction);
        var who = interaction.User.Id;
        if (plan.Work is not { } work)
        {
            var answering = _responder.RunAsync(context, plan.Respond!, _pool.Stopping);
            _pool.Track(answering, plan.Name, who);
            return answering;
        }

        var deferring = context.DeferAsync(plan.DeferStyle, _pool.Stopping);
        _pool.Track(deferring, plan.Name, who);
        if (!_pool.TrySubmit(plan.Name, who, ct => _responder.RunAsync(context, async (ctx, c) => await ReplyAsync(ctx, await work(c), plan.Name, c), ct)))
        {
            _pool.Track(ReplyAsync(context, ChatReply.Text(CommandMessages.Busy, ephemeral: true), plan.Name, _pool.Stopping), plan.Name, who);
        }

        return deferring.ContinueWith(_ => new InteractionHandlingResult(context.InitialResponse, false, null),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>What an interaction needs: an answer now (<see cref="Respond"/>), or a deferral and work on a worker.</summary>
    private sealed record InteractionPlan(string Name, Func<InteractionReplyContext, CancellationToken, Task>? Respond,
        Func<CancellationToken, Task<ChatReply>>? Work = null, DeferStyle DeferStyle = DeferStyle.Message);

    private InteractionPlan Plan(Interaction interaction)
    {
        if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            return new InteractionPlan("autocomplete", (ctx, ct) => ctx.AutocompleteAsync(Suggestions(interaction), ct));
        }

        if (interaction.GuildId is null || interaction.ChannelId is null)
        {
            return Immediate("direct message", ChatReply.Text(DiscordMessages.DirectMessagesNotSupported, ephemeral: true));
        }

        var context = Context(interaction);
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                var command = ToCommand(interaction.Command!);
                if (command.Command is not { } chatCommand)
                {
                    return Immediate("/" + interaction.Command!.Name, ChatReply.Text(command.Error!, ephemeral: true));
                }

                return Deferred(chatCommand, context, ct => _dispatcher.DispatchAsync(chatCommand, context, ct));
            case InteractionType.MessageComponent:
                var actionId = interaction.Component!.CustomId;
                if (FormFor(actionId) is { } modal)
                {
                    return new InteractionPlan("form", (ctx, ct) => ctx.ShowModalAsync(modal, ct));
                }

                return Action(actionId, null, context);
            case InteractionType.ModalSubmit:
                var submitted = interaction.Modal!;
                var value = submitted.Values.TryGetValue(ModalInputId, out var typed) ? typed : submitted.Values.Values.FirstOrDefault() ?? "";
                return Action(submitted.CustomId, value, context);
            default:
                return new InteractionPlan("interaction type " + (int)interaction.Type, (_, _) => Task.CompletedTask);
        }
    }

    private InteractionPlan Action(string actionId, string? formValue, CommandContext context)
    {
        var parsed = CommandActions.Parse(actionId, formValue);
        return parsed.Command is { } command
            ? Deferred(command, context, ct => _dispatcher.DispatchAsync(command, context, ct))
            : Immediate("button", ChatReply.Text(parsed.Error!, ephemeral: true));
    }

    private InteractionPlan Deferred(ChatCommand command, CommandContext context, Func<CancellationToken, Task<ChatReply>> run)
    {
        var name = "/" + command.Definition.Path;
        return _dispatcher.TryAnswerAtOnce(command, context) is { } immediate
            ? Immediate(name, immediate)
            : new InteractionPlan(name, null, run, RepliesPrivately(command.Definition) ? DeferStyle.EphemeralMessage : DeferStyle.Message);
    }

    private InteractionPlan Immediate(string name, ChatReply reply) => new(name, (ctx, ct) => ReplyAsync(ctx, reply, name, ct));

    /// <summary>Where and by whom: workspace = guild; inside a thread the channel is the thread's parent.</summary>
    public CommandContext Context(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var (channel, thread) = interaction.InThread && interaction.ChannelParentId is { } parent
            ? (parent, interaction.ChannelId)
            : (interaction.ChannelId!, (string?)null);
        var conversation = new ConversationRef(ChatPlatform.Discord, interaction.GuildId!, channel, thread);
        var user = interaction.User;
        var member = new MemberRef(ChatPlatform.Discord, user.Id, DisplayName(interaction.MemberNick, user));
        var organizer = interaction.MemberCanManageGuild || interaction.MemberRoles.Any(_organizerRoles.Contains);
        return new CommandContext(conversation, member, organizer ? MemberRole.Organizer : MemberRole.Member);
    }

    /// <summary>How the member appears in the server: nickname, else global display name, else username.</summary>
    public static string DisplayName(string? nick, DiscordUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new[] { nick, user.GlobalName, user.Username }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? user.Id;
    }

    /// <summary>The slash command's leaf definition and its options as Core arguments.</summary>
    public static CommandParseResult ToCommand(CommandData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var definition = CommandCatalog.Find(data.Name);
        foreach (var name in data.SubcommandPath)
        {
            definition = definition?.FindSubcommand(name);
        }

        if (definition is null)
        {
            return CommandParseResult.Fail(DiscordMessages.UnknownCommand, 0);
        }

        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in data.LeafOptions)
        {
            if (option.AsString() is { } text)
            {
                arguments[option.Name] = text;
            }
        }

        return ChatCommand.Create(definition, arguments);
    }

    private async Task ReplyAsync(InteractionReplyContext context, ChatReply reply, string command, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        _forms.Remember(reply.Content.Buttons);
        var sent = await context.ReplyForMessageAsync(DiscordMessageRenderer.Reply(reply.Content), reply.Ephemeral, cancellationToken);
        if (!sent.IsSuccess)
        {
            // Includes a token past its 15 minutes: logged, nothing more can be sent for this interaction.
            DiscordAdapterLog.ReplyNotDelivered(_logger, command, interaction.User.Id, interaction.Id, sent.Error!.ToString());
            if (sent.Error.IsTooLarge)
            {
                // Discord created nothing: say why instead of leaving the member with no answer.
                var notice = await context.ReplyForMessageAsync(new Rest.MessageContent { Content = DiscordMessages.ReplyTooLarge }, reply.Ephemeral, cancellationToken);
                if (!notice.IsSuccess)
                {
                    DiscordAdapterLog.ReplyNotDelivered(_logger, command, interaction.User.Id, interaction.Id, notice.Error!.ToString());
                }
            }

            return;
        }

        if (reply.ThreadTitle is not { } title || string.IsNullOrWhiteSpace(title) || reply.Ephemeral || interaction.InThread)
        {
            return;
        }

        var message = sent.Value;
        if (message is null)
        {
            var original = await _rest.GetOriginalInteractionResponseAsync(interaction.Token, cancellationToken);
            if (!original.IsSuccess)
            {
                DiscordAdapterLog.ReplyThreadFailed(_logger, interaction.Id, original.Error!.ToString());
                return;
            }

            message = original.Value!;
        }

        var name = DiscordCommandRegistry.Truncate(title.Trim(), DiscordChatPlatform.MaxThreadNameLength);
        var channelId = string.IsNullOrEmpty(message.ChannelId) ? interaction.ChannelId! : message.ChannelId;
        var thread = await _rest.StartThreadFromMessageAsync(channelId, message.Id, name, ThreadArchiveDuration.OneDay, cancellationToken);
        if (!thread.IsSuccess)
        {
            DiscordAdapterLog.ReplyThreadFailed(_logger, interaction.Id, thread.Error!.ToString());
        }
    }

    /// <summary>The modal a button press opens: the button's own form, or for a button whose command still
    /// needs a required argument, a form derived from that parameter. Null: run the action directly.</summary>
    internal ModalDefinition? FormFor(string actionId)
    {
        var form = _forms.Find(actionId) ?? DerivedForm(actionId);
        if (form is null)
        {
            return null;
        }

        var input = Component.TextInput(ModalInputId, DiscordCommandRegistry.Truncate(form.FieldLabel, MaxInputLabelLength),
            form.MaxLength > 200 ? TextInputStyle.Paragraph : TextInputStyle.Short, required: true,
            maxLength: int.Clamp(form.MaxLength, 1, MaxInputLength),
            placeholder: string.IsNullOrWhiteSpace(form.Placeholder) ? null : DiscordCommandRegistry.Truncate(form.Placeholder, MaxPlaceholderLength));
        return new ModalDefinition(actionId, DiscordCommandRegistry.Truncate(form.Title, MaxModalTitleLength), [Component.ActionRow(input)]);
    }

    private static ButtonForm? DerivedForm(string actionId)
    {
        var parts = actionId.Split('|');
        if (CommandCatalog.FindPath(parts[0]) is not { Subcommands.Count: 0 } command)
        {
            return null;
        }

        var given = parts.Skip(1).Select(p => p.Split('=')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var open = command.Parameters.FirstOrDefault(p => !given.Contains(p.Name));
        return open is { Required: true }
            ? new ButtonForm("/" + command.Path, open.Name, open.Description, DerivedFormMaxLength)
            : null;
    }

    private static CommandDefinition? ActionCommand(string actionId) => CommandCatalog.FindPath(actionId.Split('|')[0]);

    /// <summary>Book suggestions (id and title) matching what was typed, at most 25.</summary>
    internal IReadOnlyList<AutocompleteChoice> Suggestions(Interaction interaction)
    {
        var focused = interaction.Command?.FocusedOption;
        if (focused is null || !DiscordCommandRegistry.IsBookParameter(focused.Name) || _books is null)
        {
            return [];
        }

        var typed = (focused.AsString() ?? "").Trim();
        return
        [
            .. _books.Books
                .Where(b => typed.Length == 0 || b.Id.Contains(typed, StringComparison.OrdinalIgnoreCase) || b.Title.Contains(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(b => b.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(b => b.Id, StringComparer.OrdinalIgnoreCase)
                .Take(MaxAutocompleteChoices)
                .Select(b => new AutocompleteChoice(DiscordCommandRegistry.Truncate($"{b.Id} — {b.Title}", DiscordCommandRegistry.MaxChoiceNameLength),
                    DiscordCommandRegistry.Truncate(b.Id, DiscordCommandRegistry.MaxChoiceNameLength))),
        ];
    }
}
