namespace MathForML.Rendering.Font.OpenType;

/// <summary>Reads the Unicode character map: format 12 (full repertoire) preferred, format 4 (BMP) otherwise.</summary>
internal static class CmapReader
{
    public static Dictionary<int, ushort> Read(FontSlice cmap, int glyphCount)
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

        var map = new Dictionary<int, ushort>();
        if (format12 >= 0)
        {
            ReadFormat12(cmap.From(format12, "cmap format 12"), glyphCount, map);
        }
        else if (format4 >= 0)
        {
            ReadFormat4(cmap.From(format4, "cmap format 4"), glyphCount, map);
        }
        else
        {
            throw new FontFormatException("The cmap table has no Unicode subtable of format 4 or 12.");
        }

        return map;
    }

    private static void ReadFormat12(FontSlice table, int glyphCount, Dictionary<int, ushort> map)
    {
        uint groupCount = table.U32(12);
        if (groupCount > (uint)(table.Length / 12))
        {
            throw new FontFormatException($"cmap format 12 claims {groupCount} groups, more than fit.");
        }

        for (int i = 0; i < (int)groupCount; i++)
        {
            int group = 16 + (12 * i);
            uint start = table.U32(group);
            uint end = table.U32(group + 4);
            uint glyph = table.U32(group + 8);
            if (end < start || end > 0x10FFFF)
            {
                throw new FontFormatException($"cmap format 12 group {i} has an invalid range.");
            }

            for (uint c = start; c <= end; c++)
            {
                uint g = glyph + (c - start);
                if (g != 0 && g < glyphCount)
                {
                    map[(int)c] = (ushort)g;
                }
            }
        }
    }

    private static void ReadFormat4(FontSlice table, int glyphCount, Dictionary<int, ushort> map)
    {
        int segCount = table.U16(6) / 2;
        int endCodes = 14;
        int startCodes = endCodes + (2 * segCount) + 2;
        int deltas = startCodes + (2 * segCount);
        int rangeOffsets = deltas + (2 * segCount);
        for (int s = 0; s < segCount; s++)
        {
            int end = table.U16(endCodes + (2 * s));
            int start = table.U16(startCodes + (2 * s));
            int delta = table.I16(deltas + (2 * s));
            int rangeOffset = table.U16(rangeOffsets + (2 * s));
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int g;
                if (rangeOffset == 0)
                {
                    g = (c + delta) & 0xFFFF;
                }
                else
                {
                    int address = rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start));
                    g = table.U16(address);
                    if (g != 0)
                    {
                        g = (g + delta) & 0xFFFF;
                    }
                }

                if (g != 0 && g < glyphCount)
                {
                    map[c] = (ushort)g;
                }
            }
        }
    }
}
