using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font.MathTable;

/// <summary>One size variant of a stretchy glyph with its advance along the stretch direction.</summary>
internal readonly record struct GlyphVariant(int Glyph, int Advance);

/// <summary>A piece of a glyph assembly (OpenType GlyphPart).</summary>
internal readonly record struct GlyphPart(int Glyph, int StartConnector, int EndConnector, int FullAdvance, bool IsExtender);

/// <summary>Variants and optional assembly for one glyph in one direction.</summary>
internal sealed record GlyphConstruction(IReadOnlyList<GlyphVariant> Variants, IReadOnlyList<GlyphPart>? Assembly, int AssemblyItalic);

/// <summary>The OpenType MATH table: constants, per-glyph info and stretchy constructions.</summary>
internal sealed class MathTableReader
{
    private readonly int[] _constants;
    private readonly Dictionary<int, int> _italics;
    private readonly Dictionary<int, int> _topAccents;
    private readonly HashSet<int> _extendedShapes;
    private readonly Dictionary<int, GlyphConstruction> _vertical;
    private readonly Dictionary<int, GlyphConstruction> _horizontal;

    public MathTableReader(FontSlice math)
    {
        uint version = math.U32(0);
        if (version >> 16 != 1)
        {
            throw new FontFormatException($"MATH table version 0x{version:X8} is not supported.");
        }

        FontSlice constants = math.From(math.U16(4), "MATH constants");
        FontSlice glyphInfo = math.From(math.U16(6), "MATH glyph info");
        FontSlice variants = math.From(math.U16(8), "MATH variants");

        ScriptPercentScaleDown = constants.I16(0);
        ScriptScriptPercentScaleDown = constants.I16(2);
        DelimitedSubFormulaMinHeight = constants.U16(4);
        DisplayOperatorMinHeight = constants.U16(6);
        int count = Enum.GetValues<MathConstant>().Length;
        _constants = new int[count];
        for (int i = 0; i < count; i++)
        {
            _constants[i] = constants.I16(8 + (4 * i));
        }

        RadicalDegreeBottomRaisePercent = constants.I16(8 + (4 * count));

        _italics = ReadValuesPerGlyph(glyphInfo, glyphInfo.U16(0), "MATH italics correction");
        _topAccents = ReadValuesPerGlyph(glyphInfo, glyphInfo.U16(2), "MATH top accent attachment");
        _extendedShapes = [.. Coverage.Read(glyphInfo, glyphInfo.U16(4)).Keys];

        MinConnectorOverlap = variants.U16(0);
        Dictionary<int, int> verticalCoverage = Coverage.Read(variants, variants.U16(2));
        Dictionary<int, int> horizontalCoverage = Coverage.Read(variants, variants.U16(4));
        int verticalCount = variants.U16(6);
        int horizontalCount = variants.U16(8);
        _vertical = ReadConstructions(variants, verticalCoverage, 10, verticalCount);
        _horizontal = ReadConstructions(variants, horizontalCoverage, 10 + (2 * verticalCount), horizontalCount);
    }

    public int ScriptPercentScaleDown { get; }

    public int ScriptScriptPercentScaleDown { get; }

    public int DelimitedSubFormulaMinHeight { get; }

    public int DisplayOperatorMinHeight { get; }

    public int RadicalDegreeBottomRaisePercent { get; }

    public int MinConnectorOverlap { get; }

    public int Constant(MathConstant constant) => _constants[(int)constant];

    public int ItalicCorrection(int glyph) => _italics.GetValueOrDefault(glyph);

    public int? TopAccentAttachment(int glyph) => _topAccents.TryGetValue(glyph, out int value) ? value : null;

    public bool IsExtendedShape(int glyph) => _extendedShapes.Contains(glyph);

    public GlyphConstruction? Vertical(int glyph) => _vertical.GetValueOrDefault(glyph);

    public GlyphConstruction? Horizontal(int glyph) => _horizontal.GetValueOrDefault(glyph);

    private static Dictionary<int, int> ReadValuesPerGlyph(FontSlice glyphInfo, int offset, string name)
    {
        var result = new Dictionary<int, int>();
        if (offset == 0)
        {
            return result;
        }

        FontSlice table = glyphInfo.From(offset, name);
        Dictionary<int, int> coverage = Coverage.Read(table, table.U16(0));
        int count = table.U16(2);
        foreach ((int glyph, int index) in coverage)
        {
            if (index >= count)
            {
                throw new FontFormatException($"{name}: coverage index {index} exceeds the {count} values.");
            }

            result[glyph] = table.I16(4 + (4 * index));
        }

        return result;
    }

    private static Dictionary<int, GlyphConstruction> ReadConstructions(
        FontSlice variants, Dictionary<int, int> coverage, int offsetsAt, int count)
    {
        var result = new Dictionary<int, GlyphConstruction>();
        foreach ((int glyph, int index) in coverage)
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

            List<GlyphPart>? parts = null;
            int italic = 0;
            if (assemblyOffset != 0)
            {
                FontSlice assembly = construction.From(assemblyOffset, "MATH glyph assembly");
                italic = assembly.I16(0);
                int partCount = assembly.U16(4);
                parts = new List<GlyphPart>(partCount);
                for (int p = 0; p < partCount; p++)
                {
                    int record = 6 + (10 * p);
                    parts.Add(new GlyphPart(
                        assembly.U16(record),
                        assembly.U16(record + 2),
                        assembly.U16(record + 4),
                        assembly.U16(record + 6),
                        (assembly.U16(record + 8) & 1) != 0));
                }
            }

            result[glyph] = new GlyphConstruction(list, parts, italic);
        }

        return result;
    }
}
