namespace MathForML.Rendering;

/// <summary>Why a formula could not be rendered; <see cref="Position"/> is a 0-based index into the source.</summary>
public sealed record RenderError(string Message, string? Command, int Position, string Code)
{
    /// <summary>The message followed by the source line and a caret under the failing position.</summary>
    public string FormatWithCaret(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int position = int.Clamp(Position, 0, source.Length);
        int lineStart = source.LastIndexOf('\n', int.Max(0, position - 1)) + 1;
        if (position == 0)
        {
            lineStart = 0;
        }

        int lineEnd = source.IndexOf('\n', position);
        string line = source[lineStart..(lineEnd < 0 ? source.Length : lineEnd)];
        return $"{Message} (at position {Position})\n{line}\n{new string(' ', position - lineStart)}^";
    }
}

/// <summary>A rendered PNG, or the error that prevented it. <see cref="AltText"/> is always the source.</summary>
public sealed record RenderResult
{
    public bool Success { get; init; }

    public byte[]? Png { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    public required string AltText { get; init; }

    public RenderError? Error { get; init; }

    public static RenderResult Ok(byte[] png, int width, int height, string source) =>
        new() { Success = true, Png = png, Width = width, Height = height, AltText = source };

    public static RenderResult Failed(RenderError error, string source) =>
        new() { Success = false, Error = error, AltText = source };
}
