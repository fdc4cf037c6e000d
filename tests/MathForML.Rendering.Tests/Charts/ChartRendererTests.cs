using MathForML.Rendering.Charts;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Tests.Charts;

/// <summary>What all three charts share: options, themes, padding, size bounds, threads.</summary>
public sealed class ChartRendererTests
{
    public static TheoryData<string> Kinds => new() { "calendar", "solve-rates", "reading" };

    public static TheoryData<string, double, int, int, string> InvalidOptions => new()
    {
        { "calendar", 0, 12, 800, "Scale" },
        { "solve-rates", 9, 12, 800, "Scale" },
        { "reading", double.NaN, 12, 800, "Scale" },
        { "calendar", 1, -1, 800, "Padding" },
        { "solve-rates", 1, 300, 800, "Padding" },
        { "reading", 1, 12, 100, "MaxWidthPixels" },
        { "calendar", 1, 12, 5000, "MaxWidthPixels" },
        { "solve-rates", 1, 100, 300, "twice the padding" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_an_error_result_naming_the_option(string kind, double scale, int padding, int maxWidth, string expected)
    {
        ChartResult result = Render(kind, new ChartOptions { Scale = scale, Padding = padding, MaxWidthPixels = maxWidth });

        Assert.False(result.Success);
        Assert.Null(result.Png);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("Invalid chart options", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_data_is_a_bug_and_throws()
    {
        ChartRenderer renderer = ChartSamples.Renderer;

        Assert.Throws<ArgumentNullException>(() => renderer.ActivityCalendar(null!, ChartOptions.Default));
        Assert.Throws<ArgumentNullException>(() => renderer.SolveRates(new SolveRateData("t", null!), ChartOptions.Default));
        Assert.Throws<ArgumentNullException>(() => renderer.ReadingProgress(ChartSamples.Plan(), null!));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Background_is_the_themes_and_light_and_dark_differ(string kind)
    {
        ChartImage light = ChartImage.From(Render(kind, new ChartOptions { Theme = RenderTheme.Light }));
        ChartImage dark = ChartImage.From(Render(kind, new ChartOptions { Theme = RenderTheme.Dark }));

        Assert.True(light.BorderIs(12, ChartPalette.Light.Background));
        Assert.True(dark.BorderIs(12, ChartPalette.Dark.Background));
        Assert.NotEqual(light.Image.At(0, 0), dark.Image.At(0, 0));
        Assert.Equal((255, 255, 255), ((int)light.Image.At(0, 0).R, (int)light.Image.At(0, 0).G, (int)light.Image.At(0, 0).B));
        Assert.Equal((light.Width, light.Height), (dark.Width, dark.Height));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Padding_is_blank_and_the_rest_has_ink(string kind)
    {
        var options = new ChartOptions { Padding = 30 };
        ChartImage image = ChartImage.From(Render(kind, options));
        Rgba background = ChartPalette.Light.Background;

        Assert.True(image.BorderIs(30, background));
        Assert.True(image.InkIn(30, 30, image.Width - 30, image.Height - 30, background) > 500);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Scale_two_roughly_doubles_a_chart_that_fits(string kind)
    {
        ChartResult one = Render(kind, new ChartOptions { Scale = 1, MaxWidthPixels = 4000 });
        ChartResult two = Render(kind, new ChartOptions { Scale = 2, MaxWidthPixels = 4000 });

        Assert.InRange((two.Width - 24) / (double)(one.Width - 24), 1.8, 2.2);
        Assert.InRange((two.Height - 24) / (double)(one.Height - 24), 1.8, 2.2);
    }

    public static TheoryData<string, double, int> Sizes => new()
    {
        { "calendar", 0.25, 240 }, { "calendar", 2, 800 }, { "calendar", 8, 4096 },
        { "solve-rates", 0.25, 240 }, { "solve-rates", 3, 800 }, { "solve-rates", 8, 4096 },
        { "reading", 0.25, 240 }, { "reading", 4, 800 }, { "reading", 8, 4096 },
        { "year-of-problems", 8, 4096 }, { "year-of-problems", 1, 240 }, { "many-members", 8, 4096 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Output_stays_within_the_width_and_the_renderer_size_bounds(string kind, double scale, int maxWidth)
    {
        ChartImage image = ChartImage.From(Render(kind, new ChartOptions { Scale = scale, MaxWidthPixels = maxWidth }));

        Assert.InRange(image.Width, 1, maxWidth);
        Assert.InRange(image.Height, 1, RenderLimits.MaxImageHeight);
        Assert.InRange((long)image.Width * image.Height, 1, RenderLimits.MaxImagePixels);
    }

    [Fact]
    public void A_wide_calendar_at_scale_two_is_shrunk_to_the_maximum_width()
    {
        ChartResult result = ChartSamples.Renderer.ActivityCalendar(ChartSamples.Year(), new ChartOptions { Scale = 2 });

        Assert.True(result.Success);
        Assert.InRange(result.Width, 700, 800);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Rendering_from_many_threads_gives_identical_images(string kind)
    {
        byte[] expected = Render(kind, ChartOptions.Default).Png!;
        var results = new byte[16][];

        Parallel.For(0, results.Length, i => results[i] = Render(kind, ChartOptions.Default).Png!);

        Assert.All(results, png => Assert.Equal(expected, png));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Alt_text_is_never_longer_than_the_limit(string kind)
    {
        string[] alts = [Render(kind, ChartOptions.Default).AltText, Render("year-of-problems", ChartOptions.Default).AltText, Render("many-members", ChartOptions.Default).AltText];

        Assert.All(alts, alt => Assert.InRange(alt.Length, 10, ChartLimits.MaxAltTextLength));
    }

    [Fact]
    public void Palettes_keep_text_and_bars_readable_on_their_background()
    {
        foreach (ChartPalette p in new[] { ChartPalette.Light, ChartPalette.Dark })
        {
            Assert.True(Contrast(p.Ink, p.Background) >= 7);
            Assert.True(Contrast(p.MutedInk, p.Background) >= 4.5);
            Assert.True(Contrast(p.Primary, p.Background) >= 4.5);
            Assert.True(Contrast(p.Secondary, p.Background) >= 2);
            Assert.True(Contrast(p.Primary, p.Secondary) >= 2.5);
            for (int level = 1; level < p.Ramp.Length; level++)
            {
                Assert.True(Contrast(p.Ramp[level], p.Background) > Contrast(p.Ramp[level - 1], p.Background), $"ramp level {level}");
                Assert.True(Contrast(p.Ramp[level], p.Ramp[level - 1]) >= 1.35, $"ramp step {level}");
            }

            Assert.True(Contrast(p.Ramp[^1], p.Background) >= 7);
        }
    }

    internal static ChartResult Render(string kind, ChartOptions options) => kind switch
    {
        "calendar" => ChartSamples.Renderer.ActivityCalendar(ChartSamples.Year(), options),
        "solve-rates" => ChartSamples.Renderer.SolveRates(ChartSamples.Week(), options),
        "reading" => ChartSamples.Renderer.ReadingProgress(ChartSamples.Plan(), options),
        "year-of-problems" => ChartSamples.Renderer.SolveRates(ChartSamples.Problems(365), options),
        "many-members" => ChartSamples.Renderer.ReadingProgress(ChartSamples.Members(400), options),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>WCAG contrast ratio of two sRGB colours.</summary>
    internal static double Contrast(Rgba a, Rgba b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (double.Max(la, lb) + 0.05) / (double.Min(la, lb) + 0.05);
    }

    private static double Luminance(Rgba c) => (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(byte channel)
    {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : double.Pow((v + 0.055) / 1.055, 2.4);
    }
}
