using MathForML.Rendering.Charts;

namespace MathForML.Rendering.Tests.Charts;

public sealed class ActivityCalendarChartTests
{
    private static readonly DateOnly From = new(2026, 9, 6);
    private static readonly DateOnly To = new(2026, 11, 28);

    [Fact]
    public void A_year_renders_within_800_pixels_with_the_busiest_day_in_the_strongest_shade()
    {
        ChartImage image = ChartImage.From(ChartSamples.Renderer.ActivityCalendar(ChartSamples.Year(), ChartOptions.Default));
        ChartPalette p = ChartPalette.Light;

        Assert.InRange(image.Width, 700, 800);
        Assert.InRange(image.Height, 150, 220);

        // The busiest day (14 actions) is the only cell in the strongest shade; the legend swatch is the other square.
        Assert.Equal(2 * 11 * 11, image.Count(p.Ramp[4]));
        Assert.True(image.Count(p.Ramp[1]) > 20 * 121);
        Assert.True(image.Count(p.Ramp[0]) > 100 * 121);
    }

    [Theory]
    [InlineData(RenderTheme.Light)]
    [InlineData(RenderTheme.Dark)]
    public void The_strongest_shade_has_the_most_contrast_with_the_background(RenderTheme theme)
    {
        ChartPalette p = ChartPalette.For(theme);
        var data = Single(new DateOnly(2026, 10, 14), 5, [(new DateOnly(2026, 10, 15), 1)]);

        ChartImage image = ChartImage.From(ChartSamples.Renderer.ActivityCalendar(data, new ChartOptions { Theme = theme }));
        var cell = image.Bounds(p.Ramp[4], maxY: image.Height - 30);

        Assert.NotNull(cell);
        Assert.Equal((11, 11), (cell.Value.Right - cell.Value.Left, cell.Value.Bottom - cell.Value.Top));
        double strongest = ChartRendererTests.Contrast(p.Ramp[4], p.Background);
        Assert.All(p.Ramp[..4], c => Assert.True(ChartRendererTests.Contrast(c, p.Background) < strongest));
    }

    [Fact]
    public void Weeks_are_columns_and_weekdays_are_rows()
    {
        ChartPalette p = ChartPalette.Light;
        var wednesday = new DateOnly(2026, 10, 14);
        (int X, int Y) At(DateOnly day)
        {
            ChartImage image = ChartImage.From(ChartSamples.Renderer.ActivityCalendar(Single(day, 3), ChartOptions.Default));
            var bounds = image.Bounds(p.Ramp[4], maxY: image.Height - 30)!.Value;
            return (bounds.Left, bounds.Top);
        }

        (int x, int y) = At(wednesday);

        Assert.Equal((x, y + 14), At(wednesday.AddDays(1)));
        Assert.Equal((x + 14, y), At(wednesday.AddDays(7)));
        Assert.Equal((x - 14, y), At(wednesday.AddDays(-7)));
    }

    [Fact]
    public void The_first_day_of_the_week_picks_the_top_row()
    {
        ChartPalette p = ChartPalette.Light;
        var sunday = new DateOnly(2026, 10, 18);
        int TopOf(DayOfWeek first)
        {
            var data = Single(sunday, 2) with { FirstDayOfWeek = first };
            ChartImage image = ChartImage.From(ChartSamples.Renderer.ActivityCalendar(data, ChartOptions.Default));
            return image.Bounds(p.Ramp[4], maxY: image.Height - 30)!.Value.Top;
        }

        Assert.Equal(6 * 14, TopOf(DayOfWeek.Monday) - TopOf(DayOfWeek.Sunday));
    }

    [Fact]
    public void Alt_text_gives_the_range_totals_busiest_day_and_week_and_longest_run()
    {
        var data = new ActivityCalendarData(
            "Activity for Ada",
            [
                (new DateOnly(2026, 10, 5), 1), (new DateOnly(2026, 10, 6), 1), (new DateOnly(2026, 10, 7), 4),
                (new DateOnly(2026, 10, 20), 6), (new DateOnly(2026, 10, 20), 1), (new DateOnly(2026, 12, 1), 50),
            ],
            From,
            To,
            DayOfWeek.Monday);

        ChartResult result = ChartSamples.Renderer.ActivityCalendar(data, ChartOptions.Default);

        Assert.Equal(
            "Activity for Ada, 6 Sep 2026 – 28 Nov 2026: 4 active days, 13 actions; busiest day 20 Oct 2026 (7 actions); "
            + "busiest week starting 19 Oct 2026 (7 actions); longest run 3 days.",
            result.AltText);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void No_activity_draws_an_empty_grid_that_says_so(int daysWithZero)
    {
        var days = Enumerable.Range(0, daysWithZero).Select(i => (From.AddDays(i), 0)).ToList();
        var data = new ActivityCalendarData("Activity for Bo", days, From, To);
        ChartPalette p = ChartPalette.Light;

        ChartResult result = ChartSamples.Renderer.ActivityCalendar(data, ChartOptions.Default);
        ChartImage image = ChartImage.From(result);

        Assert.Equal("Activity for Bo, 6 Sep 2026 – 28 Nov 2026: no activity yet.", result.AltText);
        Assert.Equal(0, image.Count(p.Ramp[1]) + image.Count(p.Ramp[2]) + image.Count(p.Ramp[3]) + image.Count(p.Ramp[4]));
        Assert.Equal(84 * 121, image.Count(p.Ramp[0]));
    }

    [Fact]
    public void A_range_of_53_weeks_is_drawn_and_one_day_more_is_an_error()
    {
        var from = new DateOnly(2025, 11, 23);
        ChartResult fits = ChartSamples.Renderer.ActivityCalendar(new ActivityCalendarData("t", [], from, from.AddDays(ChartLimits.MaxCalendarDays - 1)), ChartOptions.Default);
        ChartResult tooLong = ChartSamples.Renderer.ActivityCalendar(new ActivityCalendarData("t", [], from, from.AddDays(ChartLimits.MaxCalendarDays)), ChartOptions.Default);

        Assert.True(fits.Success, fits.Error);
        Assert.InRange(fits.Width, 1, 800);
        Assert.False(tooLong.Success);
        Assert.Equal("The calendar range has 372 days; at most 371 (53 weeks) can be drawn.", tooLong.Error);
    }

    [Fact]
    public void A_reversed_range_is_an_error()
    {
        ChartResult result = ChartSamples.Renderer.ActivityCalendar(new ActivityCalendarData("t", [], To, From), ChartOptions.Default);

        Assert.False(result.Success);
        Assert.Equal("The calendar range ends (6 Sep 2026) before it starts (28 Nov 2026).", result.Error);
    }

    [Fact]
    public void A_negative_count_is_an_error()
    {
        ChartResult result = ChartSamples.Renderer.ActivityCalendar(Single(From, -1), ChartOptions.Default);

        Assert.False(result.Success);
        Assert.Equal("The activity count for 6 Sep 2026 is negative.", result.Error);
    }

    [Fact]
    public void A_single_day_range_renders()
    {
        ChartResult result = ChartSamples.Renderer.ActivityCalendar(new ActivityCalendarData("Today", [(From, 1)], From, From), ChartOptions.Default);

        ChartImage image = ChartImage.From(result);
        Assert.Equal(2 * 121, image.Count(ChartPalette.Light.Ramp[4]));
        Assert.Contains("1 active day, 1 action", result.AltText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 14, 0)]
    [InlineData(1, 14, 1)]
    [InlineData(3, 14, 2)]
    [InlineData(6, 14, 3)]
    [InlineData(9, 14, 3)]
    [InlineData(10, 14, 4)]
    [InlineData(14, 14, 4)]
    [InlineData(1, 1, 4)]
    [InlineData(1, 2, 1)]
    [InlineData(2, 2, 4)]
    [InlineData(2, 4, 3)]
    [InlineData(3, 4, 3)]
    [InlineData(99, 100, 4)]
    public void Shade_levels_are_logarithmic_from_one_action_to_the_busiest_day(long count, long max, int level)
    {
        Assert.Equal(level, ActivityCalendarChart.Level(count, max));
    }

    private static ActivityCalendarData Single(DateOnly day, int count, List<(DateOnly, int)>? more = null) =>
        new("Activity", [(day, count), .. more ?? []], From, To, DayOfWeek.Sunday);
}
