using MathForML.Rendering.Font;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Tests;

/// <summary>
/// The font tables are searched in place on demand; these tests expand the same tables eagerly, the
/// straightforward way, and check every glyph and code point gives the same answer (twice, so the
/// memoized path is checked too).
/// </summary>
public sealed class LazyFontTableTests
{
    private static readonly Lazy<byte[]> FontBytes = new(() =>
    {
        using Stream stream = typeof(MathFont).Assembly.GetManifestResourceStream(MathFont.EmbeddedResourceName)!;
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    });

    [Fact]
    public void Cmap_lookups_match_a_full_expansion_of_the_format_12_table()
    {
        byte[] data = FontBytes.Value;
        var file = new OpenTypeFile(data);
        FontSlice cmap = file.Table("cmap");
        Dictionary<int, int> expected = ExpandFormat12(cmap, file.GlyphCount);
        Assert.True(expected.Count > 1000, $"only {expected.Count} code points mapped");

        var font = new MathFont(data);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int codePoint = 0; codePoint < 0x20000; codePoint++)
            {
                int? actual = font.GlyphFor(codePoint);
                Assert.Equal(expected.TryGetValue(codePoint, out int glyph) ? glyph : null, actual);
            }
        }
    }

    [Fact]
    public void Math_glyph_info_matches_a_full_expansion_of_its_coverage_tables()
    {
        byte[] data = FontBytes.Value;
        var file = new OpenTypeFile(data);
        FontSlice math = file.Table("MATH");
        FontSlice glyphInfo = math.From(math.U16(6), "glyph info");
        Dictionary<int, int> italics = ExpandValues(glyphInfo.From(glyphInfo.U16(0), "italics"));
        Dictionary<int, int> accents = ExpandValues(glyphInfo.From(glyphInfo.U16(2), "accents"));
        HashSet<int> extended = [.. ExpandCoverage(glyphInfo, glyphInfo.U16(4)).Keys];
        Assert.NotEmpty(italics);
        Assert.NotEmpty(accents);
        Assert.NotEmpty(extended);

        var table = new MathTableReader(math, file.GlyphCount);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int g = 0; g < file.GlyphCount; g++)
            {
                Assert.Equal(italics.GetValueOrDefault(g), table.ItalicCorrection(g));
                Assert.Equal(accents.TryGetValue(g, out int accent) ? accent : null, table.TopAccentAttachment(g));
                Assert.Equal(extended.Contains(g), table.IsExtendedShape(g));
            }
        }
    }

    private static Dictionary<int, int> ExpandFormat12(FontSlice cmap, int glyphCount)
    {
        var map = new Dictionary<int, int>();
        for (int i = 0; i < cmap.U16(2); i++)
        {
            int offset = (int)cmap.U32(4 + (8 * i) + 4);
            if (cmap.U16(offset) != 12)
            {
                continue;
            }

            FontSlice table = cmap.From(offset, "format 12");
            for (int group = 0; group < (int)table.U32(12); group++)
            {
                uint start = table.U32(16 + (12 * group));
                uint end = table.U32(20 + (12 * group));
                uint first = table.U32(24 + (12 * group));
                for (uint c = start; c <= end; c++)
                {
                    long g = first + (c - start);
                    if (g != 0 && g < glyphCount)
                    {
                        map[(int)c] = (int)g;
                    }
                }
            }

            return map;
        }

        throw new InvalidOperationException("The embedded font has no format 12 cmap.");
    }

    private static Dictionary<int, int> ExpandValues(FontSlice table)
    {
        var result = new Dictionary<int, int>();
        foreach ((int glyph, int index) in ExpandCoverage(table, table.U16(0)))
        {
            result[glyph] = table.I16(4 + (4 * index));
        }

        return result;
    }

    private static Dictionary<int, int> ExpandCoverage(FontSlice table, int offset)
    {
        var result = new Dictionary<int, int>();
        int format = table.U16(offset);
        int count = table.U16(offset + 2);
        for (int i = 0; i < count; i++)
        {
            if (format == 1)
            {
                result[table.U16(offset + 4 + (2 * i))] = i;
                continue;
            }

            int record = offset + 4 + (6 * i);
            for (int g = table.U16(record); g <= table.U16(record + 2); g++)
            {
                result[g] = table.U16(record + 4) + g - table.U16(record);
            }
        }

        return result;
    }
}
