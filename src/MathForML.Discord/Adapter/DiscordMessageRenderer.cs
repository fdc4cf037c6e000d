using System.Globalization;
using System.Net.Http.Headers;
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
/// text, files (data exports) uploads with their own media type and description; buttons become action rows.
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
    /// images and files as attachments, buttons as action rows.</summary>
    /// <exception cref="ArgumentException">The content breaks <see cref="ChatLimits"/> (a bug in the caller).</exception>
    public static WireMessage Reply(CoreContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var files = Uploads(content);
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
    /// (<c>attachment://name.png</c>), further images as more embeds; files go along as plain attachments. <paramref name="marker"/> goes into each
    /// embed's url, which Discord does not display on embeds without a title: it lets the bot recognise its
    /// own post later without showing anything (and, with the same url, images group as one gallery).
    /// </summary>
    /// <exception cref="ArgumentException">The content breaks <see cref="ChatLimits"/> (a bug in the caller).</exception>
    public static WireMessage Post(CoreContent content, Uri? marker)
    {
        ArgumentNullException.ThrowIfNull(content);
        var files = Uploads(content);
        var images = files.Take(files.Count - content.Files.Count).ToList();
        var url = marker?.AbsoluteUri;
        var embeds = new List<Embed>();
        var description = Split(content.Text, MaxEmbedDescriptionLength, MaxEmbedDescriptionLength).FirstOrDefault();
        embeds.Add(new Embed
        {
            Description = description,
            Url = url,
            Image = images.Count > 0 ? new EmbedMedia("attachment://" + images[0].FileName) : null,
        });
        embeds.AddRange(images.Skip(1).Take(MaxEmbeds - 1).Select(f => new Embed { Url = url, Image = new EmbedMedia("attachment://" + f.FileName) }));
        if (description is null && files.Count == 0 && url is null)
        {
            embeds[0] = embeds[0] with { Description = "\u200b" };
        }

        return new WireMessage { Embeds = embeds, Files = files, Components = Components(content.Buttons) };
    }

    /// <summary>
    /// Checks the files against <see cref="ChatLimits"/> (count, size, a readable media type). Content over the
    /// limits is a bug in Core: it throws before anything is sent.
    /// </summary>
    public static void EnsureWithinLimits(CoreContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Files.Count > ChatLimits.MaxFiles)
        {
            throw new ArgumentException($"A message carries at most {ChatLimits.MaxFiles} files; this one has {content.Files.Count}.", nameof(content));
        }

        foreach (var file in content.Files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(content));
            if (file.Bytes is null || file.Bytes.Length > ChatLimits.MaxFileBytes)
            {
                throw new ArgumentException(
                    $"File '{file.FileName}' has {file.Bytes?.Length ?? 0} bytes; at most {ChatLimits.MaxFileBytes} are allowed.", nameof(content));
            }

            if (!MediaTypeHeaderValue.TryParse(file.ContentType, out _))
            {
                throw new ArgumentException($"File '{file.FileName}' has no valid media type ('{file.ContentType}').", nameof(content));
            }
        }
    }

    /// <summary>Every upload of a message: images first (PNG, alt text as description), then files (their own media
    /// type and description), with unique, safe names; within Discord's 10 attachments, files are kept first.</summary>
    internal static List<FileUpload> Uploads(CoreContent content)
    {
        EnsureWithinLimits(content);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var uploads = Files(content.Images, used, MaxAttachments - content.Files.Count);
        foreach (var file in content.Files)
        {
            var description = string.IsNullOrWhiteSpace(file.Description) ? null : DiscordCommandRegistry.Truncate(file.Description, MaxAltTextLength);
            var name = SafeFileName(file.FileName, "file", ExtensionFor(file.ContentType));
            uploads.Add(new FileUpload(Unique(name, used), file.Bytes, description, file.ContentType));
        }

        return uploads;
    }

    /// <summary>Images as PNG uploads with unique, safe file names and their alt text as the description.</summary>
    internal static List<FileUpload> Files(IReadOnlyList<ChatImage> images) => Files(images, new HashSet<string>(StringComparer.OrdinalIgnoreCase), MaxAttachments);

    private static List<FileUpload> Files(IReadOnlyList<ChatImage> images, HashSet<string> used, int max)
    {
        var files = new List<FileUpload>();
        foreach (var image in images.Take(int.Max(max, 0)))
        {
            var alt = string.IsNullOrWhiteSpace(image.AltText) ? null : DiscordCommandRegistry.Truncate(image.AltText, MaxAltTextLength);
            files.Add(new FileUpload(Unique(SafeFileName(image.FileName), used), image.Png, alt));
        }

        return files;
    }

    /// <summary>The extension for a file named without one, so the reader's system opens it with the right program.</summary>
    private static string ExtensionFor(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.MediaType?.ToUpperInvariant() switch
        {
            "TEXT/CSV" => ".csv",
            "APPLICATION/JSON" => ".json",
            "TEXT/PLAIN" => ".txt",
            "IMAGE/PNG" => ".png",
            _ => ".bin",
        } : ".bin";

    private static string Unique(string name, HashSet<string> used)
    {
        var unique = name;
        for (var n = 2; !used.Add(unique); n++)
        {
            unique = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        }

        return unique;
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

    internal static string SafeFileName(string fileName) => SafeFileName(fileName, "image", ".png", keepExtension: false);

    /// <summary>A name Discord keeps as is: ASCII letters, digits, '-' and '_' in the stem (others become '_'),
    /// at most 60 characters, with the file's own extension (cleaned, at most 10 characters) or the fallback.</summary>
    internal static string SafeFileName(string fileName, string fallbackStem, string fallbackExtension, bool keepExtension = true)
    {
        var name = Path.GetFileName(fileName ?? "");
        var stem = Clean(Path.GetFileNameWithoutExtension(name));
        var extension = keepExtension ? Clean(Path.GetExtension(name).TrimStart('.')) : "";
        var cleanStem = stem.Length == 0 ? fallbackStem : stem;
        var cleanExtension = extension.Length == 0 ? fallbackExtension : "." + (extension.Length > 10 ? extension[..10] : extension);
        return (cleanStem.Length > 60 ? cleanStem[..60] : cleanStem) + cleanExtension;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.ToString();
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
