using MathForML.Rendering.Font.MathTable;

namespace MathForML.Rendering.Font.OpenType;

/// <summary>
/// The GSUB 'ssty' feature: optical variants designed for script (first alternate) and script-script
/// (second alternate) sizes, which are sturdier and wider than the text glyph scaled down. Load only
/// locates the feature's subtables; a glyph's alternates are looked up in them when first asked for.
/// </summary>
internal sealed class ScriptStyleAlternates
{
    private readonly List<Subtable> _subtables = [];

    // Memo per glyph and level (script, script-script): 0 = not looked up, else the glyph + 1. Single
    // int writes, so a race between threads only repeats a lookup.
    private readonly int[] _memo;

    public ScriptStyleAlternates(FontSlice gsub, int glyphCount)
    {
        _memo = new int[2 * glyphCount];
        FontSlice features = gsub.From(gsub.U16(6), "GSUB features");
        FontSlice lookups = gsub.From(gsub.U16(8), "GSUB lookups");
        int lookupCount = lookups.U16(0);

        // Lookups apply in lookup-list order, whatever order the feature lists them in.
        var used = new bool[lookupCount];
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
                int index = feature.U16(4 + (2 * k));
                if (index >= lookupCount)
                {
                    throw new FontFormatException($"GSUB ssty refers to lookup {index} of {lookupCount}.");
                }

                used[index] = true;
            }
        }

        for (int index = 0; index < lookupCount; index++)
        {
            if (used[index])
            {
                ReadLookup(lookups.From(lookups.U16(2 + (2 * index)), "GSUB lookup"));
            }
        }
    }

    /// <summary>
    /// The glyph to use at a script level (1 = script, 2 = script-script; deeper levels use the
    /// script-script design, as TeX has only three sizes), or the glyph itself.
    /// </summary>
    public int For(int glyph, int level)
    {
        if (level <= 0)
        {
            return glyph;
        }

        level = int.Min(level, 2);
        int slot = (2 * glyph) + level - 1;
        if ((uint)slot >= (uint)_memo.Length)
        {
            return Lookup(glyph, level);
        }

        int entry = Volatile.Read(ref _memo[slot]);
        if (entry == 0)
        {
            entry = Lookup(glyph, level) + 1;
            Volatile.Write(ref _memo[slot], entry);
        }

        return entry - 1;
    }

    private int Lookup(int glyph, int level)
    {
        // The first subtable that covers the glyph decides, as in GSUB lookup processing.
        foreach (Subtable subtable in _subtables)
        {
            int index = Coverage.IndexOf(subtable.Data, subtable.Data.U16(2), glyph);
            if (index >= 0)
            {
                return subtable.Alternate(glyph, index, level);
            }
        }

        return glyph;
    }

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

            if (subtableType is 1 or 3)
            {
                Coverage.Validate(subtable, subtable.U16(2));
                _subtables.Add(new Subtable(subtable, subtableType == 3));
            }
        }
    }

    /// <summary>A single (type 1) or alternate (type 3) substitution subtable.</summary>
    private sealed class Subtable(FontSlice data, bool alternates)
    {
        public FontSlice Data { get; } = data;

        public int Alternate(int glyph, int index, int level)
        {
            if (!alternates)
            {
                return Data.U16(0) == 1 ? (glyph + Data.I16(4)) & 0xFFFF : Data.U16(6 + (2 * index));
            }

            int setCount = Data.U16(4);
            if (index >= setCount)
            {
                throw new FontFormatException("GSUB alternate set index out of range.");
            }

            FontSlice set = Data.From(Data.U16(6 + (2 * index)), "GSUB alternate set");
            int count = set.U16(0);
            return count == 0 ? glyph : set.U16(2 + (2 * (int.Min(level, count) - 1)));
        }
    }
}
