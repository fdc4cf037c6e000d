using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.MathTable;

/// <summary>An OpenType Coverage table flattened to glyph → coverage index.</summary>
internal static class Coverage
{
    public static Dictionary<int, int> Read(FontSlice table, int offset)
    {
        var result = new Dictionary<int, int>();
        if (offset == 0)
        {
            return result;
        }

        int format = table.U16(offset);
        int count = table.U16(offset + 2);
        if (format == 1)
        {
            for (int i = 0; i < count; i++)
            {
                result[table.U16(offset + 4 + (2 * i))] = i;
            }
        }
        else if (format == 2)
        {
            for (int i = 0; i < count; i++)
            {
                int record = offset + 4 + (6 * i);
                int start = table.U16(record);
                int end = table.U16(record + 2);
                int startIndex = table.U16(record + 4);
                for (int g = start; g <= end; g++)
                {
                    result[g] = startIndex + g - start;
                }
            }
        }
        else
        {
            throw new FontFormatException($"Coverage table in '{table.Name}' has unknown format {format}.");
        }

        return result;
    }
}
