using System.Globalization;
using MathForML.Rendering.Font;

namespace MathForML.Rendering.Charts;

/// <summary>
/// Draws participation charts as PNG with the embedded Latin Modern font: an activity calendar, solve
/// rates per problem and reading progress per member. Create once and share: it loads the font in the
/// constructor, keeps no per-call state and is safe to call from many threads. Expected failures (bad
/// options, a calendar range over 53 weeks, negative counts) come back as a result with an error;
/// empty data draws a chart that says so.
/// </summary>
public sealed class ChartRenderer
{
    private readonly MathFont _font;

    public ChartRenderer()
    {
        _font = MathFont.LoadEmbedded();
    }

    /// <summary>GitHub-style heatmap: one column per week, one row per weekday, shaded by the day's count.</summary>
    public ChartResult ActivityCalendar(ActivityCalendarData data, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Draw(data.Title, data.Days, options, () => ActivityCalendarChart.Render(_font, data, options));
    }

    /// <summary>One stacked bar per problem: solved, then tried but not solved, as a share of the members.</summary>
    public ChartResult SolveRates(SolveRateData data, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Draw(data.Title, data.Problems, options, () => SolveRateChart.Render(_font, data, options));
    }

    /// <summary>One horizontal bar per member: sessions read of the plan's total, with the percentage.</summary>
    public ChartResult ReadingProgress(ReadingProgressData data, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Draw(data.Title, data.Members, options, () => ReadingProgressChart.Render(_font, data, options));
    }

    /// <summary>Null inputs are bugs; bad options are an expected failure, returned as a result.</summary>
    private static ChartResult Draw(string title, object items, ChartOptions options, Func<ChartResult> render)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        return ChartFrame.Validate(options) is string error ? ChartResult.Failed(error) : render();
    }

    internal static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}
