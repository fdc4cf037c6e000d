using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MathForML.Core.Chat;

namespace MathForML.Core.Participation;

/// <summary>Writes exports as files: JSON for a member's own data, CSV (RFC 4180) for spreadsheets.</summary>
public static class ParticipationExport
{
    public static readonly IReadOnlyList<string> CsvColumns =
        ["time_utc", "platform", "group_id", "group", "member_id", "member", "kind", "subject", "problem", "attempt", "answer", "verdict", "late", "detail"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        // A download for the member to read, never embedded in a page: keep "Zoë" and "§2.1" as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToJson(MemberDataExport export, DateTimeOffset exportedAt)
    {
        ArgumentNullException.ThrowIfNull(export);
        return JsonSerializer.SerializeToUtf8Bytes(new { exported_at = exportedAt.ToUniversalTime(), member = export }, Json);
    }

    public static byte[] ToCsv(IEnumerable<ParticipationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var csv = new StringBuilder();
        csv.AppendJoin(',', CsvColumns).Append("\r\n");
        foreach (var r in records)
        {
            string?[] cells =
            [
                r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                r.Platform.ToString(),
                r.GroupId.ToString(CultureInfo.InvariantCulture),
                r.GroupName,
                r.MemberId.ToString(CultureInfo.InvariantCulture),
                r.MemberName,
                r.Kind,
                r.Subject,
                r.ProblemNumber?.ToString(CultureInfo.InvariantCulture),
                r.AttemptNumber?.ToString(CultureInfo.InvariantCulture),
                r.Answer,
                r.Verdict,
                r.Late is { } late ? (late ? "true" : "false") : null,
                r.Detail,
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        // A byte-order mark so spreadsheet programs read the names as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// The file as it goes to chat: as is when it fits <see cref="ChatLimits.MaxFileBytes"/>, else zipped;
    /// null when even the zip is too large.
    /// </summary>
    public static ChatFile? Fit(byte[] bytes, string fileName, string contentType, string description)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length <= ChatLimits.MaxFileBytes)
        {
            return new ChatFile(bytes, fileName, contentType, description);
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(fileName, CompressionLevel.SmallestSize).Open();
            entry.Write(bytes);
        }

        return buffer.Length <= ChatLimits.MaxFileBytes
            ? new ChatFile(buffer.ToArray(), fileName + ".zip", "application/zip", description)
            : null;
    }

    /// <summary>Quotes where needed, and defuses cells a spreadsheet would run as a formula.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Plain numbers such as "-0.5" stay numbers.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
