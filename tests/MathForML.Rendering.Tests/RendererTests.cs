using MathForML.TestKit;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests;

public sealed class RendererTests
{
    private static MathRenderer Renderer => TestFont.Renderer;

    private static RenderResult Render(string latex, RenderOptions? options = null) => Renderer.Render(latex, options ?? new RenderOptions());

    private static bool IsInk((byte R, byte G, byte B) pixel, (byte R, byte G, byte B) background) =>
        int.Abs(pixel.R - background.R) + int.Abs(pixel.G - background.G) + int.Abs(pixel.B - background.B) > 200;

    [Fact]
    public void Renders_png_with_matching_dimensions_and_alt_text()
    {
        RenderResult result = Render("x^2 + y^2 = z^2");
        Assert.True(result.Success);
        Assert.Null(result.Error);
        Assert.Equal("x^2 + y^2 = z^2", result.AltText);
        DecodedImage image = PngDecoder.Decode(result.Png!);
        Assert.Equal(result.Width, image.Width);
        Assert.Equal(result.Height, image.Height);
        Assert.InRange(image.Height, 20, 60);
        Assert.InRange(image.Width, 100, 250);
    }

    [Fact]
    public void Light_theme_is_dark_ink_on_opaque_white_with_padding_left_blank()
    {
        var options = new RenderOptions { Padding = 10 };
        DecodedImage image = PngDecoder.Decode(Render("\\sum_{i=1}^n x_i", options).Png!);
        Assert.Equal((255, 255, 255), ((int)image.At(0, 0).R, (int)image.At(0, 0).G, (int)image.At(0, 0).B));
        var background = image.At(0, 0);
        int darkest = 255;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var p = image.At(x, y);
                bool inPadding = x < 10 || y < 10 || x >= image.Width - 10 || y >= image.Height - 10;
                if (inPadding)
                {
                    Assert.False(IsInk(p, background), $"ink in padding at {x},{y}");
                }

                darkest = int.Min(darkest, p.R);
            }
        }

        Assert.True(darkest < 30);
    }

    [Fact]
    public void Dark_theme_uses_discord_grey_background_and_light_ink()
    {
        DecodedImage image = PngDecoder.Decode(Render("\\frac{a}{b}", new RenderOptions { Theme = RenderTheme.Dark }).Png!);
        Assert.Equal((0x31, 0x33, 0x38), ((int)image.At(0, 0).R, (int)image.At(0, 0).G, (int)image.At(0, 0).B));
        int brightest = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                brightest = int.Max(brightest, image.At(x, y).R);
            }
        }

        Assert.True(brightest > 200);
    }

    [Fact]
    public void Fraction_bar_is_a_solid_ink_row_at_the_axis()
    {
        DecodedImage image = PngDecoder.Decode(Render("\\frac{aaaa}{bbbb}", new RenderOptions { Padding = 0, Scale = 2 }).Png!);
        int solidRows = 0;
        for (int y = 0; y < image.Height; y++)
        {
            int dark = 0;
            for (int x = 0; x < image.Width; x++)
            {
                if (image.At(x, y).R < 60)
                {
                    dark++;
                }
            }

            if (dark > image.Width * 0.8)
            {
                solidRows++;
                Assert.InRange(y, image.Height * 0.3, image.Height * 0.7);
            }
        }

        Assert.InRange(solidRows, 1, 3);
    }

    [Fact]
    public void Scale_two_roughly_doubles_the_ink_size()
    {
        RenderResult one = Render("\\alpha+\\beta", new RenderOptions { Padding = 0, Scale = 1 });
        RenderResult two = Render("\\alpha+\\beta", new RenderOptions { Padding = 0, Scale = 2 });
        Assert.InRange(two.Width, (2 * one.Width) - 3, (2 * one.Width) + 3);
        Assert.InRange(two.Height, (2 * one.Height) - 3, (2 * one.Height) + 3);
    }

    [Fact]
    public void Inline_mode_keeps_operators_small()
    {
        RenderResult display = Render("\\sum_{i=1}^n i", new RenderOptions { Display = true });
        RenderResult inline = Render("\\sum_{i=1}^n i", new RenderOptions { Display = false });
        Assert.True(display.Height > inline.Height);
    }

    [Fact]
    public void Textcolor_paints_in_that_colour()
    {
        DecodedImage image = PngDecoder.Decode(Render("\\textcolor{red}{\\blacksquare}", new RenderOptions { Scale = 3 }).Png!);
        bool sawRed = false;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var p = image.At(x, y);
                sawRed |= p.R > 240 && p.G < 20 && p.B < 20;
                Assert.False(p.R < 100 && p.G < 100 && p.B < 100, "no black ink expected");
            }
        }

        Assert.True(sawRed);
    }

    [Fact]
    public void Syntax_error_is_a_failed_result_with_position_and_alt_text()
    {
        RenderResult result = Render("x + \\nosuch");
        Assert.False(result.Success);
        Assert.Null(result.Png);
        Assert.Equal("x + \\nosuch", result.AltText);
        Assert.Equal(RenderErrorCodes.UnknownCommand, result.Error!.Code);
        Assert.Equal("\\nosuch", result.Error.Command);
        Assert.Equal(4, result.Error.Position);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_input_is_an_error(string latex)
    {
        Assert.Equal(RenderErrorCodes.EmptyInput, Render(latex).Error!.Code);
    }

    [Fact]
    public void Input_longer_than_the_limit_is_rejected_and_at_the_limit_accepted()
    {
        string atLimit = string.Concat(Enumerable.Repeat("x", RenderLimits.MaxFormulaLength));
        RenderResult tooLong = Render(atLimit + "x");
        Assert.Equal(RenderErrorCodes.InputTooLong, tooLong.Error!.Code);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, RenderMessages.InputTooLong, RenderLimits.MaxFormulaLength), tooLong.Error.Message);
        Assert.NotEqual(RenderErrorCodes.InputTooLong, Render(atLimit).Error?.Code);
    }

    [Fact]
    public void Image_larger_than_the_pixel_limit_is_an_error()
    {
        string wide = string.Concat(Enumerable.Repeat("\\quad ", 300));
        RenderResult result = Render("x" + wide + "x", new RenderOptions { Scale = 4 });
        Assert.Equal(RenderErrorCodes.OutputTooLarge, result.Error!.Code);
    }

    [Fact]
    public void Image_taller_than_the_height_limit_is_an_error()
    {
        string tall = "\\begin{matrix}" + string.Join("\\\\", Enumerable.Repeat("x", 200)) + "\\end{matrix}";
        RenderResult result = Render(tall, new RenderOptions { Scale = 1 });
        Assert.Equal(RenderErrorCodes.OutputTooLarge, result.Error!.Code);
        Assert.True(Render(tall, new RenderOptions { Scale = 0.25 }).Success);
    }

    [Theory]
    [InlineData(49)]
    [InlineData(RenderLimits.MaxImageWidth + 1)]
    public void Document_width_outside_the_accepted_range_is_an_error(int width)
    {
        RenderResult result = TestFont.Renderer.RenderDocument("text", new RenderOptions { MaxWidthPixels = width });
        Assert.Equal(RenderErrorCodes.InvalidOptions, result.Error!.Code);
    }

    [Fact]
    public void Explicit_space_larger_than_the_limit_is_an_error()
    {
        RenderResult result = Render("a\\hspace{200em}b");
        Assert.Equal(RenderErrorCodes.InvalidDimension, result.Error!.Code);
    }

    [Theory]
    [InlineData(0.1, 8)]
    [InlineData(100, 8)]
    [InlineData(double.NaN, 8)]
    [InlineData(1, -1)]
    [InlineData(1, 1000)]
    public void Invalid_options_are_an_error(double scale, int padding)
    {
        RenderResult result = Render("x", new RenderOptions { Scale = scale, Padding = padding });
        Assert.Equal(RenderErrorCodes.InvalidOptions, result.Error!.Code);
    }

    [Fact]
    public void Self_referencing_macro_fails_fast()
    {
        var options = new RenderOptions { Macros = new Dictionary<string, string> { ["\\x"] = "\\x\\x" } };
        RenderResult result = Render("\\x", options);
        Assert.Equal(RenderErrorCodes.MacroExpansionLimit, result.Error!.Code);
    }

    [Fact]
    public void Macros_from_options_are_used()
    {
        var options = new RenderOptions { Macros = new Dictionary<string, string> { ["R"] = "\\mathbb{R}" } };
        Assert.True(Render("x \\in \\R^n", options).Success);
        Assert.False(Render("x \\in \\R^n").Success);
    }

    [Theory]
    [InlineData("\\abs{x}")]
    [InlineData("\\abs{\\det A}")]
    [InlineData("\\norm{x - y}^2")]
    public void Macro_with_an_argument_inside_left_right_renders(string latex)
    {
        var options = new RenderOptions
        {
            Macros = new Dictionary<string, string> { ["\\abs"] = "\\left\\lvert #1 \\right\\rvert", ["\\norm"] = "\\left\\lVert #1 \\right\\rVert" },
        };
        RenderResult result = Render(latex, options);
        Assert.True(result.Success, result.Error?.Message);
    }

    [Fact]
    public void Identical_requests_are_served_from_the_cache()
    {
        var renderer = new MathRenderer();
        var options = new RenderOptions { Theme = RenderTheme.Dark };
        RenderResult first = renderer.Render("e^{i\\pi}", options);
        RenderResult second = renderer.Render("e^{i\\pi}", options with { });
        Assert.Same(first, second);
        Assert.NotSame(first, renderer.Render("e^{i\\pi}", options with { Scale = 2 }));
    }

    [Fact]
    public void Cache_is_bounded()
    {
        var renderer = new MathRenderer();
        for (int i = 0; i < RenderLimits.CacheCapacity + 20; i++)
        {
            renderer.Render($"x_{{{i}}}", RenderOptions.Default);
        }

        Assert.Equal(RenderLimits.CacheCapacity, renderer.CachedCount);
    }

    [Fact]
    public void Parallel_renders_are_consistent()
    {
        var renderer = new MathRenderer();
        string[] formulas = ["\\frac{1}{2}", "\\sqrt{x}", "\\sum_i x_i", "\\int_0^1 f", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}"];
        byte[][] expected = formulas.Select(f => new MathRenderer().Render(f, RenderOptions.Default).Png!).ToArray();
        Parallel.For(0, 100, i =>
        {
            int k = i % formulas.Length;
            RenderResult result = renderer.Render(formulas[k], RenderOptions.Default with { Padding = 8 + (i % 3) });
            Assert.True(result.Success);
            if (i % 3 == 0)
            {
                Assert.Equal(expected[k], result.Png);
            }
        });
    }
}
