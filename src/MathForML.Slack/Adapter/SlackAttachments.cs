using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Slack.WebApi;

namespace MathForML.Slack.Adapter;

/// <summary>
/// The images and files of a <see cref="MessageContent"/> as Slack uploads: images with their alt text
/// (<c>alt_txt</c>), files titled with their description. Core's limits are checked here, before anything is sent.
/// </summary>
public static class SlackAttachments
{
    /// <summary>Longest file title we send (Slack shows titles on one line).</summary>
    public const int MaxTitle = 250;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when the content breaks <see cref="ChatLimits"/> (more than
    /// <see cref="ChatLimits.MaxFiles"/> files, a file over <see cref="ChatLimits.MaxFileBytes"/>) or has an empty or
    /// unnamed file: that is a bug in the caller, found before anything reaches Slack.
    /// </summary>
    public static void CheckLimits(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Files.Count > ChatLimits.MaxFiles)
        {
            throw new ArgumentException($"A message carries at most {ChatLimits.MaxFiles} files; this one has {content.Files.Count}.", nameof(content));
        }

        foreach (var file in content.Files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(content));
            if (string.IsNullOrWhiteSpace(file.FileName))
            {
                throw new ArgumentException("Every file needs a file name.", nameof(content));
            }

            if (file.Bytes is null || file.Bytes.Length == 0 || file.Bytes.Length > ChatLimits.MaxFileBytes)
            {
                throw new ArgumentException(
                    $"File {file.FileName} has {file.Bytes?.Length ?? 0} bytes; files must have 1..{ChatLimits.MaxFileBytes} bytes.", nameof(content));
            }
        }
    }

    /// <summary>Every image, then every file, ready for <see cref="SlackWebApiClient.PrepareUploadAsync"/>.</summary>
    public static IEnumerable<UploadPreparation> Of(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var image in content.Images)
        {
            yield return new UploadPreparation(image.FileName, image.Png) { AltText = SlackBlocks.Cut(image.AltText, SlackPoster.MaxAltText), Title = image.FileName };
        }

        foreach (var file in content.Files)
        {
            var title = string.IsNullOrWhiteSpace(file.Description) ? file.FileName : file.Description;
            yield return new UploadPreparation(file.FileName, file.Bytes) { Title = SlackBlocks.Cut(title, MaxTitle) };
        }
    }

    /// <summary>What a message made only of attachments says: image alt texts and file descriptions.</summary>
    public static string Describe(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return string.Join(" ", content.Images.Select(i => i.AltText)
            .Concat(content.Files.Select(f => string.IsNullOrWhiteSpace(f.Description) ? f.FileName : f.Description))
            .Where(t => t.Length > 0));
    }

    /// <summary>"`a.csv`" or "`a.csv`, `b.json`" (Core Markdown) for member-facing sentences.</summary>
    public static string Names(IEnumerable<string> fileNames) =>
        string.Join(", ", fileNames.Select(n => "`" + n.Replace("`", "'", StringComparison.Ordinal) + "`"));

    /// <summary>Plain names for operator-facing sentences.</summary>
    public static string PlainNames(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return string.Join(", ", content.Images.Select(i => i.FileName).Concat(content.Files.Select(f => f.FileName)));
    }

    internal static string Format(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
