using MathForML.Rendering.Font;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Boxes;

/// <summary>A drawing operation in em coordinates (y up, origin on the root baseline).</summary>
internal readonly record struct DrawOp(int Glyph, double X, double Y, double Scale, double Width, double Top, Rgba? Color, int Layer = 0, GlyphOutline? Path = null)
{
    public bool IsRule => Glyph < 0 && Path is null;
}

/// <summary>Flattens a box tree into draw operations and measures the ink and logical bounds.</summary>
internal sealed class BoxPainter
{
    private readonly MathFont _font;
    private readonly List<DrawOp> _ops = [];
    private int _layer;
    private int _nextLayer;

    public BoxPainter(MathFont font)
    {
        _font = font;
    }

    public IReadOnlyList<DrawOp> Ops => _ops;

    public double Left { get; private set; }

    public double Right { get; private set; }

    public double Top { get; private set; }

    public double Bottom { get; private set; }

    /// <summary>Collects the ops of a root box placed with its origin at (x, y).</summary>
    public void Add(Box root, double x, double y)
    {
        if (_ops.Count == 0 && Right == 0 && Top == 0)
        {
            Left = x;
            Right = x + root.Width;
            Top = y + root.Height;
            Bottom = y - root.Depth;
        }
        else
        {
            Extend(x, y + root.Height, x + root.Width, y - root.Depth);
        }

        Walk(root, x, y);
    }

    private void Walk(Box box, double x, double y)
    {
        switch (box)
        {
            case GlyphBox glyph:
            {
                GlyphOutline outline = _font.Outline(glyph.Glyph);
                if (!outline.IsEmpty)
                {
                    double s = glyph.Scale / _font.UnitsPerEm;
                    Extend(x + (outline.XMin * s), y + (outline.YMax * s), x + (outline.XMax * s), y + (outline.YMin * s));
                    _ops.Add(new DrawOp(glyph.Glyph, x, y, glyph.Scale, 0, 0, glyph.Color, _layer));
                }

                break;
            }

            case RuleBox rule:
                if (rule.Width > 0 && rule.Height + rule.Depth > 0)
                {
                    Extend(x, y + rule.Height, x + rule.Width, y - rule.Depth);
                    _ops.Add(new DrawOp(-1, x, y - rule.Depth, 0, rule.Width, y + rule.Height, rule.Color));
                }

                break;
            case StrokeBox stroke:
            {
                // A stroke is a thin quadrilateral around the segment, kept as an em-unit outline.
                double length = double.Sqrt((stroke.DX * stroke.DX) + (stroke.DY * stroke.DY));
                if (length <= 0)
                {
                    break;
                }

                double nx = -stroke.DY / length * stroke.Thickness / 2;
                double ny = stroke.DX / length * stroke.Thickness / 2;
                var path = new GlyphOutlineBuilder();
                path.MoveTo(nx, ny);
                path.LineTo(stroke.DX + nx, stroke.DY + ny);
                path.LineTo(stroke.DX - nx, stroke.DY - ny);
                path.LineTo(-nx, -ny);
                GlyphOutline outline = path.Build();
                Extend(x + outline.XMin, y + outline.YMax, x + outline.XMax, y + outline.YMin);
                _ops.Add(new DrawOp(-1, x, y, 1, 0, 0, stroke.Color, _layer, outline));
                break;
            }

            case ContainerBox container:
                int outer = _layer;
                if (container.IsAssembly && outer == 0)
                {
                    _layer = ++_nextLayer;
                }

                foreach (PlacedBox child in container.Children)
                {
                    Walk(child.Box, x + child.X, y + child.Y);
                }

                _layer = outer;
                break;
        }
    }

    private void Extend(double left, double top, double right, double bottom)
    {
        Left = double.Min(Left, left);
        Right = double.Max(Right, right);
        Top = double.Max(Top, top);
        Bottom = double.Min(Bottom, bottom);
    }

    /// <summary>Paints all ops; (originX, originY) is the pixel position of em (0, 0).</summary>
    public void Paint(Canvas canvas, double pixelsPerEm, double originX, double originY, Rgba ink)
    {
        for (int i = 0; i < _ops.Count; i++)
        {
            DrawOp op = _ops[i];
            Rgba color = op.Color ?? ink;
            if (op.Layer != 0 && (i == 0 || _ops[i - 1].Layer != op.Layer))
            {
                canvas.BeginLayer();
            }

            if (op.Path is GlyphOutline path)
            {
                canvas.FillOutline(path, originX + (op.X * pixelsPerEm), originY - (op.Y * pixelsPerEm), pixelsPerEm, color);
            }
            else if (op.IsRule)
            {
                PaintRule(canvas, op, pixelsPerEm, originX, originY, color);
            }
            else
            {
                double px = originX + (op.X * pixelsPerEm);
                double py = originY - (op.Y * pixelsPerEm);
                canvas.FillOutline(_font.Outline(op.Glyph), px, py, op.Scale * pixelsPerEm / _font.UnitsPerEm, color);
            }

            if (op.Layer != 0 && (i == _ops.Count - 1 || _ops[i + 1].Layer != op.Layer))
            {
                canvas.EndLayer(color);
            }
        }
    }

    /// <summary>Rules are snapped to whole pixels (at least one thick) so bars stay crisp at chat sizes.</summary>
    private static void PaintRule(Canvas canvas, DrawOp op, double pixelsPerEm, double originX, double originY, Rgba color)
    {
        double x0 = originX + (op.X * pixelsPerEm);
        double x1 = x0 + (op.Width * pixelsPerEm);
        double yTop = originY - (op.Top * pixelsPerEm);
        double yBottom = originY - (op.Y * pixelsPerEm);
        double thickness = yBottom - yTop;
        double snapped = double.Max(1, double.Round(thickness));
        double center = (yTop + yBottom) / 2;
        double top = double.Round(center - (snapped / 2));
        canvas.FillRectangle(x0, top, x1, top + snapped, color);
    }
}
