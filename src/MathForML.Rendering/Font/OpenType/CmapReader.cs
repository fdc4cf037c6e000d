namespace MathForML.Rendering.Font.OpenType;

/// <summary>
/// The Unicode character map: format 12 (full repertoire) preferred, format 4 (BMP) otherwise. Lookups
/// binary-search the subtable in place; expanding it into a table of every code point at load (tens of
/// thousands of entries) cost more start-up time than all the lookups of a typical process.
/// </summary>
internal sealed class CmapReader
{
    private readonly FontSlice _table;
    private readonly int _format;
    private readonly int _count;
    private readonly int _glyphCount;

    // Recently looked-up code points, direct-mapped: (codePoint << 32) | (glyph + 1), 0 = empty. Layout
    // asks for the same few dozen characters again and again; a 64-bit entry is written atomically,
    // so threads can only overwrite each other with correct entries.
    private readonly long[] _recent = new long[RecentSize];

    private const int RecentSize = 1024;

    private CmapReader(FontSlice table, int format, int count, int glyphCount)
    {
        _table = table;
        _format = format;
        _count = count;
        _glyphCount = glyphCount;
    }

    public static CmapReader Read(FontSlice cmap, int glyphCount)
    {
        int subtableCount = cmap.U16(2);
        int format4 = -1;
        int format12 = -1;
        for (int i = 0; i < subtableCount; i++)
        {
            int record = 4 + (8 * i);
            int platform = cmap.U16(record);
            int encoding = cmap.U16(record + 2);
            int offset = checked((int)cmap.U32(record + 4));
            bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode)
            {
                continue;
            }

            int format = cmap.U16(offset);
            if (format == 12 && format12 < 0)
            {
                format12 = offset;
            }
            else if (format == 4 && format4 < 0)
            {
                format4 = offset;
            }
        }

        if (format12 >= 0)
        {
            return ValidateFormat12(cmap.From(format12, "cmap format 12"), glyphCount);
        }

        if (format4 >= 0)
        {
            return ValidateFormat4(cmap.From(format4, "cmap format 4"), glyphCount);
        }

        throw new FontFormatException("The cmap table has no Unicode subtable of format 4 or 12.");
    }

    /// <summary>The glyph for a code point, or false when the font has none (glyph 0 counts as none).</summary>
    public bool TryGetGlyph(int codePoint, out ushort glyph)
    {
        int slot = codePoint & (RecentSize - 1);
        long entry = Volatile.Read(ref _recent[slot]);
        int g;
        if (entry != 0 && (int)(entry >> 32) == codePoint)
        {
            g = (int)(entry & 0xFFFFFFFF) - 1;
        }
        else
        {
            g = _format == 12 ? LookupFormat12(codePoint) : LookupFormat4(codePoint);
            if (codePoint >= 0)
            {
                Volatile.Write(ref _recent[slot], ((long)codePoint << 32) | (uint)(g + 1));
            }
        }

        glyph = g > 0 && g < _glyphCount ? (ushort)g : (ushort)0;
        return glyph != 0;
    }

    /// <summary>Checks every group once (ranges valid and ascending) so that binary search is sound.</summary>
    private static CmapReader ValidateFormat12(FontSlice table, int glyphCount)
    {
        uint groupCount = table.U32(12);
        if (groupCount > (uint)(table.Length / 12))
        {
            throw new FontFormatException($"cmap format 12 claims {groupCount} groups, more than fit.");
        }

        long previousEnd = -1;
        for (int i = 0; i < (int)groupCount; i++)
        {
            int group = 16 + (12 * i);
            uint start = table.U32(group);
            uint end = table.U32(group + 4);
            if (end < start || end > 0x10FFFF || start <= previousEnd)
            {
                throw new FontFormatException($"cmap format 12 group {i} has an invalid range.");
            }

            previousEnd = end;
        }

        return new CmapReader(table, 12, (int)groupCount, glyphCount);
    }

    private static CmapReader ValidateFormat4(FontSlice table, int glyphCount)
    {
        int segCount = table.U16(6) / 2;

        // Touch the last entry of each parallel array so a truncated subtable fails at load.
        int rangeOffsets = 16 + (6 * segCount);
        if (segCount > 0)
        {
            table.U16(rangeOffsets + (2 * segCount) - 2);
        }

        int previousEnd = -1;
        for (int s = 0; s < segCount; s++)
        {
            int end = table.U16(14 + (2 * s));
            if (end <= previousEnd)
            {
                throw new FontFormatException($"cmap format 4 segment {s} is out of order.");
            }

            previousEnd = end;
        }

        return new CmapReader(table, 4, segCount, glyphCount);
    }

    private int LookupFormat12(int codePoint)
    {
        int low = 0;
        int high = _count - 1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            int group = 16 + (12 * mid);
            uint start = _table.U32(group);
            uint end = _table.U32(group + 4);
            if ((uint)codePoint < start)
            {
                high = mid - 1;
            }
            else if ((uint)codePoint > end)
            {
                low = mid + 1;
            }
            else
            {
                long glyph = _table.U32(group + 8) + ((uint)codePoint - start);
                return glyph < _glyphCount ? (int)glyph : 0;
            }
        }

        return 0;
    }

    private int LookupFormat4(int codePoint)
    {
        if (codePoint is < 0 or >= 0xFFFF)
        {
            return 0;
        }

        int endCodes = 14;
        int startCodes = endCodes + (2 * _count) + 2;
        int deltas = startCodes + (2 * _count);
        int rangeOffsets = deltas + (2 * _count);

        // First segment whose end code is at or above the code point.
        int low = 0;
        int high = _count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_table.U16(endCodes + (2 * mid)) < codePoint)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        if (low == _count)
        {
            return 0;
        }

        int s = low;
        int start = _table.U16(startCodes + (2 * s));
        if (codePoint < start)
        {
            return 0;
        }

        int delta = _table.I16(deltas + (2 * s));
        int rangeOffset = _table.U16(rangeOffsets + (2 * s));
        if (rangeOffset == 0)
        {
            return (codePoint + delta) & 0xFFFF;
        }

        int g = _table.U16(rangeOffsets + (2 * s) + rangeOffset + (2 * (codePoint - start)));
        return g == 0 ? 0 : (g + delta) & 0xFFFF;
    }
}
