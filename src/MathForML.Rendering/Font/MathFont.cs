using MathForML.Rendering.Font.Cff;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Font.OpenType;

namespace MathForML.Rendering.Font;

/// <summary>
/// The math font with everything layout needs, in em units (1 em = font size). Immutable after
/// construction except for lazily filled caches (outlines, stretchy constructions, per-glyph lookups),
/// whose races are benign (same result).
/// </summary>
internal sealed class MathFont
{
    public const string EmbeddedResourceName = "MathForML.Rendering.Fonts.latinmodern-math.otf";

    private readonly OpenTypeFile _file;
    private readonly CffFont _cff;
    private readonly GlyphOutline?[] _outlines;

    public MathFont(byte[] data)
    {
        _file = new OpenTypeFile(data);
        _cff = new CffFont(_file.Table("CFF "));
        if (_cff.CharStrings.Count != _file.GlyphCount)
        {
            throw new FontFormatException(
                $"CFF has {_cff.CharStrings.Count} charstrings but maxp declares {_file.GlyphCount} glyphs.");
        }

        Table = new MathTableReader(_file.Table("MATH"), _file.GlyphCount);
        ScriptAlternates = _file.HasTable("GSUB") ? new ScriptStyleAlternates(_file.Table("GSUB"), _file.GlyphCount) : null;
        UnitsPerEm = _file.UnitsPerEm;
        _outlines = new GlyphOutline?[_file.GlyphCount];
    }

    public MathTableReader Table { get; }

    public int UnitsPerEm { get; }

    /// <summary>GSUB 'ssty' optical variants for script sizes, when the font has them.</summary>
    public ScriptStyleAlternates? ScriptAlternates { get; }

    /// <summary>The glyph designed for a script level (0 text, 1 script, 2 script-script).</summary>
    public int ForScriptLevel(int glyph, int level) => ScriptAlternates?.For(glyph, level) ?? glyph;

    public int GlyphCount => _file.GlyphCount;

    public static MathFont LoadEmbedded()
    {
        using Stream stream = typeof(MathFont).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new FontFormatException($"Embedded font resource '{EmbeddedResourceName}' is missing.");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return new MathFont(data);
    }

    public double Em(int fontUnits) => fontUnits / (double)UnitsPerEm;

    public double Constant(MathConstant constant) => Em(Table.Constant(constant));

    public double AxisHeight => Constant(MathConstant.AxisHeight);

    public int? GlyphFor(int codePoint) =>
        _file.CharacterMap.TryGetGlyph(codePoint, out ushort glyph) ? glyph : null;

    public double Advance(int glyph) => Em(_file.AdvanceWidth(glyph));

    public GlyphOutline Outline(int glyph)
    {
        if (glyph < 0 || glyph >= _outlines.Length)
        {
            throw new FontFormatException($"Glyph {glyph} is outside the font's {_outlines.Length} glyphs.");
        }

        GlyphOutline? outline = Volatile.Read(ref _outlines[glyph]);
        if (outline is null)
        {
            outline = _cff.Outline(glyph);
            Volatile.Write(ref _outlines[glyph], outline);
        }

        return outline;
    }

    /// <summary>Ink height above the baseline in em (never negative).</summary>
    public double Height(int glyph)
    {
        GlyphOutline o = Outline(glyph);
        return o.IsEmpty ? 0 : double.Max(0, Em((int)double.Ceiling(o.YMax)));
    }

    /// <summary>Ink depth below the baseline in em (never negative).</summary>
    public double Depth(int glyph)
    {
        GlyphOutline o = Outline(glyph);
        return o.IsEmpty ? 0 : double.Max(0, -Em((int)double.Floor(o.YMin)));
    }

    public double Italic(int glyph) => Em(Table.ItalicCorrection(glyph));

    public double? TopAccent(int glyph) => Table.TopAccentAttachment(glyph) is int v ? Em(v) : null;
}
