using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Fractions, binomials and radicals (Appendix G rules 15 and 11; MathML Core mfrac/mroot).</summary>
internal sealed partial class MathLayout
{
    /// <summary>TeX's delim1/delim2: delimiter sizes for generalized fractions in display and other styles.</summary>
    private const double DisplayFractionDelimiter = 2.39;
    private const double TextFractionDelimiter = 1.01;

    private ContainerBox LayoutFraction(FractionNode fraction, StyleState outer, Rgba? color)
    {
        StyleState style = fraction.ForcedStyle is MathStyle forced ? outer with { Style = forced } : outer;
        StyleState numeratorStyle = fraction.Continued ? style with { Style = MathStyle.Display } : style.Numerator;
        StyleState denominatorStyle = fraction.Continued ? style with { Style = MathStyle.Display, Cramped = true } : style.Denominator;
        Box numerator = LayoutList(fraction.Numerator, numeratorStyle, color);
        Box denominator = LayoutList(fraction.Denominator, denominatorStyle, color);
        bool display = style.IsDisplay;
        double axis = Axis(style);

        double numeratorShift;
        double denominatorShift;
        double thickness = 0;
        if (fraction.HasRule)
        {
            thickness = Constant(MathConstant.FractionRuleThickness, style);
            numeratorShift = double.Max(
                Constant(display ? MathConstant.FractionNumeratorDisplayStyleShiftUp : MathConstant.FractionNumeratorShiftUp, style),
                axis + (thickness / 2) + Constant(display ? MathConstant.FractionNumDisplayStyleGapMin : MathConstant.FractionNumeratorGapMin, style) + numerator.Depth);
            denominatorShift = double.Max(
                Constant(display ? MathConstant.FractionDenominatorDisplayStyleShiftDown : MathConstant.FractionDenominatorShiftDown, style),
                (thickness / 2) - axis + Constant(display ? MathConstant.FractionDenomDisplayStyleGapMin : MathConstant.FractionDenominatorGapMin, style) + denominator.Height);
        }
        else
        {
            numeratorShift = Constant(display ? MathConstant.StackTopDisplayStyleShiftUp : MathConstant.StackTopShiftUp, style);
            denominatorShift = Constant(display ? MathConstant.StackBottomDisplayStyleShiftDown : MathConstant.StackBottomShiftDown, style);
            double gap = (numeratorShift - numerator.Depth) - (denominator.Height - denominatorShift);
            double minGap = Constant(display ? MathConstant.StackDisplayStyleGapMin : MathConstant.StackGapMin, style);
            if (gap < minGap)
            {
                numeratorShift += (minGap - gap) / 2;
                denominatorShift += (minGap - gap) / 2;
            }
        }

        double inner = double.Max(numerator.Width, denominator.Width);
        var stack = new ContainerBox { Width = inner };
        stack.Place(numerator, (inner - numerator.Width) / 2, numeratorShift);
        stack.Place(denominator, (inner - denominator.Width) / 2, -denominatorShift);
        if (fraction.HasRule)
        {
            stack.Place(new RuleBox(inner, axis + (thickness / 2), -(axis - (thickness / 2)), color), 0, 0);
        }

        var result = new ContainerBox();
        double delimiterSize = (display ? DisplayFractionDelimiter : TextFractionDelimiter) * Scale(style);
        result.Append(FractionDelimiter(fraction.LeftDelimiter, delimiterSize, style, color));
        result.Append(stack);
        result.Append(FractionDelimiter(fraction.RightDelimiter, delimiterSize, style, color));
        return result;
    }

    private Box FractionDelimiter(string? delimiter, double size, StyleState style, Rgba? color) =>
        string.IsNullOrEmpty(delimiter)
            ? new KernBox(NullDelimiterSpace * Scale(style))
            : StretchDelimiter(delimiter, size, style, color);

    private ContainerBox LayoutRadical(RadicalNode radical, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        Box body = LayoutList(radical.Body, style.AsCramped, color);
        double thickness = Constant(MathConstant.RadicalRuleThickness, style);
        double gap = Constant(style.IsDisplay ? MathConstant.RadicalDisplayStyleVerticalGap : MathConstant.RadicalVerticalGap, style);
        double extra = Constant(MathConstant.RadicalExtraAscender, style);
        double target = body.Height + body.Depth + gap + thickness;

        Box sign = _glyphs.Vertical(_glyphs.GlyphOf(0x221A), target, scale, color);
        double signTotal = sign.Height + sign.Depth;
        if (signTotal > target)
        {
            // A taller sign than needed: split the excess so the body stays centred under the bar.
            gap += (signTotal - target) / 2;
        }

        double ruleTop = body.Height + gap + thickness;
        double signRaise = ruleTop - sign.Height;

        var result = new ContainerBox();
        if (radical.Index is { } indexList)
        {
            StyleState indexStyle = style with { Style = MathStyle.ScriptScript };
            Box index = LayoutList(indexList, indexStyle, color);
            double before = Constant(MathConstant.RadicalKernBeforeDegree, style);
            double after = Constant(MathConstant.RadicalKernAfterDegree, style);
            double raise = (_font.Table.RadicalDegreeBottomRaisePercent / 100.0 * signTotal) - (sign.Depth - signRaise);
            result.Append(new KernBox(before));
            result.Append(index, raise);
            result.Append(new KernBox(after));
            if (result.Width < 0)
            {
                // A tiny index must not pull the sign left of the formula's start.
                result.Children.Insert(0, new PlacedBox(new KernBox(-result.Width), 0, 0));
                result.Width = 0;
            }
        }

        double signX = result.Width;
        result.Place(sign, signX, signRaise);
        double bodyX = signX + sign.Width;
        result.Place(new RuleBox(body.Width, ruleTop, -(ruleTop - thickness), color), bodyX, 0);
        result.Place(body, bodyX, 0);
        result.Width = bodyX + body.Width;
        result.Height = double.Max(result.Height, ruleTop + extra);
        return result;
    }
}
