using System.Globalization;
using System.Text.Json.Nodes;
using MathForML.Core.Chat;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>The result of a public post: the anchor message (if one was posted), or the error that stopped it.</summary>
public sealed record SlackPostOutcome(WebApi.PostedMessage? Message, SlackApiError? Error)
{
    /// <summary>Images that could not be uploaded after the message was posted (operator-facing sentences).</summary>
    public IReadOnlyList<string> ImageFailures { get; init; } = [];
}

/// <summary>
/// Posts a public message the Slack way. Layout (documented in docs/slack.md): one message with the text as mrkdwn
/// sections and the buttons as an actions block; its ts is the message ID and, with a thread title, the thread (the
/// title is the thread's first reply). Images follow as files (upload v2, alt text = <c>alt_txt</c>) right after the
/// message in the same place: the channel, or the thread the post was aimed at.
/// </summary>
public sealed class SlackPoster(SlackWebApiClient api, ILogger logger)
{
    /// <param name="anchorRequired">Post a message even when the content is only images (e.g. a scheduled post needs an ID).</param>
    public async Task<SlackPostOutcome> PostAsync(
        string channel, string? threadTs, MessageContent content, string? threadTitle, MessageMetadata? metadata, bool anchorRequired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rendered = SlackBlocks.Render(content, imagesAsText: false);
        WebApi.PostedMessage? anchor = null;
        if (rendered.HasBody || anchorRequired || threadTitle is not null || metadata is not null)
        {
            var blocks = rendered.Blocks;
            var text = rendered.Text;
            if (!rendered.HasBody)
            {
                // Only images: the message carries their descriptions, the files follow.
                text = string.Join(" ", content.Images.Select(i => SlackText.Escape(i.AltText)));
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

        var failures = new List<string>();
        foreach (var image in content.Images)
        {
            var upload = await api.UploadFileAsync(
                new FileUploadRequest(channel, image.FileName, image.Png)
                {
                    AltText = SlackBlocks.Cut(image.AltText, MaxAltText),
                    Title = image.FileName,
                    ThreadTs = threadTs,
                },
                cancellationToken);
            if (!upload.IsSuccess)
            {
                var failure = string.Format(CultureInfo.InvariantCulture, SlackMessages.ImageUploadFailed, image.FileName, SlackFailures.Describe(upload.Error, channel));
                SlackAdapterLog.ImageFailed(logger, failure);
                failures.Add(failure);
                if (anchor is null)
                {
                    return new SlackPostOutcome(null, upload.Error) { ImageFailures = failures };
                }
            }
        }

        return new SlackPostOutcome(anchor, null) { ImageFailures = failures };
    }

    /// <summary>Slack's limit for a file's <c>alt_txt</c>.</summary>
    public const int MaxAltText = 1000;
}
