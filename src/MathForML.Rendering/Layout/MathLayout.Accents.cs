using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Accents (rule 12, with OpenType top-accent attachment) and over/under constructions.</summary>
internal sealed partial class MathLayout
{
    private ContainerBox LayoutAccent(AccentNode accent, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        Box body = LayoutList(accent.Body, style.AsCramped, color);
        int accentGlyph = _glyphs.GlyphOf(accent.Accent);
        Box mark = accent.Stretchy
            ? _glyphs.WidestFitting(accentGlyph, body.Width - body.Italic, scale, color)
            : _glyphs.Glyph(accentGlyph, scale, color);

        double baseAttach = (body.Width - body.Italic) / 2;
        if (SingleGlyph(accent.Body, body) is GlyphBox baseGlyph && _font.TopAccent(baseGlyph.Glyph) is double attach)
        {
            baseAttach = attach * scale;
        }

        double markAttach = AccentAttachment(mark, scale);
        double raise = double.Max(0, body.Height - Constant(MathConstant.AccentBaseHeight, style));
        var result = new ContainerBox { Width = body.Width };
        result.Place(body, 0, 0);
        result.Place(mark, baseAttach - markAttach, raise);
        result.Italic = body.Italic;
        return result;
    }

    /// <summary>The accent's own attachment point: from the MATH table, else the centre of its ink.</summary>
    private double AccentAttachment(Box mark, double scale)
    {
        if (mark is GlyphBox glyph)
        {
            if (_font.TopAccent(glyph.Glyph) is double attach)
            {
                return attach * scale;
            }

            GlyphOutline outline = _font.Outline(glyph.Glyph);
            return _font.Em((int)((outline.XMin + outline.XMax) / 2)) * scale;
        }

        return mark.Width / 2;
    }

    /// <summary>The glyph box when the laid-out list is exactly one glyph (for accent attachment).</summary>
    private static GlyphBox? SingleGlyph(MathList list, Box laidOut) =>
        list.Items is [SymbolNode { Superscript: null, Subscript: null }] && laidOut is ContainerBox { Children: [{ Box: GlyphBox glyph }] }
            ? glyph
            : null;

    private ContainerBox LayoutOverUnder(OverUnderNode node, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        switch (node.Kind)
        {
            case OverUnderKind.Overline:
            {
                Box body = LayoutList(node.Body, style.AsCramped, color);
                double thickness = Constant(MathConstant.OverbarRuleThickness, style);
                double bottom = body.Height + Constant(MathConstant.OverbarVerticalGap, style);
                var box = new ContainerBox { Width = body.Width };
                box.Place(body, 0, 0);
                box.Place(new RuleBox(body.Width, bottom + thickness, -bottom, color), 0, 0);
                box.Height += Constant(MathConstant.OverbarExtraAscender, style);
                return box;
            }

            case OverUnderKind.Underline:
            {
                Box body = LayoutList(node.Body, style, color);
                double thickness = Constant(MathConstant.UnderbarRuleThickness, style);
                double top = body.Depth + Constant(MathConstant.UnderbarVerticalGap, style);
                var box = new ContainerBox { Width = body.Width };
                box.Place(body, 0, 0);
                box.Place(new RuleBox(body.Width, -top, top + thickness, color), 0, 0);
                box.Depth += Constant(MathConstant.UnderbarExtraDescender, style);
                return box;
            }

            case OverUnderKind.OverBrace or OverUnderKind.OverStretchy:
            {
                Box body = LayoutList(node.Body, node.Kind == OverUnderKind.OverStretchy ? style.AsCramped : style, color);
                Box glyph = _glyphs.Horizontal(_glyphs.GlyphOf(node.Glyph!), body.Width, scale, color);
                double gap = node.Kind == OverUnderKind.OverBrace
                    ? Constant(MathConstant.StretchStackGapBelowMin, style)
                    : Constant(MathConstant.OverbarVerticalGap, style);
                (double inkBottom, _) = InkExtent(glyph);
                return Stack(body, glyph, body.Height + gap - inkBottom);
            }

            case OverUnderKind.UnderBrace or OverUnderKind.UnderStretchy:
            {
                Box body = LayoutList(node.Body, style, color);
                Box glyph = _glyphs.Horizontal(_glyphs.GlyphOf(node.Glyph!), body.Width, scale, color);
                double gap = node.Kind == OverUnderKind.UnderBrace
                    ? Constant(MathConstant.StretchStackGapAboveMin, style)
                    : Constant(MathConstant.UnderbarVerticalGap, style);
                (_, double inkTop) = InkExtent(glyph);
                return Stack(body, glyph, -(body.Depth + gap + inkTop));
            }

            case OverUnderKind.OverSet or OverUnderKind.UnderSet:
            {
                Box body = LayoutList(node.Body, style, color);
                Box annotation = LayoutList(node.Annotation!, node.Kind == OverUnderKind.OverSet ? style.Superscript : style.Subscript, color);
                return node.Kind == OverUnderKind.OverSet
                    ? StackLimits(body, annotation, null, style)
                    : StackLimits(body, null, annotation, style);
            }

            default:
                return LayoutExtensibleArrow(node, style, color);
        }
    }

    /// <summary>Lowest and highest ink of a box's glyphs relative to its baseline (stretchy glyphs float in their em box).</summary>
    private (double Bottom, double Top) InkExtent(Box box)
    {
        double bottom = double.MaxValue;
        double top = double.MinValue;
        Visit(box, 0);
        return bottom == double.MaxValue ? (0, 0) : (bottom, top);

        void Visit(Box b, double y)
        {
            switch (b)
            {
                case GlyphBox g:
                    GlyphOutline outline = _font.Outline(g.Glyph);
                    if (!outline.IsEmpty)
                    {
                        bottom = double.Min(bottom, y + (_font.Em((int)outline.YMin) * g.Scale));
                        top = double.Max(top, y + (_font.Em((int)outline.YMax) * g.Scale));
                    }

                    break;
                case RuleBox r:
                    bottom = double.Min(bottom, y - r.Depth);
                    top = double.Max(top, y + r.Height);
                    break;
                case ContainerBox c:
                    foreach (PlacedBox child in c.Children)
                    {
                        Visit(child.Box, y + child.Y);
                    }

                    break;
            }
        }
    }

    /// <summary>Centres a stretched glyph over or under a body, its baseline at <paramref name="glyphY"/>.</summary>
    private static ContainerBox Stack(Box body, Box glyph, double glyphY)
    {
        double width = double.Max(body.Width, glyph.Width);
        var box = new ContainerBox { Width = width };
        box.Place(body, (width - body.Width) / 2, 0);
        box.Place(glyph, (width - glyph.Width) / 2, glyphY);
        return box;
    }

    /// <summary>\xrightarrow[below]{above}: an arrow long enough for its labels, centred on the axis.</summary>
    private ContainerBox LayoutExtensibleArrow(OverUnderNode node, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        Box above = LayoutList(node.Body, style.Superscript, color);
        Box? below = node.Annotation is null ? null : LayoutList(node.Annotation, style.Subscript, color);
        double labels = double.Max(above.Width, below?.Width ?? 0);
        double minimum = double.Max(double.Max(labels + (0.8 * scale), 1.6 * scale), node.MinimumWidth * scale);
        Box arrow = _glyphs.Horizontal(_glyphs.GlyphOf(node.Glyph!), minimum, scale, color);
        double width = double.Max(arrow.Width, minimum);
        double gap = Constant(MathConstant.StretchStackGapBelowMin, style) / 2;
        (double inkBottom, double inkTop) = InkExtent(arrow);
        var box = new ContainerBox { Width = width };
        box.Place(arrow, (width - arrow.Width) / 2, 0);
        box.Place(above, (width - above.Width) / 2, inkTop + gap + above.Depth);
        if (below is not null)
        {
            box.Place(below, (width - below.Width) / 2, inkBottom - gap - below.Height);
        }

        return box;
    }
}
