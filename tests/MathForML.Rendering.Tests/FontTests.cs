using MathForML.Rendering.Font;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Tests;

public sealed class FontTests
{
    private static readonly Lazy<byte[]> FontBytes = new(() =>
    {
        using Stream stream = typeof(MathFont).Assembly.GetManifestResourceStream(MathFont.EmbeddedResourceName)!;
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    });

    private static MathFont Font => TestFont.Instance;

    [Fact]
    public void Embedded_font_loads_with_expected_metrics()
    {
        Assert.Equal(1000, Font.UnitsPerEm);
        Assert.True(Font.GlyphCount > 4000);
        Assert.Equal(0.25, Font.AxisHeight, 3);
        Assert.Equal(70, Font.Table.ScriptPercentScaleDown);
        Assert.Equal(50, Font.Table.ScriptScriptPercentScaleDown);
        Assert.Equal(1300, Font.Table.DisplayOperatorMinHeight);
        Assert.Equal(40, Font.Table.Constant(MathConstant.FractionRuleThickness));
    }

    [Theory]
    [InlineData('A')]
    [InlineData('x')]
    [InlineData(0x1D465)]
    [InlineData(0x2211)]
    [InlineData(0x03B1)]
    [InlineData(0x1D53D)]
    public void Cmap_maps_basic_and_supplementary_plane_characters(int codePoint)
    {
        int? glyph = Font.GlyphFor(codePoint);
        Assert.NotNull(glyph);
        Assert.False(Font.Outline(glyph!.Value).IsEmpty);
    }

    [Fact]
    public void Letter_O_outline_is_closed_curves_inside_its_metrics()
    {
        int glyph = Font.GlyphFor('O')!.Value;
        GlyphOutline outline = Font.Outline(glyph);
        Assert.Contains(PathVerb.CubicTo, outline.Verbs);
        Assert.Equal(2, outline.Verbs.Count(v => v == PathVerb.MoveTo));
        Assert.InRange(outline.YMax, 680, 720);
        Assert.InRange(outline.YMin, -30, 0);
        Assert.InRange(outline.XMax, 600, Font.Advance(glyph) * 1000);
    }

    [Fact]
    public void Every_glyph_outline_parses()
    {
        for (int g = 0; g < Font.GlyphCount; g++)
        {
            GlyphOutline outline = Font.Outline(g);
            Assert.True(outline.IsEmpty || outline.XMax >= outline.XMin);
        }
    }

    [Fact]
    public void Math_table_has_italic_corrections_and_accent_attachments()
    {
        int italicF = Font.GlyphFor(0x1D453)!.Value;
        Assert.True(Font.Italic(italicF) > 0);
        Assert.NotNull(Font.TopAccent(italicF));
        Assert.True(Font.Table.IsExtendedShape(Font.GlyphFor(0x222B)!.Value));
    }

    [Fact]
    public void Parenthesis_has_growing_vertical_variants_and_an_assembly()
    {
        GlyphConstruction construction = Font.Table.Vertical(Font.GlyphFor('(')!.Value)!;
        Assert.True(construction.Variants.Count >= 4);
        Assert.True(construction.Variants.Zip(construction.Variants.Skip(1)).All(p => p.First.Advance < p.Second.Advance));
        Assert.NotNull(construction.Assembly);
        Assert.Contains(construction.Assembly!, p => p.IsExtender);
    }

    [Fact]
    public void Overbrace_has_horizontal_variants_and_an_assembly()
    {
        GlyphConstruction construction = Font.Table.Horizontal(Font.GlyphFor(0x23DE)!.Value)!;
        Assert.True(construction.Variants.Count > 1);
        Assert.NotNull(construction.Assembly);
    }

    [Fact]
    public void Truncated_font_is_a_clear_format_exception()
    {
        byte[] truncated = FontBytes.Value[..5000];
        var error = Assert.Throws<FontFormatException>(() => new MathFont(truncated));
        Assert.True(error.Message.Contains("past the end", StringComparison.Ordinal) || error.Message.Contains("outside", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Non_opentype_data_is_rejected()
    {
        var error = Assert.Throws<FontFormatException>(() => new MathFont(new byte[64]));
        Assert.Contains("sfnt version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_table_offset_is_a_format_exception_naming_the_table()
    {
        byte[] data = (byte[])FontBytes.Value.Clone();
        int tables = (data[4] << 8) | data[5];
        for (int i = 0; i < tables; i++)
        {
            int record = 12 + (16 * i);
            if (System.Text.Encoding.ASCII.GetString(data, record, 4) == "MATH")
            {
                data[record + 8] = 0x7F;
            }
        }

        var error = Assert.Throws<FontFormatException>(() => new MathFont(data));
        Assert.True(error.Message.Contains("MATH", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Corrupt_charstring_is_a_format_exception_not_an_out_of_range_read()
    {
        byte[] data = (byte[])FontBytes.Value.Clone();
        var font = new MathFont(data);
        int glyph = font.GlyphFor('O')!.Value;

        // Overwrite the CFF charstring data region with a reserved operator (byte 0) throughout.
        int cffStart = FindTable(data, "CFF ");
        var corrupt = (byte[])data.Clone();
        for (int i = cffStart + 400_000; i < cffStart + 600_000; i++)
        {
            corrupt[i] = 0;
        }

        var broken = new MathFont(corrupt);
        bool threwFormatError = false;
        for (int g = 0; g < broken.GlyphCount; g++)
        {
            try
            {
                broken.Outline(g);
            }
            catch (FontFormatException)
            {
                threwFormatError = true;
            }
        }

        Assert.True(threwFormatError);
        Assert.False(font.Outline(glyph).IsEmpty);
    }

    private static int FindTable(byte[] data, string tag)
    {
        int tables = (data[4] << 8) | data[5];
        for (int i = 0; i < tables; i++)
        {
            int record = 12 + (16 * i);
            if (System.Text.Encoding.ASCII.GetString(data, record, 4) == tag)
            {
                return (data[record + 8] << 24) | (data[record + 9] << 16) | (data[record + 10] << 8) | data[record + 11];
            }
        }

        throw new InvalidOperationException(tag);
    }
}

/// <summary>One font instance shared by tests (parsing it is the expensive part).</summary>
internal static class TestFont
{
    private static readonly Lazy<MathFont> Font = new(MathFont.LoadEmbedded);
    private static readonly Lazy<MathRenderer> Shared = new(() => new MathRenderer());

    public static MathFont Instance => Font.Value;

    public static MathRenderer Renderer => Shared.Value;
}
