using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Superscripts, subscripts and limits (Appendix G rules 18a–f and 13a; MathML Core msubsup/munderover).</summary>
internal sealed partial class MathLayout
{
    private ContainerBox LayoutScripts(Box nucleus, bool isCharacter, MathList? superscript, MathList? subscript, StyleState style, Rgba? color)
    {
        // Unicode primes are designed to sit at superscript height at full size; TeX's ' is ^\prime, so
        // leading primes are set after the nucleus at the current size and the rest of the superscript follows.
        ContainerBox? primes = LeadingPrimes(ref superscript, style, color);
        Box? sup = superscript is null ? null : LayoutList(superscript, style.Superscript, color);
        Box? sub = subscript is null ? null : LayoutList(subscript, style.Subscript, color);

        // Bases that are boxes or extended shapes let scripts hang from their ink; plain characters do not.
        bool boxedBase = !isCharacter || nucleus is GlyphBox { IsExtendedShape: true };
        double supShift = 0;
        double subShift = 0;
        if (sup is not null)
        {
            supShift = double.Max(
                Constant(style.Cramped ? MathConstant.SuperscriptShiftUpCramped : MathConstant.SuperscriptShiftUp, style),
                sup.Depth + Constant(MathConstant.SuperscriptBottomMin, style));
            if (boxedBase)
            {
                supShift = double.Max(supShift, nucleus.Height - Constant(MathConstant.SuperscriptBaselineDropMax, style));
            }
        }

        if (sub is not null)
        {
            subShift = double.Max(
                Constant(MathConstant.SubscriptShiftDown, style),
                sub.Height - Constant(MathConstant.SubscriptTopMax, style));
            if (boxedBase)
            {
                subShift = double.Max(subShift, nucleus.Depth + Constant(MathConstant.SubscriptBaselineDropMin, style));
            }
        }

        if (sup is not null && sub is not null)
        {
            double gap = (supShift - sup.Depth) - (sub.Height - subShift);
            double minGap = Constant(MathConstant.SubSuperscriptGapMin, style);
            if (gap < minGap)
            {
                subShift += minGap - gap;
                double superscriptBottom = supShift - sup.Depth;
                double lift = Constant(MathConstant.SuperscriptBottomMaxWithSubscript, style) - superscriptBottom;
                if (lift > 0)
                {
                    supShift += lift;
                    subShift -= lift;
                }
            }
        }

        var box = new ContainerBox();
        box.Append(nucleus);
        double width = nucleus.Width;
        double supX = nucleus.Width;
        if (primes is not null)
        {
            box.Place(primes, nucleus.Width, 0);
            supX += primes.Width;
            width = supX;
        }

        if (sup is not null)
        {
            box.Place(sup, supX, supShift);
            width = double.Max(width, supX + sup.Width);
        }

        if (sub is not null)
        {
            double x = nucleus.Width - nucleus.Italic;
            box.Place(sub, x, -subShift);
            width = double.Max(width, x + sub.Width);
        }

        box.Width = width + (sup is null && sub is null ? 0 : Constant(MathConstant.SpaceAfterScript, style));
        box.Italic = 0;
        return box;
    }

    private ContainerBox? LeadingPrimes(ref MathList? superscript, StyleState style, Rgba? color)
    {
        if (superscript is null)
        {
            return null;
        }

        int count = 0;
        while (count < superscript.Items.Count && superscript.Items[count] is SymbolNode { Text: "\u2032", Superscript: null, Subscript: null })
        {
            count++;
        }

        if (count == 0)
        {
            return null;
        }

        var rest = new MathList();
        rest.Items.AddRange(superscript.Items.Skip(count));
        superscript = rest.IsEmpty ? null : rest;
        var primes = new ContainerBox();
        double scale = Scale(style);
        for (int remaining = count; remaining > 0; remaining -= 3)
        {
            int codePoint = int.Min(remaining, 3) switch { 1 => 0x2032, 2 => 0x2033, _ => 0x2034 };
            primes.Append(_glyphs.Glyph(_glyphs.GlyphOf(codePoint), scale, color));
        }

        return primes;
    }

    private ContainerBox LayoutLimits(Box nucleus, MathList? superscript, MathList? subscript, StyleState style, Rgba? color)
    {
        Box? upper = superscript is null ? null : LayoutList(superscript, style.Superscript, color);
        Box? lower = subscript is null ? null : LayoutList(subscript, style.Subscript, color);
        return StackLimits(nucleus, upper, lower, style);
    }

    /// <summary>Centres limits above and below a nucleus; slanted operators shift them by half the italic correction.</summary>
    private ContainerBox StackLimits(Box nucleus, Box? upper, Box? lower, StyleState style)
    {
        double italic = nucleus.Italic;
        double nucleusWidth = nucleus.Width - italic;
        double width = double.Max(nucleusWidth, double.Max(upper?.Width ?? 0, lower?.Width ?? 0));
        var box = new ContainerBox { Width = width };
        box.Place(nucleus, (width - nucleusWidth) / 2, 0);
        if (upper is not null)
        {
            double gap = double.Max(
                Constant(MathConstant.UpperLimitGapMin, style),
                Constant(MathConstant.UpperLimitBaselineRiseMin, style) - upper.Depth);
            box.Place(upper, ((width - upper.Width) / 2) + (italic / 2), nucleus.Height + gap + upper.Depth);
        }

        if (lower is not null)
        {
            double gap = double.Max(
                Constant(MathConstant.LowerLimitGapMin, style),
                Constant(MathConstant.LowerLimitBaselineDropMin, style) - lower.Height);
            box.Place(lower, ((width - lower.Width) / 2) - (italic / 2), -(nucleus.Depth + gap + lower.Height));
        }

        return box;
    }
}
