using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font;
using MathForML.Rendering.Layout;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Png;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering;

/// <summary>
/// LaTeX math to PNG. Create once and share: it loads the embedded Latin Modern Math font in the
/// constructor, holds no per-call state, and is safe to call from many threads.
/// </summary>
public sealed class MathRenderer
{
    private static readonly Rgba LightBackground = new(255, 255, 255);
    private static readonly Rgba LightInk = new(0, 0, 0);
    private static readonly Rgba DarkBackground = Rgba.FromHex(0x313338);
    private static readonly Rgba DarkInk = Rgba.FromHex(0xDBDEE1);

    private readonly MathFont _font;
    private readonly MathLayout _layout;
    private readonly RenderCache _cache = new(RenderLimits.CacheCapacity);
    private readonly DocumentLayout _documents;

    public MathRenderer()
    {
        _font = MathFont.LoadEmbedded();
        _layout = new MathLayout(_font);
        _documents = new DocumentLayout(_layout);
    }

    internal MathFont Font => _font;

    internal MathLayout Layout => _layout;

    internal int CachedCount => _cache.Count;

    /// <summary>Renders one formula. Failures (syntax, limits) come back as a result with an error.</summary>
    public RenderResult Render(string latex, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(latex);
        ArgumentNullException.ThrowIfNull(options);
        var key = new CacheKey(latex, options, Document: false);
        if (_cache.TryGet(key, out RenderResult? cached))
        {
            return cached!;
        }

        RenderResult result = RenderUncached(latex, options);
        _cache.Add(key, result);
        return result;
    }

    /// <summary>
    /// Renders a statement: paragraphs of text with $…$ or \(…\) inline math and $$…$$ or \[…\] display
    /// math, wrapped to <see cref="RenderOptions.MaxWidthPixels"/> (default
    /// <see cref="RenderOptions.DefaultDocumentWidthPixels"/>). Error positions index the whole text.
    /// </summary>
    public RenderResult RenderDocument(string textWithMath, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(textWithMath);
        ArgumentNullException.ThrowIfNull(options);
        var key = new CacheKey(textWithMath, options, Document: true);
        if (_cache.TryGet(key, out RenderResult? cached))
        {
            return cached!;
        }

        RenderResult result = RenderDocumentUncached(textWithMath, options);
        _cache.Add(key, result);
        return result;
    }

    private RenderResult RenderDocumentUncached(string text, RenderOptions options)
    {
        if (ValidateOptions(options) is RenderError invalid)
        {
            return RenderResult.Failed(invalid, text);
        }

        if (text.Length > RenderLimits.MaxDocumentLength)
        {
            return Fail(RenderErrorCodes.InputTooLong, RenderMessages.InputTooLong, RenderLimits.MaxDocumentLength, text, RenderLimits.MaxDocumentLength);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(RenderErrorCodes.EmptyInput, RenderMessages.EmptyInput, 0, text);
        }

        double pixelsPerEm = RenderOptions.BaseFontPixels * options.Scale;
        int widthPixels = options.MaxWidthPixels ?? RenderOptions.DefaultDocumentWidthPixels;
        double widthEm = double.Max(1, (widthPixels - (2 * options.Padding)) / pixelsPerEm);
        try
        {
            return Rasterize(_documents.Layout(text, widthEm, options.Macros), options, text);
        }
        catch (LatexParseException e)
        {
            return RenderResult.Failed(e.ToError(), text);
        }
    }

    /// <summary>The full pipeline without the cache (benchmarks measure this).</summary>
    internal RenderResult RenderUncached(string latex, RenderOptions options)
    {
        if (ValidateOptions(options) is RenderError invalid)
        {
            return RenderResult.Failed(invalid, latex);
        }

        if (latex.Length > RenderLimits.MaxFormulaLength)
        {
            return Fail(RenderErrorCodes.InputTooLong, RenderMessages.InputTooLong, RenderLimits.MaxFormulaLength, latex, RenderLimits.MaxFormulaLength);
        }

        if (string.IsNullOrWhiteSpace(latex))
        {
            return Fail(RenderErrorCodes.EmptyInput, RenderMessages.EmptyInput, 0, latex);
        }

        Box box;
        try
        {
            MathList list = LatexParser.Parse(latex, options.Macros);
            box = _layout.Layout(list, options.Display);
        }
        catch (LatexParseException e)
        {
            return RenderResult.Failed(e.ToError(), latex);
        }

        var painter = new BoxPainter(_font);
        painter.Add(box, 0, 0);
        return Rasterize(painter, options, latex);
    }

    internal static RenderResult Rasterize(BoxPainter painter, RenderOptions options, string source)
    {
        double pixelsPerEm = RenderOptions.BaseFontPixels * options.Scale;
        double left = double.Floor(painter.Left * pixelsPerEm);
        double top = double.Ceiling(painter.Top * pixelsPerEm);
        long inkWidth = (long)double.Ceiling(painter.Right * pixelsPerEm) - (long)left;
        long inkHeight = (long)top - (long)double.Floor(painter.Bottom * pixelsPerEm);
        long width = inkWidth + (2L * options.Padding);
        long height = inkHeight + (2L * options.Padding);
        if (width > RenderLimits.MaxImageWidth || height > RenderLimits.MaxImageHeight || width * height > RenderLimits.MaxImagePixels)
        {
            return Fail(RenderErrorCodes.OutputTooLarge, RenderMessages.OutputTooLarge, 0, source, width, height);
        }

        width = long.Max(1, width);
        height = long.Max(1, height);
        (Rgba background, Rgba ink) = options.Theme == RenderTheme.Dark ? (DarkBackground, DarkInk) : (LightBackground, LightInk);
        var canvas = new Canvas((int)width, (int)height, background);
        painter.Paint(canvas, pixelsPerEm, options.Padding - left, options.Padding + top, ink);
        byte[] png = PngEncoder.EncodeRgb(canvas.Pixels, canvas.Width, canvas.Height);
        return RenderResult.Ok(png, canvas.Width, canvas.Height, source);
    }

    private static RenderError? ValidateOptions(RenderOptions options)
    {
        if (!double.IsFinite(options.Scale) || options.Scale < RenderLimits.MinScale || options.Scale > RenderLimits.MaxScale)
        {
            return new RenderError(Format(RenderMessages.InvalidOptions, $"Scale must be between {RenderLimits.MinScale} and {RenderLimits.MaxScale}"), null, 0, RenderErrorCodes.InvalidOptions);
        }

        if (options.Padding < 0 || options.Padding > RenderLimits.MaxPadding)
        {
            return new RenderError(Format(RenderMessages.InvalidOptions, $"Padding must be between 0 and {RenderLimits.MaxPadding}"), null, 0, RenderErrorCodes.InvalidOptions);
        }

        if (options.MaxWidthPixels is int maxWidth && (maxWidth < 50 || maxWidth > RenderLimits.MaxImageWidth))
        {
            return new RenderError(Format(RenderMessages.InvalidOptions, $"MaxWidthPixels must be between 50 and {RenderLimits.MaxImageWidth}"), null, 0, RenderErrorCodes.InvalidOptions);
        }

        return null;
    }

    private static RenderResult Fail(string code, string format, int position, string source, params object[] args) =>
        RenderResult.Failed(new RenderError(Format(format, args), null, position, code), source);

    internal static string Format(string format, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
}
