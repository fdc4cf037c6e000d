using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.Cff;

/// <summary>A parsed CFF DICT: operator (escaped ones as 1200 + code) to its operands.</summary>
internal sealed class CffDict
{
    private readonly Dictionary<int, double[]> _entries = [];

    public static CffDict Read(FontSlice dict)
    {
        var result = new CffDict();
        var operands = new List<double>();
        int p = 0;
        while (p < dict.Length)
        {
            int b0 = dict.U8(p);
            if (b0 <= 21)
            {
                int op = b0;
                p++;
                if (b0 == 12)
                {
                    op = 1200 + dict.U8(p);
                    p++;
                }

                result._entries[op] = [.. operands];
                operands.Clear();
            }
            else if (b0 == 28)
            {
                operands.Add(dict.I16(p + 1));
                p += 3;
            }
            else if (b0 == 29)
            {
                operands.Add(unchecked((int)dict.U32(p + 1)));
                p += 5;
            }
            else if (b0 == 30)
            {
                p = ReadReal(dict, p + 1, out double real);
                operands.Add(real);
            }
            else if (b0 is >= 32 and <= 246)
            {
                operands.Add(b0 - 139);
                p++;
            }
            else if (b0 is >= 247 and <= 250)
            {
                operands.Add(((b0 - 247) * 256) + dict.U8(p + 1) + 108);
                p += 2;
            }
            else if (b0 is >= 251 and <= 254)
            {
                operands.Add((-(b0 - 251) * 256) - dict.U8(p + 1) - 108);
                p += 2;
            }
            else
            {
                throw new FontFormatException($"CFF DICT '{dict.Name}' has reserved byte {b0} at {p}.");
            }
        }

        return result;
    }

    public bool Has(int op) => _entries.ContainsKey(op);

    public double[] Operands(int op) =>
        _entries.TryGetValue(op, out double[]? values) ? values : [];

    public int Int(int op, int fallback) =>
        _entries.TryGetValue(op, out double[]? values) && values.Length > 0 ? (int)values[0] : fallback;

    private static int ReadReal(FontSlice dict, int p, out double value)
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            int b = dict.U8(p++);
            for (int half = 0; half < 2; half++)
            {
                int nibble = half == 0 ? b >> 4 : b & 0xF;
                switch (nibble)
                {
                    case <= 9: text.Append((char)('0' + nibble)); break;
                    case 0xA: text.Append('.'); break;
                    case 0xB: text.Append('E'); break;
                    case 0xC: text.Append("E-"); break;
                    case 0xE: text.Append('-'); break;
                    case 0xF:
                        value = text.Length == 0 ? 0 : double.Parse(text.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                        return p;
                    default:
                        throw new FontFormatException($"CFF DICT '{dict.Name}' has an invalid real nibble.");
                }
            }
        }
    }
}
