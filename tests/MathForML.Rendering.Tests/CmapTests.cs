using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Tests;

public sealed class CmapTests
{
    /// <summary>Builds a cmap with one (3,1) format 4 subtable: 'A'..'C' by delta, 'x' via the glyph id array.</summary>
    private static byte[] Format4Cmap()
    {
        var bytes = new List<byte>();
        void U16(int v)
        {
            bytes.Add((byte)(v >> 8));
            bytes.Add((byte)v);
        }

        U16(0);
        U16(1);
        U16(3);
        U16(1);
        U16(0);
        U16(12);

        // format 4, 3 segments: [0x41..0x43 delta], [0x78..0x78 rangeOffset], [0xFFFF]
        U16(4);
        U16(0);
        U16(0);
        U16(6);
        U16(0);
        U16(0);
        U16(0);
        U16(0x43);
        U16(0x78);
        U16(0xFFFF);
        U16(0);
        U16(0x41);
        U16(0x78);
        U16(0xFFFF);
        U16(-0x41 + 10 & 0xFFFF);
        U16(0);
        U16(1);
        U16(0);
        U16(4);
        U16(0);
        U16(7);
        return [.. bytes];
    }

    [Fact]
    public void Format4_maps_delta_and_glyph_array_segments()
    {
        byte[] data = Format4Cmap();
        CmapReader map = CmapReader.Read(new FontSlice(data, 0, data.Length, "cmap"), 100);
        Assert.Equal(10, Glyph(map, 'A'));
        Assert.Equal(12, Glyph(map, 'C'));
        Assert.Equal(7, Glyph(map, 'x'));
        Assert.False(map.TryGetGlyph('D', out _));
        Assert.False(map.TryGetGlyph('@', out _));
        Assert.False(map.TryGetGlyph(0xFFFF, out _));
    }

    private static int Glyph(CmapReader map, int codePoint)
    {
        Assert.True(map.TryGetGlyph(codePoint, out ushort glyph), $"U+{codePoint:X4} is unmapped");
        return glyph;
    }

    [Fact]
    public void Truncated_cmap_is_a_format_exception()
    {
        byte[] data = Format4Cmap()[..30];
        Assert.Throws<FontFormatException>(() => CmapReader.Read(new FontSlice(data, 0, data.Length, "cmap"), 100));
    }
}
