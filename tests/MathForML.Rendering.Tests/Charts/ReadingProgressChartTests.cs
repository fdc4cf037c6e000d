using MathForML.Rendering.Charts;

namespace MathForML.Rendering.Tests.Charts;

public sealed class ReadingProgressChartTests
{
    [Fact]
    public void Bars_are_filled_to_the_share_of_sessions_read()
    {
        var data = new ReadingProgressData("Plan", [("Ada", 12, 12), ("Bo", 6, 12), ("Cy", 0, 12), ("Di", 3, 4)]);
        ChartPalette p = ChartPalette.Light;

        ChartImage image = ChartImage.From(ChartSamples.Renderer.ReadingProgress(data, ChartOptions.Default));
        var rows = Rows(image, p);

        Assert.Equal(4, rows.Count);
        int track = rows[0].Filled;
        Assert.Equal(320, track);
        Assert.Equal(0, rows[0].Empty);
        Assert.InRange(rows[1].Filled, 159, 161);
        Assert.Equal(track, rows[1].Filled + rows[1].Empty);
        Assert.Equal((0, track), (rows[2].Filled, rows[2].Empty));
        Assert.Equal(240, rows[3].Filled);
    }

    [Fact]
    public void Alt_text_gives_members_finished_average_and_each_member()
    {
        ChartResult result = ChartSamples.Renderer.ReadingProgress(ChartSamples.Plan(), ChartOptions.Default);

        Assert.Equal(
            "Reading: Mathematics for Machine Learning: 7 members; 1 finished, average 52% read. Ada Lovelace 12 of 12 (100%); "
            + "Bernhard Riemann 10 of 12 (83%); Carl Friedrich Gauß 9 of 12 (75%); Dorothy 6 of 12 (50%); "
            + "Émilie du Châtelet, Marquise du Châtelet and translator of the Principia 5 of 12 (42%); Fibonacci 2 of 12 (17%); Grace 0 of 12 (0%).",
            result.AltText);
    }

    [Fact]
    public void A_very_long_name_is_cut_and_the_chart_keeps_its_width()
    {
        string name = string.Concat(Enumerable.Repeat("Bartholomew ", 500));
        ChartResult result = ChartSamples.Renderer.ReadingProgress(new ReadingProgressData("Plan", [(name, 1, 2)]), ChartOptions.Default);

        ChartImage image = ChartImage.From(result);
        Assert.InRange(image.Width, 300, 800);
        Assert.InRange(result.AltText.Length, 100, ChartLimits.MaxAltTextLength);
        Assert.Contains("…", result.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_400_members_keeps_the_first_400_and_says_so()
    {
        ChartResult result = ChartSamples.Renderer.ReadingProgress(ChartSamples.Members(401), new ChartOptions { Scale = 0.25 });

        ChartImage image = ChartImage.From(result);
        Assert.Equal(400, Rows(image, ChartPalette.Light).Count);
        Assert.StartsWith("Reading progress: 400 members;", result.AltText, StringComparison.Ordinal);
        Assert.EndsWith("Showing the first 400 of 401 members.", result.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_beyond_the_height_bound_are_left_out_and_counted()
    {
        ChartResult result = ChartSamples.Renderer.ReadingProgress(ChartSamples.Members(400), ChartOptions.Default);

        ChartImage image = ChartImage.From(result);
        int shown = Rows(image, ChartPalette.Light).Count;
        Assert.InRange(shown, 100, 399);
        Assert.InRange(image.Height, 1, RenderLimits.MaxImageHeight);
        Assert.EndsWith($"Showing the first {shown} of 400 members.", result.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void No_members_draws_a_chart_that_says_so()
    {
        ChartResult result = ChartSamples.Renderer.ReadingProgress(new ReadingProgressData("Plan", []), ChartOptions.Default);

        ChartImage image = ChartImage.From(result);
        Assert.Equal("Plan: no reading progress yet.", result.AltText);
        Assert.Equal(0, image.Count(ChartPalette.Light.Primary));
    }

    [Theory]
    [InlineData(-1, 12)]
    [InlineData(13, 12)]
    [InlineData(0, -2)]
    public void Impossible_progress_is_an_error(int done, int total)
    {
        ChartResult result = ChartSamples.Renderer.ReadingProgress(new ReadingProgressData("Plan", [("Ada", done, total)]), ChartOptions.Default);

        Assert.False(result.Success);
        Assert.Equal($"Member 'Ada' has invalid progress ({done} of {total}).", result.Error);
    }

    [Fact]
    public void A_plan_without_sessions_reads_as_zero_percent()
    {
        ChartResult result = ChartSamples.Renderer.ReadingProgress(new ReadingProgressData("Plan", [("Ada", 0, 0)]), ChartOptions.Default);

        Assert.True(result.Success);
        Assert.Contains("Ada 0 of 0 (0%)", result.AltText, StringComparison.Ordinal);
    }

    /// <summary>Each bar's filled and empty lengths, read along the rows through the track's middle.</summary>
    private static List<(int Filled, int Empty)> Rows(ChartImage image, ChartPalette p)
    {
        var rows = new List<(int, int)>();
        bool previousIsBar = false;
        for (int y = 0; y < image.Height; y++)
        {
            int filled = 0, empty = 0;
            for (int x = 0; x < image.Width; x++)
            {
                filled += image.Is(x, y, p.Primary) ? 1 : 0;
                empty += image.Is(x, y, p.Track) ? 1 : 0;
            }

            bool isBar = filled + empty > 10;
            if (isBar && !previousIsBar)
            {
                rows.Add((filled, empty));
            }

            previousIsBar = isBar;
        }

        return rows;
    }
}
