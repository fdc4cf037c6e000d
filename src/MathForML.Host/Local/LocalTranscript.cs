using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using Microsoft.Extensions.Options;

namespace MathForML.Host.Local;

/// <summary>
/// Turns replies into terminal text: Markdown emphasis dropped, images written to files and shown
/// as their path and alt text, buttons and threads described.
/// </summary>
internal sealed partial class LocalTranscript(IOptions<LocalChannelOptions> options, IStudyGroupStore groups, TimeProvider time)
{
    public const string ImageFormat = "[image: {0} ({1}x{2}px), alt text: {3}]";
    public const string FileFormat = "[file: {0} ({1} bytes), {2}]";
    public const string ButtonsFormat = "[buttons: {0}]";
    public const string ThreadFormat = "[thread opened: {0}]";

    private int _imageCount;

    /// <summary>The terminal is one shared screen: replies and scheduled posts take turns.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public async Task<string> FormatAsync(MessageContent content, string? threadTitle, CancellationToken cancellationToken)
    {
        // Times are shown in the local group's current zone (it can change with /group timezone).
        var group = await groups.FindByHomeAsync(LocalChannelHostedService.Home, cancellationToken);
        var zone = (group is null ? null : TimeZones.Find(group.TimeZoneId)) ?? TimeZoneInfo.Utc;
        var text = new StringBuilder(PlainText(ChatTime.InZone(content.Text, zone, time.GetUtcNow())));
        foreach (var image in content.Images)
        {
            var path = await SaveAsync(image.FileName, image.Png, cancellationToken);
            NewLine(text).AppendFormat(CultureInfo.InvariantCulture, ImageFormat, path, image.Width, image.Height, image.AltText);
        }

        foreach (var file in content.Files)
        {
            var path = await SaveAsync(file.FileName, file.Bytes, cancellationToken);
            NewLine(text).AppendFormat(CultureInfo.InvariantCulture, FileFormat, path, file.Bytes.Length, file.Description);
        }

        if (content.Buttons.Count > 0)
        {
            NewLine(text).AppendFormat(CultureInfo.InvariantCulture, ButtonsFormat, string.Join(" | ", content.Buttons.Select(b => b.Label)));
        }

        if (threadTitle is not null)
        {
            NewLine(text).AppendFormat(CultureInfo.InvariantCulture, ThreadFormat, threadTitle);
        }

        return text.ToString();
    }

    private static StringBuilder NewLine(StringBuilder text) => text.Length == 0 ? text : text.AppendLine();

    /// <summary>Drops **bold** and *italic* markers; a lone * as in 2*x is kept.</summary>
    internal static string PlainText(string markdown) => Italic().Replace(Bold().Replace(markdown, "$1"), "$1");

    private async Task<string> SaveAsync(string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        var rendersDirectory = options.Value.RendersDirectory;
        Directory.CreateDirectory(rendersDirectory);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var number = Interlocked.Increment(ref _imageCount);
        var safeName = string.Concat(Path.GetFileName(fileName).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var path = Path.Combine(rendersDirectory, $"{stamp}-{number}-{safeName}");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return path;
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")]
    private static partial Regex Italic();
}
