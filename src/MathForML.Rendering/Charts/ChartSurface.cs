using System.Text;
using MathForML.Rendering.Font;
using MathForML.Rendering.Png;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Charts;

/// <summary>Horizontal placement of a text run relative to its x coordinate.</summary>
internal enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// Text and rectangles on a <see cref="Canvas"/>, in output pixels. Text uses the embedded Latin Modern
/// font's upright glyphs laid out by advance width; a character the font lacks is drawn as '?'.
/// </summary>
internal sealed class ChartSurface
{
    private readonly MathFont _font;

    public ChartSurface(MathFont font, int width, int height, Rgba background)
    {
        _font = font;
        Canvas = new Canvas(width, height, background);
    }

    public Canvas Canvas { get; }

    public int Width => Canvas.Width;

    public int Height => Canvas.Height;

    /// <summary>Fills a rectangle snapped to whole pixels so cells and bars stay crisp.</summary>
    public void Rect(double x, double y, double width, double height, Rgba color)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        double x0 = double.Round(x), y0 = double.Round(y);
        double x1 = double.Max(x0 + 1, double.Round(x + width));
        double y1 = double.Max(y0 + 1, double.Round(y + height));
        Canvas.FillRectangle(x0, y0, x1, y1, color);
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="baseline"/>.</summary>
    public void Text(string text, double x, double baseline, double sizePixels, Rgba color, TextAlign align = TextAlign.Left)
    {
        double width = TextMetrics.Measure(_font, text, sizePixels);
        double pen = align switch
        {
            TextAlign.Center => x - (width / 2),
            TextAlign.Right => x - width,
            _ => x,
        };
        pen = double.Round(pen);
        double y = double.Round(baseline);
        double pixelsPerUnit = sizePixels / _font.UnitsPerEm;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int glyph = TextMetrics.GlyphOf(_font, rune.Value);
            Canvas.FillOutline(_font.Outline(glyph), pen, y, pixelsPerUnit, color);
            pen += _font.Advance(glyph) * sizePixels;
        }
    }

    public byte[] EncodePng() => PngEncoder.EncodeRgb(Canvas.Pixels, Canvas.Width, Canvas.Height);
}

/// <summary>Text measuring and shortening, shared by layout (before a canvas exists) and drawing.</summary>
internal static class TextMetrics
{
    private const string Ellipsis = "…";

    public static int GlyphOf(MathFont font, int codePoint) =>
        font.GlyphFor(codePoint) ?? font.GlyphFor('?') ?? 0;

    public static double Measure(MathFont font, string text, double sizePixels)
    {
        double width = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            width += font.Advance(GlyphOf(font, rune.Value));
        }

        return width * sizePixels;
    }

    /// <summary>Cap height in pixels (the height of 'H'), for centring labels on cells and bars.</summary>
    public static double CapHeight(MathFont font, double sizePixels) =>
        font.Height(GlyphOf(font, 'H')) * sizePixels;

    /// <summary>The text, or its longest prefix that fits with an ellipsis appended; control characters become spaces.</summary>
    public static string Fit(MathFont font, string text, double sizePixels, double maxWidth)
    {
        string clean = Clean(text);
        if (Measure(font, clean, sizePixels) <= maxWidth)
        {
            return clean;
        }

        double budget = maxWidth - Measure(font, Ellipsis, sizePixels);
        var builder = new StringBuilder();
        double width = 0;
        foreach (Rune rune in clean.EnumerateRunes())
        {
            double advance = font.Advance(GlyphOf(font, rune.Value)) * sizePixels;
            if (width + advance > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
            width += advance;
        }

        return builder.ToString().TrimEnd() + Ellipsis;
    }

    /// <summary>At most <see cref="ChartLimits.MaxLabelLength"/> characters with line breaks and controls replaced.</summary>
    public static string Clean(string text)
    {
        string cut = text;
        if (text.Length > ChartLimits.MaxLabelLength)
        {
            int end = char.IsHighSurrogate(text[ChartLimits.MaxLabelLength - 1]) ? ChartLimits.MaxLabelLength - 1 : ChartLimits.MaxLabelLength;
            cut = text[..end] + Ellipsis;
        }

        var builder = new StringBuilder(cut.Length);
        foreach (Rune rune in cut.EnumerateRunes())
        {
            builder.Append(Rune.IsControl(rune) ? " " : rune.ToString());
        }

        return builder.ToString().Trim();
    }
}
