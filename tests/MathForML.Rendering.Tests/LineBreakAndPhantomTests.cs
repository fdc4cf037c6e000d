using MathForML.Rendering.Boxes;
using MathForML.Rendering.Layout;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests;

/// <summary>\\ inside groups and text, and phantoms inside text (KaTeX corpus cases NewLine and Phantom).</summary>
public sealed class LineBreakAndPhantomTests
{
    private static readonly MathLayout Layout = new(TestFont.Instance);
    private static readonly StyleState Display = new(MathStyle.Display, false);

    private static ContainerBox Lay(string latex) => Layout.LayoutList(LatexParser.Parse(latex, null), Display, null);

    [Theory]
    [InlineData("{a \\\\ b}", "lines[group{ord:a} \\\\ group{ord:b}]")]
    [InlineData("a+{b \\\\ c}+d", "lines[ord:a bin:+ group{ord:b} \\\\ group{ord:c} bin:+ ord:d]")]
    [InlineData("{a \\newline b}", "lines[group{ord:a} \\\\ group{ord:b}]")]
    [InlineData("{{a \\\\ b} c}", "lines[group{group{ord:a}} \\\\ group{group{ord:b} ord:c}]")]
    [InlineData("{x \\\\ y}^2", "lines[group{ord:x} \\\\ group{ord:y}^{ord:2}]")]
    [InlineData("{a \\\\}", "lines[group{ord:a}]")]
    [InlineData("x \\\\ {a \\\\ b}", "lines[ord:x \\\\ group{ord:a} \\\\ group{ord:b}]")]
    [InlineData("\\text{a \\\\ b}", "lines[group{text\"a\"} \\\\ group{text\"b\"}]")]
    [InlineData("\\mbox{a\\newline b}", "lines[group{text\"a\"} \\\\ group{text\"b\"}]")]
    [InlineData("\\frac{\\text{a \\\\ b}}{c}", "frac{group{text\"a\" break text\"b\"}}{ord:c}")]
    [InlineData("\\sqrt{{a \\\\[2pt] b}}", "sqrt{group{ord:a break[0.2] ord:b}}")]
    [InlineData("\\text{a \\phantom{123}} b", "group{text\"a \" phantom:Full{text\"123\"}} ord:b")]
    [InlineData("\\text{\\hphantom{ab}x}", "group{phantom:Horizontal{text\"ab\"} text\"x\"}")]
    [InlineData("\\text{x\\vphantom{A}}", "group{text\"x\" phantom:Vertical{text\"A\"}}")]
    [InlineData("\\textbf{\\phantom{b}}", "group{phantom:Full{text\"b\"[Bold]}}")]
    [InlineData("\\sqrt{\\mathstrut a}", "sqrt{phantom:Vertical{open:(} ord:a}")]
    public void Parses_to_expected_tree(string source, string expected)
    {
        Assert.Equal(expected, AstPrinter.Print(LatexParser.Parse(source, null)));
    }

    [Theory]
    [InlineData("\\frac{a \\\\ b}{c}", "\\\\", 8)]
    [InlineData("\\mathbf{a \\\\ b}", "\\\\", 10)]
    public void Breaks_in_command_arguments_stay_errors(string source, string command, int position)
    {
        var error = Assert.Throws<LatexParseException>(() => LatexParser.Parse(source, null)).ToError();
        Assert.Equal(RenderErrorCodes.Alignment, error.Code);
        Assert.Equal(command, error.Command);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Extra_space_after_a_break_in_a_group_goes_below_its_line()
    {
        var lines = Assert.IsType<ArrayNode>(Assert.Single(LatexParser.Parse("{a \\\\[1em] b} \\\\[2em] c", null).Items));
        Assert.Equal(3, lines.Rows.Count);
        Assert.Equal(1.0, lines.ExtraRowSpace[0], 6);
        Assert.Equal(2.0, lines.ExtraRowSpace[1], 6);
    }

    [Fact]
    public void A_group_with_a_break_lays_out_like_the_same_lines_at_top_level()
    {
        ContainerBox grouped = Lay("{a+b \\\\ c}");
        ContainerBox plain = Lay("a+b \\\\ c");
        Assert.Equal(plain.Width, grouped.Width, 6);
        Assert.Equal(plain.Height + plain.Depth, grouped.Height + grouped.Depth, 6);
        Assert.True(grouped.Height + grouped.Depth > 2 * Lay("a+b").Height, "two lines are stacked");
    }

    [Fact]
    public void A_break_inside_a_fraction_takes_no_space()
    {
        Assert.Equal(Lay("\\frac{\\text{ab}}{c}").Width, Lay("\\frac{\\text{a\\\\b}}{c}").Width, 6);
    }

    [Fact]
    public void Phantom_in_text_keeps_the_width_and_height_of_its_text()
    {
        double full = Lay("\\text{axyzb}").Width;
        Assert.Equal(full, Lay("\\text{a\\phantom{xyz}b}").Width, 6);
        Assert.Equal(full, Lay("\\text{a\\hphantom{xyz}b}").Width, 6);
        Assert.Equal(Lay("\\text{ab}").Width, Lay("\\text{a\\vphantom{xyz}b}").Width, 6);

        ContainerBox tall = Lay("\\text{x\\vphantom{(}}");
        Assert.Equal(Lay("\\text{(}").Height, tall.Height, 6);
        Assert.True(tall.Depth > Lay("\\text{x}").Depth, "the parenthesis' depth is kept");
        Assert.Equal(Lay("\\text{x}").Height, Lay("\\text{x\\hphantom{(}}").Height, 6);
    }

    [Fact]
    public void Phantom_in_text_draws_nothing()
    {
        var renderer = TestFont.Renderer;
        RenderResult hidden = renderer.Render("\\text{\\phantom{abc}}", RenderOptions.Default);
        Assert.True(hidden.Success, hidden.Error?.Message);
        Assert.Empty(Find<GlyphBox>(Lay("\\text{\\phantom{abc}}")));
        Assert.NotEmpty(Find<GlyphBox>(Lay("\\text{abc}")));
    }

    private static List<T> Find<T>(Box root)
        where T : Box
    {
        var found = new List<T>();
        Walk(root);
        return found;

        void Walk(Box box)
        {
            if (box is T match)
            {
                found.Add(match);
            }

            if (box is ContainerBox container)
            {
                foreach (PlacedBox child in container.Children)
                {
                    Walk(child.Box);
                }
            }
        }
    }
}
