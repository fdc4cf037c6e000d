using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.MathTable;

/// <summary>
/// An OpenType Coverage table, searched in place (its glyph ids and ranges are sorted by the spec), so
/// that font load does not expand every coverage table into a dictionary.
/// </summary>
internal static class Coverage
{
    /// <summary>The coverage index of a glyph, or -1 when the table (or a zero offset) does not cover it.</summary>
    public static int IndexOf(FontSlice table, int offset, int glyph)
    {
        if (offset == 0)
        {
            return -1;
        }

        int format = table.U16(offset);
        int count = table.U16(offset + 2);
        int low = 0;
        int high = count - 1;
        if (format == 1)
        {
            while (low <= high)
            {
                int mid = (low + high) >>> 1;
                int value = table.U16(offset + 4 + (2 * mid));
                if (value == glyph)
                {
                    return mid;
                }

                (low, high) = value < glyph ? (mid + 1, high) : (low, mid - 1);
            }

            return -1;
        }

        if (format != 2)
        {
            throw new FontFormatException($"Coverage table in '{table.Name}' has unknown format {format}.");
        }

        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            int record = offset + 4 + (6 * mid);
            int start = table.U16(record);
            int end = table.U16(record + 2);
            if (glyph < start)
            {
                high = mid - 1;
            }
            else if (glyph > end)
            {
                low = mid + 1;
            }
            else
            {
                return table.U16(record + 4) + glyph - start;
            }
        }

        return -1;
    }

    /// <summary>Checks the header and that the last record lies inside the table, so later reads cannot fail.</summary>
    public static void Validate(FontSlice table, int offset)
    {
        if (offset == 0)
        {
            return;
        }

        int format = table.U16(offset);
        int count = table.U16(offset + 2);
        int recordSize = format switch
        {
            1 => 2,
            2 => 6,
            _ => throw new FontFormatException($"Coverage table in '{table.Name}' has unknown format {format}."),
        };
        if (count > 0)
        {
            table.Sub(offset + 4, count * recordSize, table.Name);
        }
    }
}
