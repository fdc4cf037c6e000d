namespace MathForML.Rendering.Charts;

/// <summary>
/// Every bound the chart renderer enforces. Image size is bounded by the formula renderer's
/// <see cref="RenderLimits.MaxImageWidth"/>, <see cref="RenderLimits.MaxImageHeight"/> and
/// <see cref="RenderLimits.MaxImagePixels"/>.
/// </summary>
public static class ChartLimits
{
    /// <summary>
    /// Bars of a solve-rate chart and rows of a reading-progress chart. Beyond it the solve-rate chart keeps
    /// the most recent (last) problems and the reading chart the first members; both say so in the image and
    /// the alt text. Rows that would make the image taller than the size bounds are left out the same way.
    /// </summary>
    public const int MaxItems = 400;

    /// <summary>Days in an activity calendar: 53 weeks. A longer range is an error.</summary>
    public const int MaxCalendarDays = 53 * 7;

    /// <summary>Items listed one by one in an alt text before it says "and N more".</summary>
    public const int MaxAltTextLength = 1_000;

    /// <summary>Characters of a title, name or label looked at; longer ones are cut with an ellipsis.</summary>
    public const int MaxLabelLength = 200;

    /// <summary>Narrowest accepted <see cref="ChartOptions.MaxWidthPixels"/>.</summary>
    public const int MinWidthPixels = 240;
}
