namespace MathForML.Rendering.Font.OpenType;

/// <summary>
/// The sfnt table directory and the small metric tables (head, hhea, maxp, hmtx). Advance widths and
/// the character map are read in place on demand rather than copied into tables at load.
/// </summary>
internal sealed class OpenTypeFile
{
    // A font has a dozen or two tables: a linear search beats building a dictionary at start-up.
    private readonly string[] _tags;
    private readonly FontSlice[] _tables;
    private readonly FontSlice _hmtx;
    private readonly int _metricCount;

    public OpenTypeFile(byte[] data)
    {
        var file = new FontSlice(data, 0, data.Length, "file");
        uint version = file.U32(0);
        if (version != 0x4F54544F && version != 0x00010000)
        {
            throw new FontFormatException($"Not an OpenType font: sfnt version 0x{version:X8}.");
        }

        int tableCount = file.U16(4);
        _tags = new string[tableCount];
        _tables = new FontSlice[tableCount];
        for (int i = 0; i < tableCount; i++)
        {
            int record = 12 + (16 * i);
            string tag = file.Ascii(record, 4);
            uint offset = file.U32(record + 8);
            uint length = file.U32(record + 12);
            if ((long)offset + length > data.Length)
            {
                throw new FontFormatException($"Table '{tag}' (offset {offset}, length {length}) extends past the end of the {data.Length}-byte font.");
            }

            _tags[i] = tag;
            _tables[i] = file.Sub((int)offset, (int)length, tag);
        }

        FontSlice head = Table("head");
        UnitsPerEm = head.U16(18);
        if (UnitsPerEm is < 16 or > 16384)
        {
            throw new FontFormatException($"head.unitsPerEm {UnitsPerEm} is out of range.");
        }

        GlyphCount = Table("maxp").U16(4);
        FontSlice hhea = Table("hhea");
        Ascender = hhea.I16(4);
        Descender = hhea.I16(6);
        int metricCount = hhea.U16(34);
        if (metricCount == 0 || metricCount > GlyphCount)
        {
            throw new FontFormatException($"hhea.numberOfHMetrics {metricCount} is invalid for {GlyphCount} glyphs.");
        }

        _metricCount = metricCount;
        _hmtx = Table("hmtx");
        if (_hmtx.Length < 4 * metricCount)
        {
            throw new FontFormatException($"hmtx has {_hmtx.Length} bytes, too few for {metricCount} metrics.");
        }

        CharacterMap = CmapReader.Read(Table("cmap"), GlyphCount);
    }

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    public int Ascender { get; }

    public int Descender { get; }

    public CmapReader CharacterMap { get; }

    public bool HasTable(string tag) => Array.IndexOf(_tags, tag) >= 0;

    public FontSlice Table(string tag)
    {
        int index = Array.IndexOf(_tags, tag);
        return index >= 0
            ? _tables[index]
            : throw new FontFormatException($"Required table '{tag}' is missing from the font.");
    }

    public int AdvanceWidth(int glyph) =>
        glyph >= 0 && glyph < GlyphCount
            ? _hmtx.U16(4 * int.Min(glyph, _metricCount - 1))
            : throw new FontFormatException($"Glyph {glyph} is outside the font's {GlyphCount} glyphs.");
}
