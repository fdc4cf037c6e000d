using MathForML.Rendering.Boxes;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Stretchy delimiters for \left…\right and fixed \big sizes (Appendix G rule 19).</summary>
internal sealed partial class MathLayout
{
    /// <summary>TeX's \delimiterfactor (901/1000) and \delimitershortfall (5pt).</summary>
    private const double DelimiterFactor = 0.901;
    private const double DelimiterShortfall = 0.5;

    /// <summary>Total heights of \big, \Big, \bigg, \Bigg in em (amsmath: 1.2, 1.8, 2.4, 3.0 × the 10pt size).</summary>
    private static readonly double[] BigSizes = [1.2, 1.8, 2.4, 3.0];

    private ContainerBox LayoutLeftRight(LeftRightNode node, StyleState style, Rgba? color)
    {
        var bodies = new List<Box>(node.Bodies.Count);
        double height = 0;
        double depth = 0;
        foreach (MathList list in node.Bodies)
        {
            Box body = LayoutList(list, style, color);
            bodies.Add(body);
            height = double.Max(height, body.Height);
            depth = double.Max(depth, body.Depth);
        }

        double axis = Axis(style);
        double delta = double.Max(height - axis, depth + axis);
        double target = double.Max(2 * delta * DelimiterFactor, (2 * delta) - (DelimiterShortfall * Scale(style)));

        var result = new ContainerBox();
        for (int i = 0; i < node.Delimiters.Count; i++)
        {
            string delimiter = node.Delimiters[i];
            result.Append(delimiter.Length == 0
                ? new KernBox(NullDelimiterSpace * Scale(style))
                : StretchDelimiter(delimiter, target, style, color));
            if (i < bodies.Count)
            {
                result.Append(bodies[i]);
            }
        }

        return result;
    }

    private Box LayoutSizedDelimiter(SizedDelimiterNode node, StyleState style, Rgba? color)
    {
        if (node.Delimiter.Length == 0)
        {
            return new KernBox(NullDelimiterSpace * Scale(style));
        }

        // Slightly under the nominal size so the font's variant of exactly that size is chosen.
        double target = BigSizes[node.Size - 1] * Scale(style) * 0.98;
        return StretchDelimiter(node.Delimiter, target, style, color);
    }

    /// <summary>A delimiter at least <paramref name="totalHeight"/> tall, centred on the math axis.</summary>
    private ContainerBox StretchDelimiter(string delimiter, double totalHeight, StyleState style, Rgba? color)
    {
        int glyph = _glyphs.GlyphOf(delimiter);
        Box box = _glyphs.Vertical(glyph, totalHeight, Scale(style), color);
        double raise = Axis(style) - ((box.Height - box.Depth) / 2);
        var centered = new ContainerBox();
        centered.Append(box, raise);
        centered.Italic = 0;
        return centered;
    }
}
