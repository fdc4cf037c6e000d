using MathForML.TestKit;
using System.Diagnostics;
using MathForML.Rendering.Charts;
using MathForML.Rendering.Tests.Support;
using Xunit.Abstractions;

namespace MathForML.Rendering.Tests.Charts;

/// <summary>
/// One example of each chart in both themes. With MATHFORML_UPDATE_GOLDEN=1 they are written to
/// docs/charts/ for review by eye; otherwise they are only rendered, decoded and timed.
/// </summary>
public sealed class ChartExampleTests(ITestOutputHelper output)
{
    public static TheoryData<string, RenderTheme> Examples => new()
    {
        { "activity-calendar", RenderTheme.Light },
        { "activity-calendar", RenderTheme.Dark },
        { "solve-rates", RenderTheme.Light },
        { "solve-rates", RenderTheme.Dark },
        { "solve-rates-year", RenderTheme.Light },
        { "solve-rates-year", RenderTheme.Dark },
        { "reading-progress", RenderTheme.Light },
        { "reading-progress", RenderTheme.Dark },
        { "activity-calendar-empty", RenderTheme.Light },
        { "activity-calendar-empty", RenderTheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_renders_and_is_written_to_docs_on_request(string name, RenderTheme theme)
    {
        var options = new ChartOptions { Theme = theme };
        Func<ChartResult> render = Render(name, options);
        render();
        var clock = Stopwatch.StartNew();
        const int runs = 3;
        ChartResult result = render();
        for (int i = 1; i < runs; i++)
        {
            render();
        }

        clock.Stop();
        output.WriteLine($"{name} {theme}: {result.Width}x{result.Height}, {result.Png?.Length} bytes, {clock.Elapsed.TotalMilliseconds / runs:F2} ms warm");
        output.WriteLine(result.AltText);
        Assert.True(result.Success, result.Error);
        DecodedImage image = PngDecoder.Decode(result.Png!);
        Assert.Equal((result.Width, result.Height), (image.Width, image.Height));
        if (RepoPaths.UpdateRequested)
        {
            string directory = Path.Combine(RepoPaths.Root, "docs", "charts");
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, $"{name}-{theme.ToString().ToLowerInvariant()}.png"), result.Png!);
        }
    }

    private static Func<ChartResult> Render(string name, ChartOptions options) => name switch
    {
        "activity-calendar" => () => ChartSamples.Renderer.ActivityCalendar(ChartSamples.Year(), options),
        "activity-calendar-empty" => () => ChartSamples.Renderer.ActivityCalendar(
            new ActivityCalendarData("Activity for Ada", [], new DateOnly(2026, 9, 28), new DateOnly(2026, 11, 22), DayOfWeek.Monday), options),
        "solve-rates" => () => ChartSamples.Renderer.SolveRates(ChartSamples.Week(), options),
        "solve-rates-year" => () => ChartSamples.Renderer.SolveRates(ChartSamples.Problems(365), options),
        "reading-progress" => () => ChartSamples.Renderer.ReadingProgress(ChartSamples.Plan(), options),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
