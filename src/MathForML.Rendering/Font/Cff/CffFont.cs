using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.Cff;

/// <summary>The bare CFF (version 1) font: charstrings and subroutines for a non-CID font.</summary>
internal sealed class CffFont
{
    private const int OpCharStrings = 17;
    private const int OpPrivate = 18;
    private const int OpSubrs = 19;
    private const int OpCharstringType = 1206;
    private const int OpRos = 1230;

    public CffFont(FontSlice cff)
    {
        int major = cff.U8(0);
        if (major != 1)
        {
            throw new FontFormatException($"CFF major version {major} is not supported (expected 1).");
        }

        int headerSize = cff.U8(2);
        CffIndex names = CffIndex.Read(cff, headerSize, "CFF Name INDEX");
        CffIndex topDicts = CffIndex.Read(cff, headerSize + names.TotalSize, "CFF Top DICT INDEX");
        int stringsOffset = headerSize + names.TotalSize + topDicts.TotalSize;
        CffIndex strings = CffIndex.Read(cff, stringsOffset, "CFF String INDEX");
        GlobalSubrs = CffIndex.Read(cff, stringsOffset + strings.TotalSize, "CFF Global Subr INDEX");
        if (topDicts.Count < 1)
        {
            throw new FontFormatException("CFF has no Top DICT.");
        }

        CffDict top = CffDict.Read(topDicts.Item(0));
        if (top.Has(OpRos))
        {
            throw new FontFormatException("CID-keyed CFF fonts are not supported by this reader.");
        }

        if (top.Int(OpCharstringType, 2) != 2)
        {
            throw new FontFormatException("Only Type 2 charstrings are supported.");
        }

        int charStringsOffset = top.Int(OpCharStrings, -1);
        if (charStringsOffset <= 0)
        {
            throw new FontFormatException("CFF Top DICT has no CharStrings offset.");
        }

        CharStrings = CffIndex.Read(cff, charStringsOffset, "CFF CharStrings INDEX");
        double[] privateEntry = top.Operands(OpPrivate);
        if (privateEntry.Length != 2)
        {
            throw new FontFormatException("CFF Top DICT has no Private DICT entry.");
        }

        int privateSize = (int)privateEntry[0];
        int privateOffset = (int)privateEntry[1];
        CffDict privateDict = CffDict.Read(cff.Sub(privateOffset, privateSize, "CFF Private DICT"));
        int subrsOffset = privateDict.Int(OpSubrs, 0);
        LocalSubrs = subrsOffset > 0
            ? CffIndex.Read(cff, privateOffset + subrsOffset, "CFF Local Subr INDEX")
            : CffIndex.Read(new FontSlice(new byte[2], 0, 2, "empty"), 0, "CFF Local Subr INDEX");
    }

    public CffIndex CharStrings { get; }

    public CffIndex GlobalSubrs { get; }

    public CffIndex LocalSubrs { get; }

    public GlyphOutline Outline(int glyph) =>
        new Type2CharStringInterpreter(this).Run(CharStrings.Item(glyph));

    public static int SubrBias(int count) => count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}
