using MathForML.Rendering.Charts;

namespace MathForML.Rendering.Tests.Charts;

public sealed class SolveRateChartTests
{
    [Fact]
    public void Bars_are_as_tall_as_the_solved_and_tried_shares_of_the_members()
    {
        var data = new SolveRateData("Week", [("#1", 10, 10, 10), ("#2", 5, 10, 10), ("#3", 2, 4, 8)]);
        ChartPalette p = ChartPalette.Light;

        ChartImage image = ChartImage.From(ChartSamples.Renderer.SolveRates(data, ChartOptions.Default));
        var solved = image.Bounds(p.Primary, maxY: image.Height)!.Value;
        int plotBottom = solved.Bottom;
        List<int> columns = BarCentres(image, p, plotBottom - 1);

        // Spans, not counts: the percentage is written just above the solved part, over the tried part.
        Assert.Equal(3, columns.Count);
        Assert.Equal(120, image.SpanInColumn(columns[0], p.Primary, plotBottom - 125, plotBottom));
        Assert.Equal(0, image.SpanInColumn(columns[0], p.Secondary, plotBottom - 125, plotBottom));
        Assert.InRange(image.SpanInColumn(columns[1], p.Primary, plotBottom - 125, plotBottom), 59, 61);
        Assert.InRange(image.SpanInColumn(columns[1], p.Secondary, plotBottom - 125, plotBottom), 59, 61);
        Assert.InRange(image.SpanInColumn(columns[2], p.Primary, plotBottom - 125, plotBottom), 29, 31);
        Assert.InRange(image.SpanInColumn(columns[2], p.Secondary, plotBottom - 125, plotBottom), 29, 31);
    }

    [Fact]
    public void Alt_text_names_each_problem_with_its_counts_and_the_extremes()
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(ChartSamples.Week(), ChartOptions.Default);

        Assert.StartsWith("Solve rate, week of 16 Nov 2026: 7 problems; on average 47% of members solved each; best #44 (100%), lowest #47 (0%).", result.AltText, StringComparison.Ordinal);
        Assert.Contains("#41: 11 of 14 solved (79%), 13 tried;", result.AltText, StringComparison.Ordinal);
        Assert.EndsWith("#47: 0 of 14 solved (0%), 3 tried.", result.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void More_tried_than_members_measures_against_those_who_tried()
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(new SolveRateData("t", [("#9", 5, 5, 3)]), ChartOptions.Default);

        Assert.Contains("#9: 5 of 5 solved (100%), 5 tried", result.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_400_problems_keeps_the_most_recent_400_and_says_so()
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(ChartSamples.Problems(401), new ChartOptions { MaxWidthPixels = 1600 });

        ChartImage image = ChartImage.From(result);
        Assert.StartsWith("Solve rate per problem: 400 problems;", result.AltText, StringComparison.Ordinal);
        Assert.Contains("#2: ", result.AltText, StringComparison.Ordinal);
        Assert.DoesNotContain("#1: ", result.AltText, StringComparison.Ordinal);
        Assert.EndsWith("Showing the most recent 400 of 401 problems.", result.AltText, StringComparison.Ordinal);
        Assert.InRange(image.Height, 1, RenderLimits.MaxImageHeight);
    }

    [Fact]
    public void A_year_of_problems_wraps_onto_panels_and_lists_what_fits_in_the_alt_text()
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(ChartSamples.Problems(365), ChartOptions.Default);

        ChartImage image = ChartImage.From(result);
        Assert.InRange(image.Width, 700, 800);
        Assert.InRange(image.Height, 600, 1200);
        Assert.Matches(@"; and \d+ more\.$", result.AltText);
        Assert.DoesNotContain("Showing", result.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_panels_for_the_height_bound_drop_the_oldest_and_say_so()
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(ChartSamples.Problems(400), new ChartOptions { Scale = 8, MaxWidthPixels = 1000 });

        ChartImage image = ChartImage.From(result);
        Assert.InRange(image.Height, 1, RenderLimits.MaxImageHeight);
        Assert.Matches(@"Showing the most recent \d+ of 400 problems\.$", result.AltText);
    }

    [Fact]
    public void No_problems_draws_an_empty_chart_that_says_so()
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(new SolveRateData("This week", []), ChartOptions.Default);

        ChartImage image = ChartImage.From(result);
        Assert.Equal("This week: no problems yet.", result.AltText);
        Assert.Equal(10 * 10, image.Count(ChartPalette.Light.Primary)); // the legend swatch only
    }

    [Theory]
    [InlineData(-1, 0, 5)]
    [InlineData(3, 2, 5)]
    [InlineData(0, 0, -1)]
    public void Impossible_counts_are_an_error(int solved, int tried, int members)
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(new SolveRateData("t", [("#5", solved, tried, members)]), ChartOptions.Default);

        Assert.False(result.Success);
        Assert.Equal($"Problem '#5' has invalid counts (solved {solved}, tried {tried}, members {members}).", result.Error);
    }

    [Fact]
    public void A_problem_nobody_could_try_has_an_empty_bar()
    {
        ChartResult result = ChartSamples.Renderer.SolveRates(new SolveRateData("t", [("#1", 0, 0, 0)]), ChartOptions.Default);

        Assert.True(result.Success);
        Assert.Contains("#1: 0 of 0 solved (0%), 0 tried", result.AltText, StringComparison.Ordinal);
    }

    /// <summary>Centres of the bars, found along a row just above the baseline.</summary>
    private static List<int> BarCentres(ChartImage image, ChartPalette p, int y)
    {
        var runs = image.RunsInRow(y, p.Primary);
        runs.AddRange(image.RunsInRow(y, p.Secondary));
        return runs.Where(r => r.Length > 5).Select(r => r.Start + (r.Length / 2)).Order().ToList();
    }
}
