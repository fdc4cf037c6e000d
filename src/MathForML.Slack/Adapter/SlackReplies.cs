using MathForML.Core.Chat;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>Where a reply goes: the channel (and thread) of the interaction, the member, and the interaction's response URL.</summary>
public sealed record ReplyTarget(string ChannelId, string? ThreadTs, string UserId, string? ResponseUrl);

/// <summary>
/// Delivers a <see cref="ChatReply"/> after the acknowledgement. Ephemeral: the interaction's <c>response_url</c>
/// (works even where the bot is not a member), else <c>chat.postEphemeral</c>; images, which ephemeral messages
/// cannot carry, are shown as their alt text, and files go to the member's direct messages with the bot
/// (<c>conversations.open</c>, then the upload into that DM) while the reply says so. Public: <c>chat.postMessage</c>
/// (+ files, + thread title) via <see cref="SlackPoster"/>; if the bot may not post in the channel, the reply goes
/// through the response URL (text only; files by DM) so the member still gets an answer.
/// </summary>
public sealed class SlackReplies(SlackWebApiClient api, SlackAdapterState state, ILogger<SlackReplies> logger)
{
    private readonly SlackPoster _poster = new(api, logger);

    /// <summary>Delivers <paramref name="reply"/> to <paramref name="command"/>'s invoker; a reply that finally cannot be
    /// delivered by any path is logged with the command and the member.</summary>
    public async Task DeliverAsync(ReplyTarget target, ChatReply reply, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reply);
        SlackAttachments.CheckLimits(reply.Content);
        if (reply.Ephemeral)
        {
            if (await EphemeralAsync(target, reply.Content, cancellationToken) is { } why)
            {
                SlackAdapterLog.ReplyLost(logger, command, target.UserId, target.ChannelId, why);
            }

            return;
        }

        var outcome = await _poster.PostAsync(target.ChannelId, target.ThreadTs, reply.Content, reply.ThreadTitle, null, anchorRequired: false, cancellationToken);
        if (outcome.Error is not { } error)
        {
            if (outcome.AttachmentFailures.Count > 0)
            {
                await EphemeralAsync(target, MessageContent.FromText(string.Join("\n", outcome.AttachmentFailures)), cancellationToken);
            }

            return;
        }

        var description = SlackFailures.Describe(error, target.ChannelId);
        if (SlackFailures.StopsAdapter(error))
        {
            if (state.Stop(description))
            {
                SlackAdapterLog.AdapterStopped(logger, description);
            }

            return;
        }

        SlackAdapterLog.ReplyFailed(logger, target.ChannelId, description);
        var outsideChannel = error.Code is "not_in_channel" or "channel_not_found";
        if (target.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var responseUrl) && outsideChannel)
        {
            var content = await WithFilesByDirectMessageAsync(target, reply.Content, cancellationToken);
            var rendered = SlackBlocks.Render(content, imagesAsText: true);
            var fallback = await api.RespondAsync(responseUrl, SlackBlocks.ResponsePayload(rendered, ephemeral: false), cancellationToken);
            if (fallback.IsSuccess)
            {
                return;
            }
        }

        var apology = outsideChannel ? SlackMessages.ReplyNotPosted : SlackAttachments.Format(SlackMessages.ReplyFailedBecause, description);
        if (await EphemeralAsync(target, MessageContent.FromText(apology), cancellationToken) is { } lost)
        {
            SlackAdapterLog.ReplyLost(logger, command, target.UserId, target.ChannelId, description + "; the apology too: " + lost);
        }
    }

    /// <summary>Null when delivered; else why not.</summary>
    private async Task<string?> EphemeralAsync(ReplyTarget target, MessageContent content, CancellationToken cancellationToken)
    {
        content = await WithFilesByDirectMessageAsync(target, content, cancellationToken);
        var rendered = SlackBlocks.Render(content, imagesAsText: true);
        if (target.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var responseUrl))
        {
            var responded = await api.RespondAsync(responseUrl, SlackBlocks.ResponsePayload(rendered, ephemeral: true), cancellationToken);
            if (responded.IsSuccess)
            {
                return null;
            }

            SlackAdapterLog.ReplyFailed(logger, target.ChannelId, SlackFailures.Describe(responded.Error, target.ChannelId));
        }

        var posted = await api.PostEphemeralAsync(
            new PostEphemeralRequest(target.ChannelId, target.UserId, rendered.Text) { Blocks = rendered.BlocksElement, ThreadTs = target.ThreadTs },
            cancellationToken);
        return posted.IsSuccess ? null : SlackFailures.Describe(posted.Error, target.ChannelId);
    }

    /// <summary>
    /// Sends the content's files to the member's direct messages with the bot and returns the content without them,
    /// its text saying where the files went (or why they could not be sent).
    /// </summary>
    private async Task<MessageContent> WithFilesByDirectMessageAsync(ReplyTarget target, MessageContent content, CancellationToken cancellationToken)
    {
        if (content.Files.Count == 0)
        {
            return content;
        }

        var names = SlackAttachments.Names(content.Files.Select(f => f.FileName));
        var dm = await api.OpenDirectMessageAsync(target.UserId, cancellationToken);
        var error = dm.Error;
        if (dm.IsSuccess)
        {
            var sent = await _poster.PostAsync(dm.Value, null, new MessageContent { Files = content.Files }, null, null, anchorRequired: false, cancellationToken);
            error = sent.Error;
        }

        string note;
        if (error is null)
        {
            note = SlackAttachments.Format(SlackMessages.FilesSentByDirectMessage, names);
        }
        else
        {
            var description = SlackFailures.Describe(error, dm.Value ?? target.UserId);
            SlackAdapterLog.FilesNotSent(logger, target.UserId, description);
            note = SlackAttachments.Format(SlackMessages.FilesNotSent, names, description);
        }

        return content with { Text = content.Text.Length == 0 ? note : content.Text + "\n\n" + note, Files = [] };
    }
}
