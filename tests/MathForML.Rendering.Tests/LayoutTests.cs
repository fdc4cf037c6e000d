using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Layout;
using MathForML.Rendering.Parsing;

namespace MathForML.Rendering.Tests;

/// <summary>Measured boxes checked against the font's MATH constants (em units, base size 1).</summary>
public sealed class LayoutTests
{
    private static readonly MathLayout Layout = new(TestFont.Instance);
    private static readonly StyleState Display = new(MathStyle.Display, false);
    private static readonly StyleState Text = new(MathStyle.Text, false);

    private static double C(MathConstant c) => TestFont.Instance.Constant(c);

    private static ContainerBox Lay(string latex, StyleState style) => Layout.LayoutList(LatexParser.Parse(latex, null), style, null);

    /// <summary>Finds placed boxes of a type with absolute coordinates.</summary>
    private static List<(T Box, double X, double Y)> Find<T>(Box root)
        where T : Box
    {
        var found = new List<(T, double, double)>();
        Walk(root, 0, 0);
        return found;

        void Walk(Box box, double x, double y)
        {
            if (box is T match)
            {
                found.Add((match, x, y));
            }

            if (box is ContainerBox container)
            {
                foreach (PlacedBox child in container.Children)
                {
                    Walk(child.Box, x + child.X, y + child.Y);
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fraction_rule_is_centred_on_the_math_axis(int styleIndex)
    {
        var state = new StyleState((MathStyle)styleIndex, false);
        ContainerBox box = Lay("\\frac{a+b}{c}", state);
        (RuleBox rule, _, double y) = Assert.Single(Find<RuleBox>(box));
        double center = y + ((rule.Height - rule.Depth) / 2);
        Assert.Equal(Layout.Axis(state), center, 6);
        Assert.Equal(C(MathConstant.FractionRuleThickness) * Layout.Scale(state), rule.Height + rule.Depth, 6);
    }

    [Fact]
    public void Display_fraction_numerator_and_denominator_respect_shifts_and_gaps()
    {
        ContainerBox box = Lay("\\frac{x}{y}", Display);
        List<(GlyphBox Box, double X, double Y)> glyphs = Find<GlyphBox>(box);
        double numeratorBaseline = glyphs[0].Y;
        double denominatorBaseline = glyphs[1].Y;
        Assert.True(numeratorBaseline >= C(MathConstant.FractionNumeratorDisplayStyleShiftUp) - 1e-9);
        Assert.True(-denominatorBaseline >= C(MathConstant.FractionDenominatorDisplayStyleShiftDown) - 1e-9);
        double ruleBottom = Layout.Axis(Display) - (C(MathConstant.FractionRuleThickness) / 2);
        Assert.True(ruleBottom - (denominatorBaseline + glyphs[1].Box.Height) >= C(MathConstant.FractionDenomDisplayStyleGapMin) - 1e-9);
    }

    [Fact]
    public void Superscript_shift_is_at_least_the_constant_and_scaled_down()
    {
        ContainerBox box = Lay("x^2", Text);
        List<(GlyphBox Box, double X, double Y)> glyphs = Find<GlyphBox>(box);
        Assert.Equal(2, glyphs.Count);
        Assert.True(glyphs[1].Y >= C(MathConstant.SuperscriptShiftUp) - 1e-9);
        Assert.Equal(TestFont.Instance.Table.ScriptPercentScaleDown / 100.0, glyphs[1].Box.Scale, 6);
        Assert.True(glyphs[1].X >= glyphs[0].Box.Width - 1e-9);
    }

    [Fact]
    public void Cramped_superscript_uses_the_cramped_shift()
    {
        ContainerBox box = Layout.LayoutList(LatexParser.Parse("x^2", null), Text.AsCramped, null);
        List<(GlyphBox Box, double X, double Y)> glyphs = Find<GlyphBox>(box);
        Assert.Equal(C(MathConstant.SuperscriptShiftUpCramped), glyphs[1].Y, 6);
    }

    [Fact]
    public void Subscript_shift_is_at_least_the_constant_and_sub_superscript_gap_holds()
    {
        ContainerBox box = Lay("x_i^2", Text);
        List<(GlyphBox Box, double X, double Y)> glyphs = Find<GlyphBox>(box);
        (GlyphBox sub, double subY) = (glyphs[1].Box, glyphs[1].Y);
        (GlyphBox sup, double supY) = (glyphs[2].Box, glyphs[2].Y);
        if (sub.Height > sup.Height)
        {
            (sub, subY, sup, supY) = (sup, supY, sub, subY);
        }

        double subscriptY = double.Min(subY, supY);
        double superscriptY = double.Max(subY, supY);
        Assert.True(-subscriptY >= C(MathConstant.SubscriptShiftDown) - 1e-9);
        GlyphBox subscriptBox = subscriptY == subY ? sub : sup;
        GlyphBox superscriptBox = superscriptY == supY ? sup : sub;
        double gap = (superscriptY - superscriptBox.Depth) - (subscriptY + subscriptBox.Height);
        Assert.True(gap >= C(MathConstant.SubSuperscriptGapMin) * Layout.Scale(Text) - 1e-9);
    }

    [Fact]
    public void Display_sum_uses_a_variant_at_least_display_operator_min_height_centred_on_axis()
    {
        ContainerBox box = Lay("\\sum", Display);
        (GlyphBox glyph, _, double y) = Assert.Single(Find<GlyphBox>(box));
        Assert.True(glyph.Height + glyph.Depth >= TestFont.Instance.Em(TestFont.Instance.Table.DisplayOperatorMinHeight) - 0.01);
        Assert.Equal(Layout.Axis(Display), y + ((glyph.Height - glyph.Depth) / 2), 6);
        Assert.NotEqual(TestFont.Instance.GlyphFor(0x2211), glyph.Glyph);
    }

    [Fact]
    public void Display_limits_sit_above_and_below_with_minimum_gaps()
    {
        ContainerBox box = Lay("\\sum_{i}^{n}", Display);
        List<(GlyphBox Box, double X, double Y)> glyphs = Find<GlyphBox>(box);
        (GlyphBox op, double opX, double opY) = glyphs[0];
        var lower = glyphs.Single(g => g.Y < opY - 0.5);
        var upper = glyphs.Single(g => g.Y > opY + 0.5);
        Assert.True((upper.Y - upper.Box.Depth) - (opY + op.Height) >= (C(MathConstant.UpperLimitGapMin) * Layout.Scale(Display)) - 1e-9);
        Assert.True((opY - op.Depth) - (lower.Y + lower.Box.Height) >= C(MathConstant.LowerLimitGapMin) - 1e-9);
        double opCenter = opX + (op.Width / 2);
        Assert.Equal(opCenter, upper.X + (upper.Box.Width / 2), 1);
    }

    [Fact]
    public void Text_style_sum_puts_limits_to_the_side()
    {
        ContainerBox box = Lay("\\sum_{i}^{n}", Text);
        List<(GlyphBox Box, double X, double Y)> glyphs = Find<GlyphBox>(box);
        Assert.True(glyphs[1].X > glyphs[0].X + glyphs[0].Box.Width - glyphs[0].Box.Italic - 1e-9);
    }

    [Fact]
    public void Radical_bar_clears_the_body_by_the_vertical_gap()
    {
        ContainerBox box = Lay("\\sqrt{x}", Text);
        (RuleBox rule, _, double ruleY) = Assert.Single(Find<RuleBox>(box));
        GlyphBox x = Find<GlyphBox>(box).Single(g => g.Box.Glyph == TestFont.Instance.GlyphFor(0x1D465)).Box;
        double ruleBottom = ruleY - rule.Depth;
        Assert.True(ruleBottom - x.Height >= C(MathConstant.RadicalVerticalGap) - 1e-9);
        Assert.Equal(C(MathConstant.RadicalRuleThickness), rule.Height + rule.Depth, 6);
    }

    [Fact]
    public void Left_right_delimiters_grow_to_cover_tall_content()
    {
        ContainerBox small = Lay("\\left( x \\right)", Display);
        ContainerBox tall = Lay("\\left( \\frac{\\frac{a}{b}}{\\frac{c}{d}} \\right)", Display);
        double Paren(ContainerBox b) => Find<Box>(b).Where(g => g.Box is GlyphBox or ContainerBox { Children.Count: > 2 }).Max(g => g.Box.Height + g.Box.Depth);
        Assert.True(Paren(tall) > Paren(small) + 1);
        double delta = double.Max(tall.Height - Layout.Axis(Display), tall.Depth + Layout.Axis(Display));
        GlyphBox[] parens = Find<GlyphBox>(tall).Select(g => g.Box).Where(g => g.Height + g.Depth > 1.5).ToArray();
        Assert.True(parens.Length >= 2 || Find<ContainerBox>(tall).Any(c => c.Box.Height + c.Box.Depth >= 2 * delta * 0.9));
    }

    [Fact]
    public void Big_delimiters_grow_monotonically()
    {
        double[] sizes = new[] { "\\big(", "\\Big(", "\\bigg(", "\\Bigg(" }.Select(s => Lay(s, Text)).Select(b => b.Height + b.Depth).ToArray();
        Assert.True(sizes.Zip(sizes.Skip(1)).All(p => p.First < p.Second));
        Assert.InRange(sizes[0], 1.15, 1.35);
    }

    [Fact]
    public void Relation_gets_thick_spaces_and_binary_medium_spaces()
    {
        double plain = Lay("ab", Text).Width;
        double withRel = Lay("a=b", Text).Width - Lay("=", Text).Width;
        double withBin = Lay("a+b", Text).Width - Lay("+", Text).Width;
        Assert.Equal(plain + (2 * 5.0 / 18), withRel, 6);
        Assert.Equal(plain + (2 * 4.0 / 18), withBin, 6);
    }

    [Fact]
    public void Leading_binary_operator_becomes_ordinary_without_spacing()
    {
        Assert.Equal(Lay("-", Text).Width + Lay("x", Text).Width, Lay("-x", Text).Width, 6);
    }

    [Fact]
    public void Script_style_drops_conditional_spacing()
    {
        var script = new StyleState(MathStyle.Script, false);
        double spaced = Layout.LayoutList(LatexParser.Parse("a+b", null), script, null).Width;
        double parts = Layout.LayoutList(LatexParser.Parse("a", null), script, null).Width
            + Layout.LayoutList(LatexParser.Parse("+", null), script, null).Width
            + Layout.LayoutList(LatexParser.Parse("b", null), script, null).Width;
        Assert.Equal(parts, spaced, 6);
    }

    [Fact]
    public void Accent_uses_top_accent_attachment_and_sits_above_tall_bases()
    {
        ContainerBox low = Lay("\\hat{x}", Text);
        ContainerBox high = Lay("\\hat{X}", Text);
        Assert.True(high.Height > low.Height);
        Assert.True(Find<GlyphBox>(high)[1].Y >= Find<GlyphBox>(high)[0].Box.Height - C(MathConstant.AccentBaseHeight) - 1e-9);
    }

    [Fact]
    public void Matrix_is_centred_on_the_axis()
    {
        ContainerBox box = Lay("\\begin{matrix}a\\\\b\\\\c\\end{matrix}", Text);
        Assert.Equal(Layout.Axis(Text), (box.Height - box.Depth) / 2, 6);
    }

    [Fact]
    public void Vcenter_centres_its_body_on_the_axis()
    {
        ContainerBox box = Lay("\\vcenter{\\rule{1em}{3em}}", Text);
        Assert.Equal(Layout.Axis(Text), (box.Height - box.Depth) / 2, 6);
    }

    [Fact]
    public void Overline_rule_sits_the_gap_above_the_body()
    {
        ContainerBox box = Lay("\\overline{x}", Text);
        (RuleBox rule, _, double y) = Assert.Single(Find<RuleBox>(box));
        GlyphBox x = Find<GlyphBox>(box)[0].Box;
        Assert.Equal(x.Height + C(MathConstant.OverbarVerticalGap), y - rule.Depth, 6);
    }

    [Fact]
    public void Scripts_use_the_fonts_script_style_optical_variants()
    {
        List<(GlyphBox Box, double X, double Y)> glyphs = Find<GlyphBox>(Lay("x^x_{x^x}", Text));
        int text = TestFont.Instance.GlyphFor(0x1D465)!.Value;
        Assert.Equal(text, glyphs[0].Box.Glyph);
        Assert.Equal(TestFont.Instance.ForScriptLevel(text, 1), glyphs[1].Box.Glyph);
        Assert.NotEqual(text, glyphs[1].Box.Glyph);
        Assert.Contains(glyphs, g => g.Box.Glyph == TestFont.Instance.ForScriptLevel(text, 2) && g.Box.Scale == 0.5);
    }

    [Fact]
    public void Math_italic_maps_letters_to_the_math_alphanumerics()
    {
        Assert.Equal(0x1D465, MathAlphabet.Map('x', MathVariant.Default));
        Assert.Equal(0x210E, MathAlphabet.Map('h', MathVariant.Default));
        Assert.Equal(0x211D, MathAlphabet.Map('R', MathVariant.DoubleStruck));
        Assert.Equal(0x1D400, MathAlphabet.Map('A', MathVariant.Bold));
        Assert.Equal(0x1D7CF, MathAlphabet.Map('1', MathVariant.Bold));
        Assert.Equal(0x1D6FC, MathAlphabet.Map('\u03B1', MathVariant.Default));
        Assert.Equal(0x0393, MathAlphabet.Map('\u0393', MathVariant.Default));
        Assert.Equal(0x1D6AA, MathAlphabet.Map('\u0393', MathVariant.Bold));
        Assert.Equal(0x1D736, MathAlphabet.Map('\u03B1', MathVariant.BoldItalic));
        Assert.Equal('+', MathAlphabet.Map('+', MathVariant.Bold));
    }
}
