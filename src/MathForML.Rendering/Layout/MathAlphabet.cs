using MathForML.Rendering.Parsing;

namespace MathForML.Rendering.Layout;

/// <summary>Maps a character and a requested alphabet to the Unicode Mathematical Alphanumeric Symbols.</summary>
internal static class MathAlphabet
{
    /// <summary>
    /// Letters that live in the Letterlike Symbols block instead of their alphabet's slot (a switch, not
    /// a dictionary keyed by a tuple, whose comparer the runtime builds by reflection at start-up).
    /// </summary>
    private static int Hole(MathVariant variant, char c) => (variant, c) switch
    {
        (MathVariant.Italic, 'h') => 0x210E, (MathVariant.Script, 'B') => 0x212C, (MathVariant.Script, 'E') => 0x2130,
        (MathVariant.Script, 'F') => 0x2131, (MathVariant.Script, 'H') => 0x210B, (MathVariant.Script, 'I') => 0x2110,
        (MathVariant.Script, 'L') => 0x2112, (MathVariant.Script, 'M') => 0x2133, (MathVariant.Script, 'R') => 0x211B,
        (MathVariant.Script, 'e') => 0x212F, (MathVariant.Script, 'g') => 0x210A, (MathVariant.Script, 'o') => 0x2134,
        (MathVariant.Fraktur, 'C') => 0x212D, (MathVariant.Fraktur, 'H') => 0x210C, (MathVariant.Fraktur, 'I') => 0x2111,
        (MathVariant.Fraktur, 'R') => 0x211C, (MathVariant.Fraktur, 'Z') => 0x2128, (MathVariant.DoubleStruck, 'C') => 0x2102,
        (MathVariant.DoubleStruck, 'H') => 0x210D, (MathVariant.DoubleStruck, 'N') => 0x2115, (MathVariant.DoubleStruck, 'P') => 0x2119,
        (MathVariant.DoubleStruck, 'Q') => 0x211A, (MathVariant.DoubleStruck, 'R') => 0x211D, (MathVariant.DoubleStruck, 'Z') => 0x2124,
        _ => 0,
    };

    /// <summary>Greek letters in the order of the Mathematical Greek blocks (58 slots each).</summary>
    private const string GreekOrder =
        "\u0391\u0392\u0393\u0394\u0395\u0396\u0397\u0398\u0399\u039A\u039B\u039C\u039D\u039E\u039F\u03A0\u03A1\u03F4\u03A3\u03A4\u03A5\u03A6\u03A7\u03A8\u03A9\u2207"
        + "\u03B1\u03B2\u03B3\u03B4\u03B5\u03B6\u03B7\u03B8\u03B9\u03BA\u03BB\u03BC\u03BD\u03BE\u03BF\u03C0\u03C1\u03C2\u03C3\u03C4\u03C5\u03C6\u03C7\u03C8\u03C9\u2202"
        + "\u03F5\u03D1\u03F0\u03D5\u03F1\u03D6";

    public static int Map(int codePoint, MathVariant variant)
    {
        if (codePoint > 0xFFFF)
        {
            return codePoint;
        }

        char c = (char)codePoint;
        if (char.IsAsciiLetter(c))
        {
            MathVariant v = variant == MathVariant.Default ? MathVariant.Italic : variant;
            if (Hole(v, c) is int hole and not 0)
            {
                return hole;
            }

            int? block = v switch
            {
                MathVariant.Bold => 0x1D400,
                MathVariant.Italic => 0x1D434,
                MathVariant.BoldItalic => 0x1D468,
                MathVariant.Script => 0x1D49C,
                MathVariant.BoldScript => 0x1D4D0,
                MathVariant.Fraktur => 0x1D504,
                MathVariant.DoubleStruck => 0x1D538,
                MathVariant.BoldFraktur => 0x1D56C,
                MathVariant.SansSerif => 0x1D5A0,
                MathVariant.SansSerifBold => 0x1D5D4,
                MathVariant.SansSerifItalic => 0x1D608,
                MathVariant.Monospace => 0x1D670,
                _ => null,
            };
            return block is int start ? start + (char.IsAsciiLetterUpper(c) ? c - 'A' : 26 + c - 'a') : codePoint;
        }

        if (char.IsAsciiDigit(c))
        {
            int? block = variant switch
            {
                MathVariant.Bold or MathVariant.BoldItalic => 0x1D7CE,
                MathVariant.DoubleStruck => 0x1D7D8,
                MathVariant.SansSerif or MathVariant.SansSerifItalic => 0x1D7E2,
                MathVariant.SansSerifBold => 0x1D7EC,
                MathVariant.Monospace => 0x1D7F6,
                _ => null,
            };
            return block is int start ? start + (c - '0') : codePoint;
        }

        if (c is '\u0131' or '\u0237')
        {
            return variant is MathVariant.Default or MathVariant.Italic ? (c == '\u0131' ? 0x1D6A4 : 0x1D6A5) : codePoint;
        }

        int greek = GreekOrder.IndexOf(c, StringComparison.Ordinal);
        if (greek < 0)
        {
            return codePoint;
        }

        bool upper = greek < 26;
        int? greekBlock = variant switch
        {
            // TeX: lowercase Greek is italic by default and \mathbf leaves it alone; capitals are upright.
            MathVariant.Default => upper ? null : 0x1D6E2,
            MathVariant.Bold => upper ? 0x1D6A8 : 0x1D6E2,
            MathVariant.Italic => 0x1D6E2,
            MathVariant.BoldItalic => 0x1D71C,
            MathVariant.SansSerifBold => 0x1D756,
            _ => null,
        };
        return greekBlock is int g ? g + greek : codePoint;
    }
}
