using MathForML.Rendering.Parsing;

namespace MathForML.Rendering.Layout;

/// <summary>TeX's inter-atom spacing table (TeXbook ch. 18) in mu.</summary>
internal static class Spacing
{
    // Rows: left atom; columns: right atom (Ord Op Bin Rel Open Close Punct Inner).
    // 0 none, 1 thin, 2 medium, 3 thick; negative = only in display/text style.
    private static readonly int[,] Table =
    {
        { 0, 1, -2, -3, 0, 0, 0, -1 },
        { 1, 1, 0, -3, 0, 0, 0, -1 },
        { -2, -2, 0, 0, -2, 0, 0, -2 },
        { -3, -3, 0, 0, -3, 0, 0, -3 },
        { 0, 0, 0, 0, 0, 0, 0, 0 },
        { 0, 1, -2, -3, 0, 0, 0, -1 },
        { -1, -1, 0, -1, -1, -1, -1, -1 },
        { -1, 1, -2, -3, -1, 0, -1, -1 },
    };

    public static double Mu(AtomType left, AtomType right, StyleState style)
    {
        int entry = Table[(int)left, (int)right];
        if (entry < 0)
        {
            if (style.IsScript)
            {
                return 0;
            }

            entry = -entry;
        }

        return entry switch
        {
            1 => SpaceWidths.ThinMu,
            2 => SpaceWidths.MediumMu,
            3 => SpaceWidths.ThickMu,
            _ => 0,
        };
    }

    /// <summary>A Bin with no left operand or no right operand is really an Ord (Appendix G rules 5 and 6).</summary>
    public static void ReclassifyBinaries(AtomType[] types)
    {
        for (int i = 0; i < types.Length; i++)
        {
            if (types[i] != AtomType.Bin)
            {
                continue;
            }

            AtomType? before = i > 0 ? types[i - 1] : null;
            if (before is null or AtomType.Bin or AtomType.Op or AtomType.Rel or AtomType.Open or AtomType.Punct)
            {
                types[i] = AtomType.Ord;
            }
        }

        for (int i = 0; i < types.Length; i++)
        {
            if (types[i] != AtomType.Bin)
            {
                continue;
            }

            AtomType? after = i + 1 < types.Length ? types[i + 1] : null;
            if (after is null or AtomType.Rel or AtomType.Close or AtomType.Punct)
            {
                types[i] = AtomType.Ord;
            }
        }
    }
}
