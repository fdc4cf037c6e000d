using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.MathTable;

/// <summary>One size variant of a stretchy glyph with its advance along the stretch direction.</summary>
internal readonly record struct GlyphVariant(int Glyph, int Advance);

/// <summary>A piece of a glyph assembly (OpenType GlyphPart).</summary>
internal readonly record struct GlyphPart(int Glyph, int StartConnector, int EndConnector, int FullAdvance, bool IsExtender);

/// <summary>Variants and optional assembly for one glyph in one direction.</summary>
internal sealed record GlyphConstruction(IReadOnlyList<GlyphVariant> Variants, IReadOnlyList<GlyphPart>? Assembly, int AssemblyItalic);

/// <summary>
/// The OpenType MATH table: constants, per-glyph info and stretchy constructions. Only the constants
/// are decoded at load; per-glyph records are found by searching their coverage tables when asked for,
/// and constructions are decoded on first use and kept (a process uses a few dozen of them).
/// </summary>
internal sealed class MathTableReader
{
    /// <summary>The number of 16-bit MathValueRecord constants before RadicalDegreeBottomRaisePercent.</summary>
    private const int ConstantCount = (int)MathConstant.RadicalKernAfterDegree + 1;

    /// <summary>Marks a glyph known to have no construction, so the search is not repeated.</summary>
    private static readonly GlyphConstruction None = new([], null, 0);

    private readonly int[] _constants;
    private readonly FontSlice _glyphInfo;
    private readonly int _italicsOffset;
    private readonly int _topAccentsOffset;
    private readonly int _extendedShapesOffset;
    private readonly FontSlice _variants;
    private readonly int _verticalCount;
    private readonly int _horizontalCount;
    private readonly GlyphConstruction?[] _vertical;
    private readonly GlyphConstruction?[] _horizontal;

    // Per-glyph memos of the coverage searches, which layout repeats for every glyph it measures:
    // 0 = not looked up yet, 1 = no value, otherwise (value << 2) | 3. Entries are single ints, so a
    // race between threads only repeats a lookup.
    private readonly int[] _italicMemo;
    private readonly int[] _topAccentMemo;

    public MathTableReader(FontSlice math, int glyphCount)
    {
        uint version = math.U32(0);
        if (version >> 16 != 1)
        {
            throw new FontFormatException($"MATH table version 0x{version:X8} is not supported.");
        }

        FontSlice constants = math.From(math.U16(4), "MATH constants");
        _glyphInfo = math.From(math.U16(6), "MATH glyph info");
        _variants = math.From(math.U16(8), "MATH variants");

        ScriptPercentScaleDown = constants.I16(0);
        ScriptScriptPercentScaleDown = constants.I16(2);
        DelimitedSubFormulaMinHeight = constants.U16(4);
        DisplayOperatorMinHeight = constants.U16(6);
        _constants = new int[ConstantCount];
        for (int i = 0; i < ConstantCount; i++)
        {
            _constants[i] = constants.I16(8 + (4 * i));
        }

        RadicalDegreeBottomRaisePercent = constants.I16(8 + (4 * ConstantCount));

        _italicsOffset = ValidateValuesPerGlyph(_glyphInfo, _glyphInfo.U16(0), "MATH italics correction");
        _topAccentsOffset = ValidateValuesPerGlyph(_glyphInfo, _glyphInfo.U16(2), "MATH top accent attachment");
        _extendedShapesOffset = _glyphInfo.U16(4);
        Coverage.Validate(_glyphInfo, _extendedShapesOffset);

        MinConnectorOverlap = _variants.U16(0);
        Coverage.Validate(_variants, _variants.U16(2));
        Coverage.Validate(_variants, _variants.U16(4));
        _verticalCount = _variants.U16(6);
        _horizontalCount = _variants.U16(8);
        _variants.Sub(10, 2 * (_verticalCount + _horizontalCount), "MATH variants");
        _vertical = new GlyphConstruction?[glyphCount];
        _horizontal = new GlyphConstruction?[glyphCount];
        _italicMemo = new int[glyphCount];
        _topAccentMemo = new int[glyphCount];
    }

    public int ScriptPercentScaleDown { get; }

    public int ScriptScriptPercentScaleDown { get; }

    public int DelimitedSubFormulaMinHeight { get; }

    public int DisplayOperatorMinHeight { get; }

    public int RadicalDegreeBottomRaisePercent { get; }

    public int MinConnectorOverlap { get; }

    public int Constant(MathConstant constant) => _constants[(int)constant];

    public int ItalicCorrection(int glyph) => Memoized(_italicMemo, _italicsOffset, glyph, "MATH italics correction") ?? 0;

    public int? TopAccentAttachment(int glyph) => Memoized(_topAccentMemo, _topAccentsOffset, glyph, "MATH top accent attachment");

    public bool IsExtendedShape(int glyph) => Coverage.IndexOf(_glyphInfo, _extendedShapesOffset, glyph) >= 0;

    public GlyphConstruction? Vertical(int glyph) => Construction(_vertical, _variants.U16(2), 10, _verticalCount, glyph);

    public GlyphConstruction? Horizontal(int glyph) =>
        Construction(_horizontal, _variants.U16(4), 10 + (2 * _verticalCount), _horizontalCount, glyph);

    /// <summary>Returns the offset of a MathValueRecord table after checking its header and records fit.</summary>
    private static int ValidateValuesPerGlyph(FontSlice glyphInfo, int offset, string name)
    {
        if (offset == 0)
        {
            return 0;
        }

        FontSlice table = glyphInfo.From(offset, name);
        Coverage.Validate(table, table.U16(0));
        table.Sub(4, 4 * table.U16(2), name);
        return offset;
    }

    private int? Memoized(int[] memo, int offset, int glyph, string name)
    {
        if ((uint)glyph >= (uint)memo.Length)
        {
            return ValueFor(offset, glyph, name);
        }

        int entry = Volatile.Read(ref memo[glyph]);
        if (entry == 0)
        {
            entry = ValueFor(offset, glyph, name) is int value ? (value << 2) | 3 : 1;
            Volatile.Write(ref memo[glyph], entry);
        }

        return (entry & 2) != 0 ? entry >> 2 : null;
    }

    private int? ValueFor(int offset, int glyph, string name)
    {
        if (offset == 0)
        {
            return null;
        }

        FontSlice table = _glyphInfo.From(offset, name);
        int index = Coverage.IndexOf(table, table.U16(0), glyph);
        if (index < 0)
        {
            return null;
        }

        int count = table.U16(2);
        return index < count
            ? table.I16(4 + (4 * index))
            : throw new FontFormatException($"{name}: coverage index {index} exceeds the {count} values.");
    }

    /// <summary>Races between threads only decode the same construction twice; the result is identical.</summary>
    private GlyphConstruction? Construction(GlyphConstruction?[] cache, int coverageOffset, int offsetsAt, int count, int glyph)
    {
        bool cacheable = glyph >= 0 && glyph < cache.Length;
        GlyphConstruction? construction = cacheable ? Volatile.Read(ref cache[glyph]) : null;
        if (construction is null)
        {
            int index = Coverage.IndexOf(_variants, coverageOffset, glyph);
            construction = index < 0 ? None : ReadConstruction(_variants, index, offsetsAt, count);
            if (cacheable)
            {
                Volatile.Write(ref cache[glyph], construction);
            }
        }

        return ReferenceEquals(construction, None) ? null : construction;
    }

    private static GlyphConstruction ReadConstruction(FontSlice variants, int index, int offsetsAt, int count)
    {
        if (index >= count)
        {
            throw new FontFormatException($"MATH variants: coverage index {index} exceeds {count} constructions.");
        }

        FontSlice construction = variants.From(variants.U16(offsetsAt + (2 * index)), "MATH glyph construction");
        int assemblyOffset = construction.U16(0);
        int variantCount = construction.U16(2);
        var list = new GlyphVariant[variantCount];
        for (int v = 0; v < variantCount; v++)
        {
            list[v] = new GlyphVariant(construction.U16(4 + (4 * v)), construction.U16(6 + (4 * v)));
        }

        GlyphPart[]? parts = null;
        int italic = 0;
        if (assemblyOffset != 0)
        {
            FontSlice assembly = construction.From(assemblyOffset, "MATH glyph assembly");
            italic = assembly.I16(0);
            int partCount = assembly.U16(4);
            parts = new GlyphPart[partCount];
            for (int p = 0; p < partCount; p++)
            {
                int record = 6 + (10 * p);
                parts[p] = new GlyphPart(
                    assembly.U16(record),
                    assembly.U16(record + 2),
                    assembly.U16(record + 4),
                    assembly.U16(record + 6),
                    (assembly.U16(record + 8) & 1) != 0);
            }
        }

        return new GlyphConstruction(list, parts, italic);
    }
}
