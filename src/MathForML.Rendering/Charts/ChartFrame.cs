using System.Globalization;
using System.Text;
using MathForML.Rendering.Font;

namespace MathForML.Rendering.Charts;

/// <summary>
/// What every chart shares: option checks, the effective scale after fitting the width, text sizes, the
/// size bounds, and number, date and alt-text formatting.
/// </summary>
internal sealed class ChartFrame
{
    /// <summary>Narrowest drawing area (width minus padding) a chart is laid out in.</summary>
    public const int MinContentWidth = 200;

    private ChartFrame(MathFont font, ChartOptions options, double scale)
    {
        Font = font;
        Options = options;
        Scale = scale;
        Palette = ChartPalette.For(options.Theme);
        TitleSize = 17 * scale;
        LabelSize = 13 * scale;
        SmallSize = 12 * scale;
    }

    public MathFont Font { get; }

    public ChartOptions Options { get; }

    public ChartPalette Palette { get; }

    /// <summary>The scale actually used: the requested one, reduced when the chart would not fit the width.</summary>
    public double Scale { get; }

    public double TitleSize { get; }

    public double LabelSize { get; }

    public double SmallSize { get; }

    public int Padding => Options.Padding;

    /// <summary>Widest drawing area: <see cref="ChartOptions.MaxWidthPixels"/> without the padding.</summary>
    public int MaxContentWidth => Options.MaxWidthPixels - (2 * Options.Padding);

    /// <summary>A frame whose scale makes <paramref name="naturalWidthAtScaleOne"/> fit the width.</summary>
    public static ChartFrame Create(MathFont font, ChartOptions options, double naturalWidthAtScaleOne)
    {
        double fit = (options.MaxWidthPixels - (2 * options.Padding)) / double.Max(1, naturalWidthAtScaleOne);
        double scale = double.Max(RenderLimits.MinScale, double.Min(options.Scale, fit));
        return new ChartFrame(font, options, scale);
    }

    public static string? Validate(ChartOptions options)
    {
        if (!double.IsFinite(options.Scale) || options.Scale < RenderLimits.MinScale || options.Scale > RenderLimits.MaxScale)
        {
            return Invalid($"Scale must be between {RenderLimits.MinScale} and {RenderLimits.MaxScale}");
        }

        if (options.Padding < 0 || options.Padding > RenderLimits.MaxPadding)
        {
            return Invalid($"Padding must be between 0 and {RenderLimits.MaxPadding}");
        }

        if (options.MaxWidthPixels < ChartLimits.MinWidthPixels || options.MaxWidthPixels > RenderLimits.MaxImageWidth)
        {
            return Invalid($"MaxWidthPixels must be between {ChartLimits.MinWidthPixels} and {RenderLimits.MaxImageWidth}");
        }

        if (options.MaxWidthPixels - (2 * options.Padding) < MinContentWidth)
        {
            return Invalid($"MaxWidthPixels minus twice the padding must be at least {MinContentWidth}");
        }

        return null;
    }

    /// <summary>Tallest image allowed for a given width under the size bounds.</summary>
    public static int MaxHeightFor(int width) =>
        (int)long.Min(RenderLimits.MaxImageHeight, RenderLimits.MaxImagePixels / long.Max(1, width));

    public static string? CheckSize(long width, long height) =>
        width > RenderLimits.MaxImageWidth || height > RenderLimits.MaxImageHeight || width * height > RenderLimits.MaxImagePixels
            ? ChartRenderer.Format(ChartMessages.OutputTooLarge, width, height)
            : null;

    /// <summary>A whole number of pixels for a size given at scale 1, never below <paramref name="minimum"/>.</summary>
    public int Px(double sizeAtScaleOne, int minimum = 1) => int.Max(minimum, (int)double.Round(sizeAtScaleOne * Scale));

    public double Measure(string text, double size) => TextMetrics.Measure(Font, text, size);

    public string Fit(string text, double size, double maxWidth) => TextMetrics.Fit(Font, text, size, maxWidth);

    public double CapHeight(double size) => TextMetrics.CapHeight(Font, size);

    public static string Date(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Plural(long count, string singular, string plural) => count == 1 ? singular : plural;

    /// <summary>Whole percent of part in whole, rounded half away from zero; 0 when whole is 0.</summary>
    public static int Percent(int part, int whole) =>
        whole <= 0 ? 0 : (int)double.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>Joins the summary and as many items as fit in <see cref="ChartLimits.MaxAltTextLength"/>.</summary>
    public static string AltText(string summary, IReadOnlyList<string> items, string? note)
    {
        var text = new StringBuilder(summary);
        string tail = note is null ? string.Empty : " " + note;
        int shown = 0;
        for (; shown < items.Count; shown++)
        {
            string separator = shown == 0 ? " " : "; ";
            int reserve = shown < items.Count - 1 ? 24 : 1;
            if (text.Length + separator.Length + items[shown].Length + reserve + tail.Length > ChartLimits.MaxAltTextLength)
            {
                break;
            }

            text.Append(separator).Append(items[shown]);
        }

        if (shown < items.Count)
        {
            text.Append(shown == 0 ? " " : "; ").Append(ChartRenderer.Format(ChartMessages.AndMore, items.Count - shown));
        }

        if (items.Count > 0)
        {
            text.Append('.');
        }

        text.Append(tail);
        return text.Length <= ChartLimits.MaxAltTextLength ? text.ToString() : text.ToString(0, ChartLimits.MaxAltTextLength - 1) + "…";
    }

    private static string Invalid(string detail) => ChartRenderer.Format(ChartMessages.InvalidOptions, detail);
}
