using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.Cff;

/// <summary>A parsed CFF DICT: operator (escaped ones as 1200 + code) to its operands.</summary>
internal sealed class CffDict
{
    private const int MaxOperands = 48;

    private readonly Dictionary<int, double[]> _entries = [];

    public static CffDict Read(FontSlice dict)
    {
        var result = new CffDict();

        // A fixed operand stack (the CFF spec caps it at 48) rather than a List<double>, whose
        // value-type instantiation would be JIT-compiled at start-up for these few dozen numbers.
        var operands = new double[MaxOperands];
        int count = 0;
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

                var values = new double[count];
                Array.Copy(operands, values, count);
                result._entries[op] = values;
                count = 0;
            }
            else if (b0 == 28)
            {
                Push(operands, ref count, dict.I16(p + 1), dict);
                p += 3;
            }
            else if (b0 == 29)
            {
                Push(operands, ref count, unchecked((int)dict.U32(p + 1)), dict);
                p += 5;
            }
            else if (b0 == 30)
            {
                p = ReadReal(dict, p + 1, out double real);
                Push(operands, ref count, real, dict);
            }
            else if (b0 is >= 32 and <= 246)
            {
                Push(operands, ref count, b0 - 139, dict);
                p++;
            }
            else if (b0 is >= 247 and <= 250)
            {
                Push(operands, ref count, ((b0 - 247) * 256) + dict.U8(p + 1) + 108, dict);
                p += 2;
            }
            else if (b0 is >= 251 and <= 254)
            {
                Push(operands, ref count, (-(b0 - 251) * 256) - dict.U8(p + 1) - 108, dict);
                p += 2;
            }
            else
            {
                throw new FontFormatException($"CFF DICT '{dict.Name}' has reserved byte {b0} at {p}.");
            }
        }

        return result;
    }

    private static void Push(double[] operands, ref int count, double value, FontSlice dict)
    {
        if (count == operands.Length)
        {
            throw new FontFormatException($"CFF DICT '{dict.Name}' has more than {MaxOperands} operands for one operator.");
        }

        operands[count++] = value;
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
