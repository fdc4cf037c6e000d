using System.Text;
using MathForML.Core.Chat;
using MathForML.Discord.Rest;
using CoreButtonStyle = MathForML.Core.Chat.ButtonStyle;
using CoreContent = MathForML.Core.Chat.MessageContent;
using WireButtonStyle = MathForML.Discord.Rest.ButtonStyle;
using WireMessage = MathForML.Discord.Rest.MessageContent;

namespace MathForML.Discord.Adapter;

/// <summary>
/// Core message content → Discord message bodies. Markdown and <c>&lt;t:…&gt;</c> time tokens are Discord's
/// own syntax and pass through unchanged. Images become PNG uploads whose <c>description</c> is the alt
/// text; buttons become action rows.
/// </summary>
public static class DiscordMessageRenderer
{
    public const int MaxContentLength = 2000;
    public const int MaxEmbedDescriptionLength = 4096;
    public const int MaxEmbedsTotalLength = 6000;
    public const int MaxEmbeds = 10;
    public const int MaxAttachments = 10;
    public const int MaxAltTextLength = 1024;
    public const int MaxButtonsPerRow = 5;
    public const int MaxRows = 5;
    public const int MaxButtonLabelLength = 80;
    public const int MaxCustomIdLength = 100;

    /// <summary>A reply to an interaction: the text as content (as embeds when longer than a message allows),
    /// images as attachments, buttons as action rows.</summary>
    public static WireMessage Reply(CoreContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var files = Files(content.Images);
        var text = content.Text;
        if (text.Length <= MaxContentLength)
        {
            return new WireMessage
            {
                Content = text.Length == 0 && files.Count == 0 && content.Buttons.Count == 0 ? "\u200b" : NullIfEmpty(text),
                Files = files,
                Components = Components(content.Buttons),
            };
        }

        var embeds = Split(text, MaxEmbedDescriptionLength, MaxEmbedsTotalLength).Select(part => new Embed { Description = part }).ToList();
        return new WireMessage { Embeds = embeds, Files = files, Components = Components(content.Buttons) };
    }

    /// <summary>
    /// A scheduled post as one embed "card": the text as its description, the first image shown in it
    /// (<c>attachment://name.png</c>), further images as more embeds. <paramref name="marker"/> goes into each
    /// embed's url, which Discord does not display on embeds without a title: it lets the bot recognise its
    /// own post later without showing anything (and, with the same url, images group as one gallery).
    /// </summary>
    public static WireMessage Post(CoreContent content, Uri? marker)
    {
        ArgumentNullException.ThrowIfNull(content);
        var files = Files(content.Images);
        var url = marker?.AbsoluteUri;
        var embeds = new List<Embed>();
        var description = Split(content.Text, MaxEmbedDescriptionLength, MaxEmbedDescriptionLength).FirstOrDefault();
        embeds.Add(new Embed
        {
            Description = description,
            Url = url,
            Image = files.Count > 0 ? new EmbedMedia("attachment://" + files[0].FileName) : null,
        });
        embeds.AddRange(files.Skip(1).Take(MaxEmbeds - 1).Select(f => new Embed { Url = url, Image = new EmbedMedia("attachment://" + f.FileName) }));
        if (description is null && files.Count == 0 && url is null)
        {
            embeds[0] = embeds[0] with { Description = "\u200b" };
        }

        return new WireMessage { Embeds = embeds, Files = files, Components = Components(content.Buttons) };
    }

    /// <summary>Images as PNG uploads with unique, safe file names and their alt text as the description.</summary>
    internal static List<FileUpload> Files(IReadOnlyList<ChatImage> images)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<FileUpload>();
        foreach (var image in images.Take(MaxAttachments))
        {
            var name = SafeFileName(image.FileName);
            for (var n = 2; !used.Add(name); n++)
            {
                name = $"{Path.GetFileNameWithoutExtension(SafeFileName(image.FileName))}-{n}.png";
            }

            var alt = string.IsNullOrWhiteSpace(image.AltText) ? null : DiscordCommandRegistry.Truncate(image.AltText, MaxAltTextLength);
            files.Add(new FileUpload(name, image.Png, alt));
        }

        return files;
    }

    /// <summary>Buttons in rows of five, at most five rows; labels cut to 80 characters.</summary>
    internal static List<Component>? Components(IReadOnlyList<ChatButton> buttons)
    {
        var usable = buttons.Where(b => b.ActionId.Length is > 0 and <= MaxCustomIdLength)
            .DistinctBy(b => b.ActionId, StringComparer.Ordinal)
            .Take(MaxButtonsPerRow * MaxRows)
            .Select(b => Component.Button(b.ActionId, DiscordCommandRegistry.Truncate(string.IsNullOrWhiteSpace(b.Label) ? "…" : b.Label, MaxButtonLabelLength), Style(b.Style)))
            .ToList();
        return usable.Count == 0 ? null : [.. usable.Chunk(MaxButtonsPerRow).Select(row => Component.ActionRow(row))];
    }

    private static WireButtonStyle Style(CoreButtonStyle style) => style switch
    {
        CoreButtonStyle.Primary => WireButtonStyle.Primary,
        CoreButtonStyle.Success => WireButtonStyle.Success,
        CoreButtonStyle.Danger => WireButtonStyle.Danger,
        _ => WireButtonStyle.Secondary,
    };

    internal static string SafeFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? ""));
        var builder = new StringBuilder();
        foreach (var c in stem)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var clean = builder.Length == 0 ? "image" : builder.ToString();
        return (clean.Length > 60 ? clean[..60] : clean) + ".png";
    }

    /// <summary>Splits text into parts of at most <paramref name="partLength"/> characters at line breaks
    /// (or hard, for a longer line), stopping at <paramref name="totalLength"/> characters with an ellipsis.</summary>
    internal static IEnumerable<string> Split(string text, int partLength, int totalLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var budget = totalLength;
        var rest = text;
        while (rest.Length > 0 && budget > 0)
        {
            var max = int.Min(partLength, budget);
            if (rest.Length <= max)
            {
                yield return rest;
                yield break;
            }

            if (budget <= partLength)
            {
                yield return DiscordCommandRegistry.Truncate(rest, max);
                yield break;
            }

            var cut = rest.LastIndexOf('\n', max - 1);
            var part = cut > max / 2 ? rest[..cut] : rest[..max];
            yield return part;
            budget -= part.Length;
            rest = rest[part.Length..].TrimStart('\n');
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
