using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Layout of package constructs: \angl, \phase, amscd vertical arrows and \verb text.</summary>
internal sealed partial class MathLayout
{
    /// <summary>Length of an amscd vertical arrow in em (about two baselines, as amscd's arrows look).</summary>
    private const double CdVerticalArrowLength = 2.2;

    /// <summary>Gap between a CD arrow and its side labels, and between CD columns, in em.</summary>
    private const double CdLabelGap = 0.15;

    /// <summary>Width of a typewriter cell (cmtt's 0.525em advance).</summary>
    private const double TypewriterCell = 0.525;

    private ContainerBox LayoutEnclosure(EnclosureNode node, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        double rule = Constant(MathConstant.OverbarRuleThickness, style);
        Box body = LayoutList(node.Body, style, color);
        if (node.Kind == EnclosureKind.ActuarialAngle)
        {
            // actuarialangle: a thin space each side of the body, a rule above it and one down its right side.
            double pad = 0.1 * scale;
            double width = pad + body.Width + pad + rule;
            double top = body.Height + Constant(MathConstant.OverbarVerticalGap, style) + rule;
            var angle = new ContainerBox { Width = width };
            angle.Place(body, pad, 0);
            angle.Place(new RuleBox(width, top, -(top - rule), color), 0, 0);
            angle.Place(new RuleBox(rule, top, body.Depth, color), width - rule, 0);
            return angle;
        }

        // steinmetz: the base rule a little under the body, a stroke rising at 2:1 from its left end.
        double below = body.Depth + (0.15 * scale);
        double above = body.Height + (0.1 * scale);
        double run = (above + below) / 2;
        double left = run * 0.8;
        double total = left + body.Width + (0.1 * scale);
        var phase = new ContainerBox { Width = total };
        phase.Place(body, left, 0);
        phase.Place(new StrokeBox(run, above + below, rule, color), 0, -below);
        phase.Place(new RuleBox(total, rule / 2, rule / 2, color), 0, -below);
        phase.Height = double.Max(phase.Height, above);
        phase.Depth = double.Max(phase.Depth, below + (rule / 2));
        return phase;
    }

    /// <summary>An amscd vertical arrow centred on the axis, script-style labels centred beside it.</summary>
    private ContainerBox LayoutCdVerticalArrow(CdVerticalArrowNode node, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        ContainerBox arrow = StretchDelimiter(node.Glyph, CdVerticalArrowLength * scale, style, color);
        Box left = LayoutList(node.Left, style.Superscript, color);
        Box right = LayoutList(node.Right, style.Superscript, color);
        double gap = CdLabelGap * scale;
        double side = double.Max(left.Width, right.Width);
        side = side > 0 ? side + gap : 0;

        // Both sides get the wider label's room, so the arrow stays centred under its column's objects.
        var box = new ContainerBox { Width = side + arrow.Width + side };
        double axis = Axis(style);
        box.Place(arrow, side, 0);
        box.Place(left, side - gap - left.Width, axis - ((left.Height - left.Depth) / 2));
        box.Place(right, side + arrow.Width + gap, axis - ((right.Height - right.Depth) / 2));
        return box;
    }

    /// <summary>\verb text: each character centred in a fixed typewriter cell (an \hbox, so script styles do not shrink it).</summary>
    private ContainerBox LayoutVerbatim(TextNode text, StyleState style, Rgba? color)
    {
        double scale = style.Size;
        double cell = TypewriterCell * scale;
        var box = new ContainerBox();
        string s = text.Text;
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
        {
            int c = char.ConvertToUtf32(s, i);
            if (c == ' ')
            {
                box.Append(new KernBox(cell));
                continue;
            }

            int mapped = MathAlphabet.Map(c, MathVariant.Monospace);
            int glyph = _glyphs.HasGlyph(mapped) ? _glyphs.GlyphOf(mapped) : _glyphs.GlyphOf(c);
            GlyphBox g = _glyphs.Glyph(glyph, scale, color);
            var slot = new ContainerBox { Width = cell };
            slot.Place(g, (cell - g.Width + g.Italic) / 2, 0);
            box.Append(slot);
        }

        return box;
    }
}
