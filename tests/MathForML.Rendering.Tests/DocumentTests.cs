using MathForML.TestKit;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests;

public sealed class DocumentTests
{
    private static MathRenderer Renderer => TestFont.Renderer;

    [Theory]
    [InlineData("plain", "Text:plain@0")]
    [InlineData("Let $x^2$ be", "Text:Let @0|InlineMath:x^2@5|Text: be@9")]
    [InlineData("a \\(b\\) c", "Text:a @0|InlineMath:b@4|Text: c@7")]
    [InlineData("see $$\\int f$$ ok", "Text:see @0|DisplayMath:\\int f@6|Text: ok@14")]
    [InlineData("x \\[y\\]", "Text:x @0|DisplayMath:y@4")]
    [InlineData("costs \\$5 and $a$", "Text:costs $5 and @0|InlineMath:a@15")]
    [InlineData("one\n\ntwo", "Text:one@0|ParagraphBreak:@3|Text:two@5")]
    [InlineData("$\\$$", "InlineMath:\\$@1")]
    public void Splits_text_and_math(string text, string expected)
    {
        string actual = string.Join("|", DocumentParser.Split(text).Select(s => $"{s.Kind}:{s.Content}@{s.Position}"));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Let $x be", "$", 4)]
    [InlineData("Then $$x", "$$", 5)]
    [InlineData("Then \\[x", "\\[", 5)]
    public void Unclosed_math_is_an_error_at_the_opening_delimiter(string text, string delimiter, int position)
    {
        RenderResult result = Renderer.RenderDocument(text, new RenderOptions());
        Assert.False(result.Success);
        Assert.Equal(position, result.Error!.Position);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, RenderMessages.UnclosedMath, delimiter), result.Error.Message);
    }

    [Fact]
    public void Math_error_positions_index_the_whole_document()
    {
        RenderResult result = Renderer.RenderDocument("Compute $\\frac{1}{\\nope}$ now.", new RenderOptions());
        Assert.Equal(RenderErrorCodes.UnknownCommand, result.Error!.Code);
        Assert.Equal(18, result.Error.Position);
        Assert.Equal("\\nope", result.Error.Command);
    }

    [Fact]
    public void Long_statement_wraps_to_the_requested_width()
    {
        string text = string.Join(" ", Enumerable.Repeat("Let $f(x) = x^2$ and compute the derivative", 6));
        RenderResult narrow = Renderer.RenderDocument(text, new RenderOptions { MaxWidthPixels = 300 });
        RenderResult wide = Renderer.RenderDocument(text, new RenderOptions { MaxWidthPixels = 1200 });
        Assert.True(narrow.Success);
        Assert.True(narrow.Width <= 300);
        Assert.True(narrow.Height > wide.Height * 2);
        Assert.Equal(text, narrow.AltText);
    }

    [Fact]
    public void Display_math_gets_its_own_centred_line()
    {
        RenderResult inline = Renderer.RenderDocument("Sum $\\sum_{i=1}^n i$ here.", new RenderOptions { MaxWidthPixels = 600 });
        RenderResult display = Renderer.RenderDocument("Sum $$\\sum_{i=1}^n i$$ here.", new RenderOptions { MaxWidthPixels = 600 });
        Assert.True(display.Height > inline.Height + 30);
        DecodedImage image = PngDecoder.Decode(display.Png!);
        Assert.Equal(image.Width, display.Width);
    }

    [Fact]
    public void Inline_math_sits_on_the_text_baseline()
    {
        // "x" set as text and as math italic share a baseline: their ink bottoms agree within a pixel.
        DecodedImage image = PngDecoder.Decode(Renderer.RenderDocument("xx $x$", new RenderOptions { Scale = 3, Padding = 0 }).Png!);
        int Bottom(int fromX, int toX)
        {
            for (int y = image.Height - 1; y >= 0; y--)
            {
                for (int x = fromX; x < toX; x++)
                {
                    if (image.At(x, y).R < 128)
                    {
                        return y;
                    }
                }
            }

            return -1;
        }

        int third = image.Width / 3;
        Assert.InRange(Bottom(0, third) - Bottom(2 * third, image.Width), -1, 1);
    }

    [Fact]
    public void Long_inline_formula_breaks_after_relations_and_measures_the_same_unbroken()
    {
        string formula = "$a = b + c = d + e = f + g = h + i = j + k = l + m = n + o = p$";
        RenderResult wide = Renderer.RenderDocument(formula, new RenderOptions { MaxWidthPixels = 2000, Padding = 0 });
        RenderResult single = Renderer.Render(formula.Trim('$'), new RenderOptions { Display = false, Padding = 0 });
        RenderResult narrow = Renderer.RenderDocument(formula, new RenderOptions { MaxWidthPixels = 150, Padding = 0 });
        Assert.InRange(wide.Width, single.Width - 2, single.Width + 2);
        Assert.True(narrow.Width <= 150);
        Assert.True(narrow.Height > 3 * single.Height);
    }

    [Fact]
    public void Document_longer_than_the_limit_is_rejected()
    {
        RenderResult result = Renderer.RenderDocument(new string('a', RenderLimits.MaxDocumentLength + 1), new RenderOptions());
        Assert.Equal(RenderErrorCodes.InputTooLong, result.Error!.Code);
    }

    [Fact]
    public void Paragraphs_are_separated_vertically()
    {
        RenderResult one = Renderer.RenderDocument("First line. Second line.", new RenderOptions());
        RenderResult two = Renderer.RenderDocument("First line.\n\nSecond line.", new RenderOptions());
        Assert.True(two.Height > one.Height + 15);
    }
}
