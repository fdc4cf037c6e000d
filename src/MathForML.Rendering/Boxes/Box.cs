using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Boxes;

/// <summary>A TeX box: width, height above and depth below the baseline, in em of the base font size.</summary>
internal abstract class Box
{
    public double Width { get; set; }

    public double Height { get; set; }

    public double Depth { get; set; }

    /// <summary>Italic correction of the last glyph, used to place subscripts under slanted bases.</summary>
    public double Italic { get; set; }

    public double TotalHeight => Height + Depth;
}

/// <summary>One glyph drawn at a scale (1 = base size).</summary>
internal sealed class GlyphBox : Box
{
    public GlyphBox(int glyph, double scale, Rgba? color)
    {
        Glyph = glyph;
        Scale = scale;
        Color = color;
    }

    public int Glyph { get; }

    public double Scale { get; }

    public Rgba? Color { get; }

    /// <summary>True when this is a single glyph of an extended shape (big operator, stretched delimiter).</summary>
    public bool IsExtendedShape { get; init; }
}

/// <summary>A filled rectangle occupying its whole box (fraction bars, radical overbars, table rules).</summary>
internal sealed class RuleBox : Box
{
    public RuleBox(double width, double height, double depth, Rgba? color)
    {
        Width = width;
        Height = height;
        Depth = depth;
        Color = color;
    }

    public Rgba? Color { get; }
}

/// <summary>Empty space.</summary>
internal sealed class KernBox : Box
{
    public KernBox(double width, double height = 0, double depth = 0)
    {
        Width = width;
        Height = height;
        Depth = depth;
    }
}

/// <summary>A child placed at (X, Y) relative to the parent's origin; Y grows upward.</summary>
internal readonly record struct PlacedBox(Box Box, double X, double Y);

/// <summary>A box made of placed children; metrics are set by whoever builds it.</summary>
internal sealed class ContainerBox : Box
{
    public List<PlacedBox> Children { get; } = [];

    /// <summary>Pieces of one glyph assembly: painted as one shape so overlapping joins do not darken.</summary>
    public bool IsAssembly { get; init; }

    /// <summary>Appends to the right, shifted up by <paramref name="raise"/>, and grows the metrics.</summary>
    public void Append(Box box, double raise = 0)
    {
        Children.Add(new PlacedBox(box, Width, raise));
        Width += box.Width;
        Height = double.Max(Height, box.Height + raise);
        Depth = double.Max(Depth, box.Depth - raise);
        Italic = box.Italic;
    }

    /// <summary>Places a child anywhere and grows height/depth (width is managed by the caller).</summary>
    public void Place(Box box, double x, double y)
    {
        Children.Add(new PlacedBox(box, x, y));
        Height = double.Max(Height, box.Height + y);
        Depth = double.Max(Depth, box.Depth - y);
    }

    public static ContainerBox Of(params Box[] boxes)
    {
        var container = new ContainerBox();
        foreach (Box box in boxes)
        {
            container.Append(box);
        }

        return container;
    }
}

/// <summary>A straight stroke from (0, 0) to (DX, DY) relative to the box origin (for \cancel and friends).</summary>
internal sealed class StrokeBox : Box
{
    public StrokeBox(double dx, double dy, double thickness, Rgba? color)
    {
        DX = dx;
        DY = dy;
        Thickness = thickness;
        Color = color;
    }

    public double DX { get; }

    public double DY { get; }

    public double Thickness { get; }

    public Rgba? Color { get; }
}
