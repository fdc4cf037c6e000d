using System.Text.Json;
using System.Text.Json.Nodes;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>
/// Slack input → Core commands → Slack replies. Slash commands (<c>/mfml &lt;command&gt; …</c>), mentions and direct
/// messages go through <see cref="CommandDispatcher.DispatchTextAsync"/>; button presses through
/// <see cref="CommandDispatcher.DispatchActionAsync"/>, a button with a form first opening a modal.
/// </summary>
public sealed partial class SlackInteractions(
    CommandDispatcher dispatcher,
    SlackReplies replies,
    SlackThreadListener threads,
    ISlackUserDirectory users,
    WebApi.SlackWebApiClient api,
    SlackAdapterState state,
    ILogger<SlackInteractions> logger)
{
    public const string FormCallbackId = "mfml_form";
    public const string FormBlockId = "mfml_input";
    public const string FormInputActionId = "value";

    /// <summary>
    /// On the receive path, for a slash command: the reply when it needs no member, group or database (help, a line
    /// that does not parse, a command this build lacks), else null and the parsed command for <see cref="RunSlashCommandAsync"/>.
    /// </summary>
    public ChatReply? TryAnswerAtOnce(SlashCommand command, out ChatCommand? parsed)
    {
        ArgumentNullException.ThrowIfNull(command);
        // The role is not known before users.info, so organizer commands always go to the worker.
        return dispatcher.TryAnswerTextAtOnce(CommandLine(command.Text), context: null, out parsed);
    }

    /// <summary>Where a slash command's reply goes.</summary>
    public static ReplyTarget TargetOf(SlashCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new ReplyTarget(command.ChannelId, null, command.UserId, command.ResponseUrl);
    }

    /// <summary>On a worker, after the empty acknowledgement: runs the command and delivers its reply.</summary>
    public async Task RunSlashCommandAsync(SlashCommand command, ChatCommand parsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parsed);
        var context = await ContextAsync(command.TeamId, command.ChannelId, null, command.UserId, command.UserName, cancellationToken);
        var reply = await dispatcher.DispatchAsync(parsed, context, cancellationToken);
        await replies.DeliverAsync(TargetOf(command), reply, "/" + parsed.Definition.Path, cancellationToken);
    }

    /// <summary>On a worker, after the acknowledgement: each pressed button's command (or its form).</summary>
    public async Task RunBlockActionsAsync(BlockActions actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions.Actions)
        {
            await HandleActionAsync(actions, action, cancellationToken);
        }
    }

    /// <summary>
    /// On the receive path, for a form submission: what to acknowledge with (the field errors to show in the modal, or
    /// null to close it) and, when valid, the command to run with <see cref="RunSubmissionAsync"/>.
    /// </summary>
    public static (JsonElement? Errors, ChatCommand? Command, FormMetadata? Metadata) CheckSubmission(ViewSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.CallbackId != FormCallbackId || FormMetadata.Parse(submission.PrivateMetadata) is not { } metadata)
        {
            return (null, null, null);
        }

        var value = submission.ValueOf(FormBlockId, FormInputActionId)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return (SlackBlocks.FormErrors(SlackMessages.FormValueRequired), null, null);
        }

        // A value the command cannot take (say, not one of its choices) is shown in the modal, where it can be fixed.
        var parsed = CommandActions.Parse(metadata.ActionId, value);
        return parsed.Command is { } command
            ? (null, command, metadata)
            : (SlackBlocks.FormErrors(parsed.Error!.Replace("`", "", StringComparison.Ordinal)), null, null);
    }

    /// <summary>On a worker, after the modal closed: runs the submitted command and delivers its reply.</summary>
    public async Task RunSubmissionAsync(ViewSubmission submission, ChatCommand command, FormMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(metadata);
        var context = await ContextAsync(metadata.TeamId ?? submission.TeamId, metadata.ChannelId, metadata.ThreadTs, submission.UserId, submission.UserName, cancellationToken);
        var reply = await dispatcher.DispatchAsync(command, context, cancellationToken);
        await replies.DeliverAsync(new ReplyTarget(metadata.ChannelId, metadata.ThreadTs, submission.UserId, metadata.ResponseUrl), reply,
            "/" + command.Definition.Path, cancellationToken);
    }

    /// <summary>Mentions ("@MathForML problem") in channels and messages in the bot's DM are commands without the slash.</summary>
    public async Task HandleEventAsync(SlackEventCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Disposition != EventDisposition.Handle || callback.Message is not { } message)
        {
            return;
        }

        if (SlackThreadListener.IsThreadReply(message))
        {
            await threads.RecordAsync(callback, message, cancellationToken);
            return; // a reply in a thread is never a command (a mention in it also arrives as app_mention)
        }

        var isDirect = message.ChannelType == "im";
        if (message.Type == "message" && !isDirect)
        {
            return; // channel messages are commands only as app_mention; only DMs are read as messages
        }

        var text = message.Text;
        if (state.BotUserId is { } bot)
        {
            text = text.Replace("<@" + bot + ">", "", StringComparison.Ordinal);
        }

        var context = await ContextAsync(callback.TeamId, message.ChannelId, message.ThreadTs, message.UserId, null, cancellationToken);
        var line = CommandLine(text);
        var reply = await dispatcher.DispatchTextAsync(line, context, cancellationToken);
        var target = new ReplyTarget(message.ChannelId, message.ThreadTs, message.UserId, null);
        // In the bot's DM only the member sees anything, so "ephemeral" replies are ordinary messages there.
        await replies.DeliverAsync(target, isDirect ? reply with { Ephemeral = false } : reply, CommandName(line), cancellationToken);
    }

    private async Task HandleActionAsync(BlockActions actions, BlockAction action, CancellationToken cancellationToken)
    {
        if (actions.ChannelId is not { } channel)
        {
            SlackAdapterLog.ActionWithoutChannel(logger, action.ActionId);
            return;
        }

        var target = new ReplyTarget(channel, actions.ThreadTs, actions.UserId, actions.ResponseUrl);
        if (SlackBlocks.ReadForm(action.Value) is { } form)
        {
            var metadata = new FormMetadata(action.ActionId, channel, actions.ThreadTs, actions.TeamId, actions.ResponseUrl);
            var opened = actions.TriggerId is { } trigger
                ? await api.OpenViewAsync(trigger, SlackBlocks.Modal(form, metadata.Serialize()), cancellationToken)
                : default;
            if (actions.TriggerId is null || !opened.IsSuccess)
            {
                SlackAdapterLog.ModalFailed(logger, action.ActionId, opened.Error?.Code ?? "no_trigger_id");
                await replies.DeliverAsync(target, ChatReply.Text(SlackMessages.FormNotOpened, ephemeral: true), "button " + action.ActionId, cancellationToken);
            }

            return;
        }

        var context = await ContextAsync(actions.TeamId, channel, actions.ThreadTs, actions.UserId, actions.UserName, cancellationToken);
        var reply = await dispatcher.DispatchActionAsync(action.ActionId, null, context, cancellationToken);
        await replies.DeliverAsync(target, reply, "button " + action.ActionId, cancellationToken);
    }

    private async Task<CommandContext> ContextAsync(string? teamId, string channelId, string? threadTs, string userId, string? userName, CancellationToken cancellationToken)
    {
        var role = await users.RoleAsync(userId, cancellationToken);
        var profile = await users.FindAsync(userId, cancellationToken);
        var name = NonEmpty(profile?.RealName) ?? NonEmpty(profile?.Name) ?? NonEmpty(userName) ?? userId;
        return new CommandContext(
            new ConversationRef(ChatPlatform.Slack, teamId ?? "", channelId, threadTs),
            new MemberRef(ChatPlatform.Slack, userId, name),
            role);
    }

    /// <summary>"/answer 1/4" → "/answer" (for logs).</summary>
    internal static string CommandName(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? line : line[..space];
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>"answer 1/4" → "/answer 1/4"; empty → "/help". Slack sends &amp;, &lt;, &gt; escaped.</summary>
    internal static string CommandLine(string text)
    {
        var unescaped = Unescape(text).Trim();
        return unescaped.Length == 0 ? "/" + CommandCatalog.Help.Name : "/" + unescaped.TrimStart('/');
    }

    /// <summary>Slack sends &amp;, &lt;, &gt; in message text escaped.</summary>
    internal static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Where a modal's submission belongs: carried in the view's <c>private_metadata</c> (≤ 3,000 characters).</summary>
    public sealed record FormMetadata(string ActionId, string ChannelId, string? ThreadTs, string? TeamId, string? ResponseUrl)
    {
        public string Serialize() => new JsonObject { ["a"] = ActionId, ["c"] = ChannelId, ["t"] = ThreadTs, ["w"] = TeamId, ["r"] = ResponseUrl }.ToJsonString();

        public static FormMetadata? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                return JsonRead.String(root, "a") is { } action && JsonRead.String(root, "c") is { } channel
                    ? new FormMetadata(action, channel, JsonRead.String(root, "t"), JsonRead.String(root, "w"), JsonRead.String(root, "r"))
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
