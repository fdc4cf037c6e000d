using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MathForML.Core.Chat;

namespace MathForML.Slack.Adapter;

/// <summary>A message ready for the Web API: notification text, Block Kit blocks, and the images to upload after it.</summary>
public sealed record SlackRenderedMessage(string Text, JsonArray Blocks, IReadOnlyList<ChatImage> Images)
{
    public JsonElement BlocksElement => SlackBlocks.ToElement(Blocks);

    public bool HasBody => Blocks.Count > 0;
}

/// <summary>The opaque data a form button carries in its <c>value</c>, so a press can open the right modal.</summary>
public sealed record SlackFormSpec(string Title, string Label, string Placeholder, int MaxLength);

/// <summary>
/// Builds Block Kit for a <see cref="MessageContent"/>: the text as mrkdwn <c>section</c> blocks (≤ 3,000 characters
/// each), buttons as one <c>actions</c> block (action_id = Core's action id; a button with a form carries the form in
/// its <c>value</c>), at most 50 blocks. Images are uploaded separately (files upload v2), or, where a message cannot
/// carry files (ephemeral), shown as their alt text.
/// </summary>
public static class SlackBlocks
{
    public const string FormValuePrefix = "form:";
    public const int MaxActionIdLength = 255;
    public const int MaxButtonText = 75;
    public const int MaxButtonsPerActions = 25;
    public const int MaxModalTitle = 24;
    public const int MaxLabel = 2000;
    public const int MaxPlaceholder = 150;

    /// <summary>Largest <c>plain_text_input</c> Slack accepts.</summary>
    public const int MaxInputLength = 3000;

    public static SlackRenderedMessage Render(MessageContent content, bool imagesAsText)
    {
        ArgumentNullException.ThrowIfNull(content);
        var mrkdwn = SlackText.ToMrkdwn(content.Text);
        var blocks = new JsonArray();
        var reserved = (content.Buttons.Count + MaxButtonsPerActions - 1) / MaxButtonsPerActions + (imagesAsText ? content.Images.Count : 0);
        var sections = SlackText.Split(mrkdwn).ToList();
        var room = int.Max(1, SlackText.MaxBlocks - reserved);
        if (sections.Count > room)
        {
            sections = [.. sections.Take(room)];
            var last = sections[^1];
            sections[^1] = (last.Length + SlackText.Ellipsis.Length > SlackText.MaxSectionLength ? last[..(SlackText.MaxSectionLength - 1)] : last) + SlackText.Ellipsis;
        }

        foreach (var section in sections)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(section) });
        }

        if (imagesAsText)
        {
            foreach (var image in content.Images.Take(int.Max(0, SlackText.MaxBlocks - blocks.Count - 1)))
            {
                var caption = string.Format(CultureInfo.InvariantCulture, SlackMessages.ImageAsText, SlackText.Escape(image.AltText));
                blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(Cut(caption, SlackText.MaxSectionLength))) });
            }
        }

        foreach (var chunk in content.Buttons.Chunk(MaxButtonsPerActions))
        {
            if (blocks.Count >= SlackText.MaxBlocks)
            {
                break;
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk.Select(Button)]) });
        }

        var text = mrkdwn.Length > 0 ? SlackText.Fallback(mrkdwn) : string.Join(" ", content.Images.Select(i => i.AltText));
        return new SlackRenderedMessage(text, blocks, imagesAsText ? [] : content.Images);
    }

    /// <summary>The message object for a slash command's acknowledgement or a <c>response_url</c>.</summary>
    public static JsonElement ResponsePayload(SlackRenderedMessage message, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = new JsonObject
        {
            ["response_type"] = ephemeral ? "ephemeral" : "in_channel",
            ["replace_original"] = false,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
        };
        return ToElement(payload);
    }

    /// <summary>A modal with one text input. <paramref name="privateMetadata"/> says where the submission belongs.</summary>
    public static JsonElement Modal(SlackFormSpec form, string privateMetadata)
    {
        ArgumentNullException.ThrowIfNull(form);
        var input = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = SlackInteractions.FormInputActionId,
            ["max_length"] = int.Clamp(form.MaxLength, 1, MaxInputLength),
            ["multiline"] = false,
        };
        if (form.Placeholder.Length > 0)
        {
            input["placeholder"] = PlainText(Cut(form.Placeholder, MaxPlaceholder));
        }

        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = SlackInteractions.FormCallbackId,
            ["title"] = PlainText(Cut(form.Title, MaxModalTitle)),
            ["submit"] = PlainText(SlackMessages.FormSubmit),
            ["close"] = PlainText(SlackMessages.FormCancel),
            ["private_metadata"] = privateMetadata,
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = SlackInteractions.FormBlockId,
                ["label"] = PlainText(Cut(form.Label, MaxLabel)),
                ["element"] = input,
            }),
        };
        return ToElement(view);
    }

    /// <summary><c>{"response_action":"errors","errors":{block:message}}</c>: shown under the modal's input.</summary>
    public static JsonElement FormErrors(string message)
    {
        var payload = new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = new JsonObject { [SlackInteractions.FormBlockId] = Cut(message, MaxPlaceholder) },
        };
        return ToElement(payload);
    }

    public static SlackFormSpec? ReadForm(string? value)
    {
        if (value is null || !value.StartsWith(FormValuePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(value.AsMemory(FormValuePrefix.Length));
            var root = document.RootElement;
            return new SlackFormSpec(
                JsonRead.String(root, "t") ?? "",
                JsonRead.String(root, "l") ?? "",
                JsonRead.String(root, "p") ?? "",
                JsonRead.Int(root, "m") ?? MaxInputLength);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject Button(ChatButton button)
    {
        var element = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = Cut(button.ActionId, MaxActionIdLength),
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(button.Label, MaxButtonText), ["emoji"] = true },
        };
        if (button.Style is ButtonStyle.Primary or ButtonStyle.Success)
        {
            element["style"] = "primary";
        }
        else if (button.Style == ButtonStyle.Danger)
        {
            element["style"] = "danger";
        }

        if (button.Form is { } form)
        {
            var spec = new JsonObject { ["t"] = form.Title, ["l"] = form.FieldLabel, ["p"] = form.Placeholder, ["m"] = form.MaxLength };
            element["value"] = FormValuePrefix + spec.ToJsonString();
        }

        return element;
    }

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    internal static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    internal static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + SlackText.Ellipsis;
}
