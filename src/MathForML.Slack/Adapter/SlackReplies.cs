using MathForML.Core.Chat;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>Where a reply goes: the channel (and thread) of the interaction, the member, and the interaction's response URL.</summary>
public sealed record ReplyTarget(string ChannelId, string? ThreadTs, string UserId, string? ResponseUrl);

/// <summary>
/// Delivers a <see cref="ChatReply"/> after the acknowledgement. Ephemeral: the interaction's <c>response_url</c>
/// (works even where the bot is not a member), else <c>chat.postEphemeral</c>; images, which ephemeral messages
/// cannot carry, are shown as their alt text. Public: <c>chat.postMessage</c> (+ files, + thread title) via
/// <see cref="SlackPoster"/>; if the bot may not post in the channel, the reply goes through the response URL
/// (text only) so the member still gets an answer.
/// </summary>
public sealed class SlackReplies(SlackWebApiClient api, SlackAdapterState state, ILogger<SlackReplies> logger)
{
    private readonly SlackPoster _poster = new(api, logger);

    public async Task DeliverAsync(ReplyTarget target, ChatReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Ephemeral)
        {
            await EphemeralAsync(target, reply.Content, cancellationToken);
            return;
        }

        var outcome = await _poster.PostAsync(target.ChannelId, target.ThreadTs, reply.Content, reply.ThreadTitle, null, anchorRequired: false, cancellationToken);
        if (outcome.Error is not { } error)
        {
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
        if (target.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var responseUrl)
            && error.Code is "not_in_channel" or "channel_not_found")
        {
            var rendered = SlackBlocks.Render(reply.Content, imagesAsText: true);
            var fallback = await api.RespondAsync(responseUrl, SlackBlocks.ResponsePayload(rendered, ephemeral: false), cancellationToken);
            if (fallback.IsSuccess)
            {
                return;
            }
        }

        await EphemeralAsync(target, MessageContent.FromText(SlackMessages.ReplyNotPosted), cancellationToken);
    }

    private async Task EphemeralAsync(ReplyTarget target, MessageContent content, CancellationToken cancellationToken)
    {
        var rendered = SlackBlocks.Render(content, imagesAsText: true);
        if (target.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var responseUrl))
        {
            var responded = await api.RespondAsync(responseUrl, SlackBlocks.ResponsePayload(rendered, ephemeral: true), cancellationToken);
            if (responded.IsSuccess)
            {
                return;
            }

            SlackAdapterLog.ReplyFailed(logger, target.ChannelId, SlackFailures.Describe(responded.Error, target.ChannelId));
        }

        var posted = await api.PostEphemeralAsync(
            new PostEphemeralRequest(target.ChannelId, target.UserId, rendered.Text) { Blocks = rendered.BlocksElement, ThreadTs = target.ThreadTs },
            cancellationToken);
        if (!posted.IsSuccess)
        {
            SlackAdapterLog.ReplyFailed(logger, target.ChannelId, SlackFailures.Describe(posted.Error, target.ChannelId));
        }
    }
}
