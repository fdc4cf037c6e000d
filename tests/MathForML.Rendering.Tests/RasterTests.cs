using MathForML.Rendering.Font;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Tests;

public sealed class RasterTests
{
    private static readonly Rgba White = new(255, 255, 255);
    private static readonly Rgba Black = new(0, 0, 0);

    private static GlyphOutline Square(double x0, double y0, double x1, double y1, bool clockwise)
    {
        var b = new GlyphOutlineBuilder();
        b.MoveTo(x0, y0);
        if (clockwise)
        {
            b.LineTo(x0, y1);
            b.LineTo(x1, y1);
            b.LineTo(x1, y0);
        }
        else
        {
            b.LineTo(x1, y0);
            b.LineTo(x1, y1);
            b.LineTo(x0, y1);
        }

        return b.Build();
    }

    private static byte Gray(Canvas c, int x, int y) => c.Pixels[((y * c.Width) + x) * 3];

    [Fact]
    public void Pixel_aligned_square_is_fully_covered_inside_and_empty_outside()
    {
        var canvas = new Canvas(10, 10, White);
        canvas.FillOutline(Square(2, 2, 6, 6, clockwise: false), 0, 10, 1, Black);
        Assert.Equal(0, Gray(canvas, 3, 5));
        Assert.Equal(0, Gray(canvas, 2, 7));
        Assert.Equal(255, Gray(canvas, 1, 5));
        Assert.Equal(255, Gray(canvas, 6, 5));
        Assert.Equal(255, Gray(canvas, 3, 3));
    }

    [Fact]
    public void Half_pixel_edges_get_half_coverage()
    {
        var canvas = new Canvas(10, 10, White);
        canvas.FillOutline(Square(2.5, 2, 6, 6, clockwise: true), 0, 10, 1, Black);
        Assert.InRange(Gray(canvas, 2, 5), 126, 129);
        Assert.Equal(0, Gray(canvas, 3, 5));
    }

    [Fact]
    public void Diagonal_edge_coverage_is_the_exact_area()
    {
        // A right triangle over a 1x1 pixel covers exactly half of it.
        var b = new GlyphOutlineBuilder();
        b.MoveTo(0, 0);
        b.LineTo(4, 0);
        b.LineTo(0, 4);
        var canvas = new Canvas(4, 4, White);
        canvas.FillOutline(b.Build(), 0, 4, 1, Black);
        Assert.InRange(Gray(canvas, 2, 2), 126, 129);
        Assert.Equal(0, Gray(canvas, 0, 3));
    }

    [Fact]
    public void Nonzero_winding_fills_overlaps_and_opposite_contours_cut_holes()
    {
        var overlapping = new GlyphOutlineBuilder();
        AddSquare(overlapping, 1, 1, 6, 6, clockwise: false);
        AddSquare(overlapping, 3, 3, 8, 8, clockwise: false);
        var canvas = new Canvas(10, 10, White);
        canvas.FillOutline(overlapping.Build(), 0, 10, 1, Black);
        Assert.Equal(0, Gray(canvas, 4, 5));

        var holed = new GlyphOutlineBuilder();
        AddSquare(holed, 1, 1, 9, 9, clockwise: false);
        AddSquare(holed, 3, 3, 7, 7, clockwise: true);
        var ring = new Canvas(10, 10, White);
        ring.FillOutline(holed.Build(), 0, 10, 1, Black);
        Assert.Equal(255, Gray(ring, 5, 5));
        Assert.Equal(0, Gray(ring, 2, 5));
    }

    [Fact]
    public void Outline_scales_exactly()
    {
        var canvas = new Canvas(40, 40, White);
        canvas.FillOutline(Square(10, 10, 30, 30, clockwise: false), 0, 40, 0.5, Black);
        Assert.Equal(0, Gray(canvas, 10, 30));
        Assert.Equal(255, Gray(canvas, 15, 30));
        Assert.Equal(255, Gray(canvas, 10, 36));
    }

    [Fact]
    public void Shapes_outside_the_canvas_are_clipped_safely()
    {
        var canvas = new Canvas(8, 8, White);
        canvas.FillOutline(Square(-100, -100, 100, 100, clockwise: false), 0, 8, 1, Black);
        Assert.All(Enumerable.Range(0, 64), i => Assert.Equal(0, canvas.Pixels[i * 3]));
        canvas.FillRectangle(-5, -5, 50, 50, White);
        Assert.Equal(255, Gray(canvas, 7, 7));
    }

    [Fact]
    public void Rectangle_edges_have_fractional_coverage_and_colour_blends()
    {
        var canvas = new Canvas(4, 4, White);
        canvas.FillRectangle(1, 1, 3, 1.5, new Rgba(255, 0, 0));
        byte[] p = canvas.Pixels;
        int i = ((1 * 4) + 1) * 3;
        Assert.Equal(255, p[i]);
        Assert.InRange(p[i + 1], 126, 129);
        Assert.Equal(255, Gray(canvas, 0, 1));
    }

    private static void AddSquare(GlyphOutlineBuilder b, double x0, double y0, double x1, double y1, bool clockwise)
    {
        b.MoveTo(x0, y0);
        if (clockwise)
        {
            b.LineTo(x0, y1);
            b.LineTo(x1, y1);
            b.LineTo(x1, y0);
        }
        else
        {
            b.LineTo(x1, y0);
            b.LineTo(x1, y1);
            b.LineTo(x0, y1);
        }
    }
}
