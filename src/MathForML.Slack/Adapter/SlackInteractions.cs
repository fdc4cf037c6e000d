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
    TimeProvider time,
    SlackAdapterTuning tuning,
    ILogger<SlackInteractions> logger)
{
    public const string FormCallbackId = "mfml_form";
    public const string FormBlockId = "mfml_input";
    public const string FormInputActionId = "value";

    public async Task HandleSlashCommandAsync(SlashCommand command, ISlackAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(ack);
        var started = time.GetTimestamp();
        var context = await ContextAsync(command.TeamId, command.ChannelId, null, command.UserId, command.UserName, cancellationToken);
        var dispatch = dispatcher.DispatchTextAsync(CommandLine(command.Text), context, cancellationToken);
        var reply = await WithinBudgetAsync(dispatch, started, cancellationToken);
        var target = new ReplyTarget(command.ChannelId, null, command.UserId, command.ResponseUrl);
        if (reply is not null)
        {
            SlackAttachments.CheckLimits(reply.Content); // a bug in Core: found before the acknowledgement
        }

        if (reply is { Ephemeral: true, Content.Files.Count: 0 } && ack.AcceptsPayload)
        {
            // Quick and private: the reply rides on the acknowledgement itself.
            await ack.AckAsync(SlackBlocks.ResponsePayload(SlackBlocks.Render(reply.Content, imagesAsText: true), ephemeral: true), cancellationToken);
            return;
        }

        await ack.AckAsync(null, cancellationToken);
        await replies.DeliverAsync(target, reply ?? await dispatch, cancellationToken);
    }

    public async Task HandleInteractionAsync(InteractivePayload payload, ISlackAck ack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ack);
        switch (payload)
        {
            case BlockActions actions:
                await ack.AckAsync(null, cancellationToken);
                foreach (var action in actions.Actions)
                {
                    await HandleActionAsync(actions, action, cancellationToken);
                }

                break;
            case ViewSubmission submission:
                await HandleSubmissionAsync(submission, ack, cancellationToken);
                break;
            default:
                await ack.AckAsync(null, cancellationToken);
                break;
        }
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
        var reply = await dispatcher.DispatchTextAsync(CommandLine(text), context, cancellationToken);
        var target = new ReplyTarget(message.ChannelId, message.ThreadTs, message.UserId, null);
        // In the bot's DM only the member sees anything, so "ephemeral" replies are ordinary messages there.
        await replies.DeliverAsync(target, isDirect ? reply with { Ephemeral = false } : reply, cancellationToken);
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
                await replies.DeliverAsync(target, ChatReply.Text(SlackMessages.FormNotOpened, ephemeral: true), cancellationToken);
            }

            return;
        }

        var context = await ContextAsync(actions.TeamId, channel, actions.ThreadTs, actions.UserId, actions.UserName, cancellationToken);
        var reply = await dispatcher.DispatchActionAsync(action.ActionId, null, context, cancellationToken);
        await replies.DeliverAsync(target, reply, cancellationToken);
    }

    private async Task HandleSubmissionAsync(ViewSubmission submission, ISlackAck ack, CancellationToken cancellationToken)
    {
        if (submission.CallbackId != FormCallbackId || FormMetadata.Parse(submission.PrivateMetadata) is not { } metadata)
        {
            await ack.AckAsync(null, cancellationToken);
            return;
        }

        var value = submission.ValueOf(FormBlockId, FormInputActionId)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            await ack.AckAsync(SlackBlocks.FormErrors(SlackMessages.FormValueRequired), cancellationToken);
            return;
        }

        // A value the command cannot take (say, not one of its choices) is shown in the modal, where it can be fixed.
        var parsed = CommandActions.Parse(metadata.ActionId, value);
        if (parsed.Command is not { } command)
        {
            await ack.AckAsync(SlackBlocks.FormErrors(parsed.Error!.Replace("`", "", StringComparison.Ordinal)), cancellationToken);
            return;
        }

        await ack.AckAsync(null, cancellationToken);
        var context = await ContextAsync(metadata.TeamId ?? submission.TeamId, metadata.ChannelId, metadata.ThreadTs, submission.UserId, submission.UserName, cancellationToken);
        var reply = await dispatcher.DispatchAsync(command, context, cancellationToken);
        await replies.DeliverAsync(new ReplyTarget(metadata.ChannelId, metadata.ThreadTs, submission.UserId, metadata.ResponseUrl), reply, cancellationToken);
    }

    private async Task<ChatReply?> WithinBudgetAsync(Task<ChatReply> dispatch, long started, CancellationToken cancellationToken)
    {
        var remaining = tuning.ReplyBudget - time.GetElapsedTime(started);
        if (dispatch.IsCompleted || remaining <= TimeSpan.Zero)
        {
            return dispatch.IsCompleted ? await dispatch : null;
        }

        try
        {
            return await dispatch.WaitAsync(remaining, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
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
    internal sealed record FormMetadata(string ActionId, string ChannelId, string? ThreadTs, string? TeamId, string? ResponseUrl)
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
