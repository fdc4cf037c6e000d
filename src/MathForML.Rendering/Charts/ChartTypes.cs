namespace MathForML.Rendering.Charts;

/// <summary>
/// A rendered chart, or why it could not be drawn. <see cref="AltText"/> summarises the data in words
/// (empty on failure); <see cref="Error"/> is a user-facing message from <see cref="ChartMessages"/>.
/// </summary>
public sealed record ChartResult(bool Success, byte[]? Png, int Width, int Height, string AltText, string? Error)
{
    internal static ChartResult Ok(byte[] png, int width, int height, string altText) =>
        new(true, png, width, height, altText, null);

    internal static ChartResult Failed(string error) => new(false, null, 0, 0, string.Empty, error);
}

/// <summary>How to draw a chart. <see cref="MaxWidthPixels"/> wins over <see cref="Scale"/>: a chart that
/// would be wider is drawn at a smaller effective scale.</summary>
public sealed record ChartOptions
{
    public static ChartOptions Default { get; } = new();

    public RenderTheme Theme { get; init; } = RenderTheme.Light;

    /// <summary>Multiplier on every size (text, cells, bars); 2 for high-density screens.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Blank margin around the chart in output pixels (not scaled).</summary>
    public int Padding { get; init; } = 12;

    /// <summary>Widest output image in pixels, padding included.</summary>
    public int MaxWidthPixels { get; init; } = 800;
}

/// <summary>
/// A member's actions per day. Days outside <see cref="From"/>..<see cref="To"/> are ignored, repeated
/// days are added up. The range may span at most <see cref="ChartLimits.MaxCalendarDays"/> days.
/// </summary>
public sealed record ActivityCalendarData(
    string Title,
    IReadOnlyList<(DateOnly Day, int Count)> Days,
    DateOnly From,
    DateOnly To,
    DayOfWeek FirstDayOfWeek = DayOfWeek.Monday);

/// <summary>
/// One bar per problem, oldest first. <c>Members</c> is the group size the rate is measured against; a
/// problem tried by more people than that is measured against its <c>Tried</c> count instead.
/// </summary>
public sealed record SolveRateData(
    string Title,
    IReadOnlyList<(string Label, int Solved, int Tried, int Members)> Problems);

/// <summary>One row per member in the order given: sessions read (<c>Done</c>) of the plan's <c>Total</c>.</summary>
public sealed record ReadingProgressData(
    string Title,
    IReadOnlyList<(string Name, int Done, int Total)> Members);
