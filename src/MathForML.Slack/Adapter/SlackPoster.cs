using System.Text.Json.Nodes;
using MathForML.Core.Chat;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>The result of a public post: the anchor message (if one was posted), or the error that stopped it.</summary>
public sealed record SlackPostOutcome(WebApi.PostedMessage? Message, SlackApiError? Error)
{
    /// <summary>Attachments uploaded but not shared after the message was posted (operator-facing sentences).</summary>
    public IReadOnlyList<string> AttachmentFailures { get; init; } = [];
}

/// <summary>
/// Posts a public message the Slack way. Layout (documented in docs/slack.md): one message with the text as mrkdwn
/// sections and the buttons as an actions block; its ts is the message ID and, with a thread title, the thread (the
/// title is the thread's first reply). Images (alt text = <c>alt_txt</c>) and files (title = description) follow as
/// one file share right after the message in the same place: the channel, or the thread the post was aimed at.
/// Their bytes are uploaded before the message is posted, so a refused upload (too large, missing <c>files:write</c>)
/// stops the post before anything is visible.
/// </summary>
public sealed class SlackPoster(SlackWebApiClient api, ILogger logger)
{
    /// <param name="anchorRequired">Post a message even when the content is only attachments (e.g. a scheduled post needs an ID).</param>
    public async Task<SlackPostOutcome> PostAsync(
        string channel, string? threadTs, MessageContent content, string? threadTitle, MessageMetadata? metadata, bool anchorRequired, CancellationToken cancellationToken)
    {
        SlackAttachments.CheckLimits(content);
        var prepared = new List<PreparedUpload>();
        foreach (var attachment in SlackAttachments.Of(content))
        {
            var upload = await api.PrepareUploadAsync(attachment, cancellationToken);
            if (!upload.IsSuccess)
            {
                return new SlackPostOutcome(null, upload.Error);
            }

            prepared.Add(upload.Value);
        }

        var rendered = SlackBlocks.Render(content, imagesAsText: false);
        WebApi.PostedMessage? anchor = null;
        if (rendered.HasBody || anchorRequired || threadTitle is not null || metadata is not null)
        {
            var blocks = rendered.Blocks;
            var text = rendered.Text;
            if (!rendered.HasBody)
            {
                // Only attachments: the message carries their descriptions, the files follow.
                text = SlackText.Escape(SlackAttachments.Describe(content));
                if (text.Length == 0)
                {
                    return new SlackPostOutcome(null, new SlackApiError("chat.postMessage", SlackErrorKind.InvalidResponse, "empty_message", [SlackMessages.EmptyPost]));
                }

                blocks = [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackBlocks.Cut(text, SlackText.MaxSectionLength) } }];
                text = SlackText.Fallback(text);
            }

            var posted = await api.PostMessageAsync(
                new PostMessageRequest(channel, text) { Blocks = SlackBlocks.ToElement(blocks), ThreadTs = threadTs, Metadata = metadata },
                cancellationToken);
            if (!posted.IsSuccess)
            {
                return new SlackPostOutcome(null, posted.Error);
            }

            anchor = posted.Value;
            if (threadTitle is not null && threadTs is null)
            {
                var title = await api.PostMessageAsync(new PostMessageRequest(channel, "*" + SlackText.Escape(threadTitle) + "*") { ThreadTs = anchor.Ts }, cancellationToken);
                if (!title.IsSuccess)
                {
                    SlackAdapterLog.ThreadTitleFailed(logger, channel, title.Error.Code);
                }
            }
        }

        if (prepared.Count == 0)
        {
            return new SlackPostOutcome(anchor, null);
        }

        var shared = await api.CompleteUploadsAsync(new CompleteUploadsRequest(channel, prepared) { ThreadTs = threadTs }, cancellationToken);
        if (shared.IsSuccess)
        {
            return new SlackPostOutcome(anchor, null);
        }

        if (anchor is null)
        {
            return new SlackPostOutcome(null, shared.Error);
        }

        var failure = SlackAttachments.Format(SlackMessages.AttachmentsNotShared, SlackAttachments.PlainNames(content), SlackFailures.Describe(shared.Error, channel));
        SlackAdapterLog.AttachmentsFailed(logger, failure);
        return new SlackPostOutcome(anchor, null) { AttachmentFailures = [failure] };
    }

    /// <summary>Slack's limit for a file's <c>alt_txt</c>.</summary>
    public const int MaxAltText = 1000;
}
