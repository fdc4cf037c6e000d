using MathForML.Rendering.Font.MathTable;

namespace MathForML.Rendering.Font.OpenType;

/// <summary>
/// The GSUB 'ssty' feature: optical variants designed for script (first alternate) and script-script
/// (second alternate) sizes, which are sturdier and wider than the text glyph scaled down.
/// </summary>
internal sealed class ScriptStyleAlternates
{
    private readonly Dictionary<int, int[]> _alternates = [];

    public ScriptStyleAlternates(FontSlice gsub)
    {
        FontSlice features = gsub.From(gsub.U16(6), "GSUB features");
        FontSlice lookups = gsub.From(gsub.U16(8), "GSUB lookups");
        var lookupIndices = new HashSet<int>();
        int featureCount = features.U16(0);
        for (int i = 0; i < featureCount; i++)
        {
            int record = 2 + (6 * i);
            if (features.Ascii(record, 4) != "ssty")
            {
                continue;
            }

            FontSlice feature = features.From(features.U16(record + 4), "GSUB ssty feature");
            int count = feature.U16(2);
            for (int k = 0; k < count; k++)
            {
                lookupIndices.Add(feature.U16(4 + (2 * k)));
            }
        }

        int lookupCount = lookups.U16(0);
        foreach (int index in lookupIndices.Order())
        {
            if (index >= lookupCount)
            {
                throw new FontFormatException($"GSUB ssty refers to lookup {index} of {lookupCount}.");
            }

            ReadLookup(lookups.From(lookups.U16(2 + (2 * index)), "GSUB lookup"));
        }
    }

    /// <summary>The glyph to use at a script level (1 = script, 2 = script-script), or the glyph itself.</summary>
    public int For(int glyph, int level)
    {
        if (level <= 0 || !_alternates.TryGetValue(glyph, out int[]? alternates) || alternates.Length == 0)
        {
            return glyph;
        }

        return alternates[int.Min(level, alternates.Length) - 1];
    }

    public int Count => _alternates.Count;

    private void ReadLookup(FontSlice lookup)
    {
        int type = lookup.U16(0);
        int subtableCount = lookup.U16(4);
        for (int s = 0; s < subtableCount; s++)
        {
            FontSlice subtable = lookup.From(lookup.U16(6 + (2 * s)), "GSUB subtable");
            int subtableType = type;
            if (type == 7)
            {
                // Extension lookup: the real subtable type and a 32-bit offset.
                subtableType = subtable.U16(2);
                subtable = subtable.From(checked((int)subtable.U32(4)), "GSUB extension subtable");
            }

            if (subtableType == 3)
            {
                ReadAlternates(subtable);
            }
            else if (subtableType == 1)
            {
                ReadSingle(subtable);
            }
        }
    }

    private void ReadAlternates(FontSlice subtable)
    {
        Dictionary<int, int> coverage = Coverage.Read(subtable, subtable.U16(2));
        int setCount = subtable.U16(4);
        foreach ((int glyph, int index) in coverage)
        {
            if (index >= setCount)
            {
                throw new FontFormatException("GSUB alternate set index out of range.");
            }

            FontSlice set = subtable.From(subtable.U16(6 + (2 * index)), "GSUB alternate set");
            int count = set.U16(0);
            var alternates = new int[count];
            for (int a = 0; a < count; a++)
            {
                alternates[a] = set.U16(2 + (2 * a));
            }

            _alternates.TryAdd(glyph, alternates);
        }
    }

    private void ReadSingle(FontSlice subtable)
    {
        int format = subtable.U16(0);
        Dictionary<int, int> coverage = Coverage.Read(subtable, subtable.U16(2));
        foreach ((int glyph, int index) in coverage)
        {
            int substitute = format == 1
                ? (glyph + subtable.I16(4)) & 0xFFFF
                : subtable.U16(6 + (2 * index));
            _alternates.TryAdd(glyph, [substitute]);
        }
    }
}
