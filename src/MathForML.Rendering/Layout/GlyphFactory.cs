using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Makes glyph boxes, including size variants and assemblies for stretchy glyphs.</summary>
internal sealed class GlyphFactory
{
    private readonly MathFont _font;

    public GlyphFactory(MathFont font)
    {
        _font = font;
    }

    public MathFont Font => _font;

    public int GlyphOf(int codePoint) => _font.GlyphFor(codePoint) ?? _font.GlyphFor('?') ?? 0;

    public int GlyphOf(string text) => GlyphOf(char.ConvertToUtf32(text, 0));

    public bool HasGlyph(int codePoint) => _font.GlyphFor(codePoint) is not null;

    /// <summary>A glyph box with advance width plus italic correction (as TeX does for math letters).</summary>
    public GlyphBox Glyph(int glyph, double scale, Rgba? color)
    {
        double italic = _font.Italic(glyph) * scale;
        return new GlyphBox(glyph, scale, color)
        {
            Width = (_font.Advance(glyph) * scale) + italic,
            Height = _font.Height(glyph) * scale,
            Depth = _font.Depth(glyph) * scale,
            Italic = italic,
            IsExtendedShape = _font.Table.IsExtendedShape(glyph),
        };
    }

    /// <summary>The first vertical variant at least <paramref name="minTotal"/> tall, else an assembly, else the largest.</summary>
    public Box Vertical(int glyph, double minTotal, double scale, Rgba? color) =>
        Stretch(glyph, _font.Table.Vertical(glyph), minTotal, scale, color, vertical: true);

    /// <summary>The widest horizontal variant not wider than <paramref name="maxWidth"/> (TeX's rule for wide accents).</summary>
    public GlyphBox WidestFitting(int glyph, double maxWidth, double scale, Rgba? color)
    {
        int best = glyph;
        if (_font.Table.Horizontal(glyph) is GlyphConstruction construction)
        {
            foreach (GlyphVariant variant in construction.Variants)
            {
                if (_font.Em(variant.Advance) * scale > maxWidth * 1.05)
                {
                    break;
                }

                best = variant.Glyph;
            }
        }

        return Glyph(best, scale, color);
    }

    /// <summary>The first horizontal variant at least <paramref name="minWidth"/> wide, else an assembly, else the largest.</summary>
    public Box Horizontal(int glyph, double minWidth, double scale, Rgba? color) =>
        Stretch(glyph, _font.Table.Horizontal(glyph), minWidth, scale, color, vertical: false);

    /// <summary>MathML Core's stretching rule, shared by both directions: the first variant that is big enough, else an assembly.</summary>
    private Box Stretch(int glyph, GlyphConstruction? construction, double minSize, double scale, Rgba? color, bool vertical)
    {
        if (construction is null)
        {
            return Glyph(glyph, scale, color);
        }

        int best = glyph;
        foreach (GlyphVariant variant in construction.Variants)
        {
            best = variant.Glyph;
            if (_font.Em(variant.Advance) * scale >= minSize)
            {
                return Glyph(variant.Glyph, scale, color);
            }
        }

        return construction.Assembly is { Count: > 0 } parts
            ? Assemble(parts, minSize, scale, color, vertical)
            : Glyph(best, scale, color);
    }

    /// <summary>
    /// Builds a glyph assembly: the fewest extender repetitions that reach the target with the smallest
    /// allowed overlaps, then overlaps spread evenly (within each joint's connector lengths) to hit it.
    /// </summary>
    private ContainerBox Assemble(IReadOnlyList<GlyphPart> parts, double target, double scale, Rgba? color, bool vertical)
    {
        double minOverlap = _font.Em(_font.Table.MinConnectorOverlap) * scale;
        List<GlyphPart> sequence = [];
        for (int repeats = 1; repeats <= 256; repeats++)
        {
            sequence = Expand(parts, repeats);
            double fullAdvance = sequence.Sum(p => _font.Em(p.FullAdvance) * scale);
            double size = fullAdvance - ((sequence.Count - 1) * minOverlap);
            if (size >= target || !parts.Any(p => p.IsExtender))
            {
                break;
            }
        }

        int joints = sequence.Count - 1;
        double total = sequence.Sum(p => _font.Em(p.FullAdvance) * scale);
        double overlap = joints > 0 ? double.Max(minOverlap, (total - target) / joints) : 0;
        var box = new ContainerBox { IsAssembly = true };
        double position = 0;
        for (int i = 0; i < sequence.Count; i++)
        {
            GlyphPart part = sequence[i];
            GlyphBox glyph = Glyph(part.Glyph, scale, color);
            if (vertical)
            {
                // Parts are listed bottom to top; each part's ink bottom sits at the running position.
                box.Place(glyph, 0, position + glyph.Depth);
                box.Width = double.Max(box.Width, glyph.Width);
            }
            else
            {
                box.Place(glyph, position, 0);
            }

            if (i < joints)
            {
                double jointMax = _font.Em(int.Min(part.EndConnector, sequence[i + 1].StartConnector)) * scale;
                position += (_font.Em(part.FullAdvance) * scale) - double.Clamp(overlap, double.Min(minOverlap, jointMax), double.Max(minOverlap, jointMax));
            }
            else
            {
                position += _font.Em(part.FullAdvance) * scale;
            }
        }

        if (vertical)
        {
            box.Height = position;
            box.Depth = 0;
            return box;
        }

        box.Width = position;
        return box;
    }

    private static List<GlyphPart> Expand(IReadOnlyList<GlyphPart> parts, int repeats)
    {
        var result = new List<GlyphPart>();
        foreach (GlyphPart part in parts)
        {
            for (int r = 0; r < (part.IsExtender ? repeats : 1); r++)
            {
                result.Add(part);
            }
        }

        return result;
    }
}
