using MathForML.Rendering.Font;

namespace MathForML.Rendering.Raster;

/// <summary>
/// An opaque RGB pixel buffer. Each shape is rasterized into an exact-area coverage mask (signed area
/// accumulated per cell, then summed along the row) and composited in its own colour, so overlapping
/// shapes of different colours blend correctly.
/// </summary>
internal sealed class Canvas
{
    private const float FlatteningTolerancePixels = 0.1f;
    private const int MaxCubicSegments = 64;

    private float[] _cells = [];

    /// <summary>While a layer is open, coverage is merged by maximum and blended once at the end.</summary>
    private float[]? _layer;

    public Canvas(int width, int height, Rgba background)
    {
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
        for (int i = 0; i < Pixels.Length; i += 3)
        {
            Pixels[i] = background.R;
            Pixels[i + 1] = background.G;
            Pixels[i + 2] = background.B;
        }
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Row-major RGB triples.</summary>
    public byte[] Pixels { get; }

    /// <summary>Fills a glyph outline (font units, y up) placed with its origin at pixel (originX, originY).</summary>
    public void FillOutline(GlyphOutline outline, double originX, double originY, double pixelsPerUnit, Rgba color)
    {
        if (outline.IsEmpty)
        {
            return;
        }

        int left = int.Max(0, (int)double.Floor(originX + (outline.XMin * pixelsPerUnit)) - 1);
        int right = int.Min(Width, (int)double.Ceiling(originX + (outline.XMax * pixelsPerUnit)) + 1);
        int top = int.Max(0, (int)double.Floor(originY - (outline.YMax * pixelsPerUnit)) - 1);
        int bottom = int.Min(Height, (int)double.Ceiling(originY - (outline.YMin * pixelsPerUnit)) + 1);
        if (left >= right || top >= bottom)
        {
            return;
        }

        var mask = new CoverageMask(this, left, top, right - left, bottom - top);
        float ox = (float)(originX - left);
        float oy = (float)(originY - top);
        float s = (float)pixelsPerUnit;
        float[] p = outline.Points;
        float startX = 0, startY = 0, curX = 0, curY = 0;
        int pi = 0;
        foreach (PathVerb verb in outline.Verbs)
        {
            switch (verb)
            {
                case PathVerb.MoveTo:
                    mask.Line(curX, curY, startX, startY);
                    startX = curX = ox + (p[pi] * s);
                    startY = curY = oy - (p[pi + 1] * s);
                    pi += 2;
                    break;
                case PathVerb.LineTo:
                {
                    float x = ox + (p[pi] * s);
                    float y = oy - (p[pi + 1] * s);
                    mask.Line(curX, curY, x, y);
                    curX = x;
                    curY = y;
                    pi += 2;
                    break;
                }

                default:
                {
                    float x1 = ox + (p[pi] * s), y1 = oy - (p[pi + 1] * s);
                    float x2 = ox + (p[pi + 2] * s), y2 = oy - (p[pi + 3] * s);
                    float x3 = ox + (p[pi + 4] * s), y3 = oy - (p[pi + 5] * s);
                    Cubic(ref mask, curX, curY, x1, y1, x2, y2, x3, y3);
                    curX = x3;
                    curY = y3;
                    pi += 6;
                    break;
                }
            }
        }

        mask.Line(curX, curY, startX, startY);
        mask.Composite(color);
    }

    /// <summary>Fills an axis-aligned rectangle in pixel coordinates with exact edge coverage.</summary>
    public void FillRectangle(double x0, double y0, double x1, double y1, Rgba color)
    {
        int left = int.Max(0, (int)double.Floor(x0));
        int right = int.Min(Width, (int)double.Ceiling(x1));
        int top = int.Max(0, (int)double.Floor(y0));
        int bottom = int.Min(Height, (int)double.Ceiling(y1));
        for (int y = top; y < bottom; y++)
        {
            double cy = double.Min(y + 1, y1) - double.Max(y, y0);
            for (int x = left; x < right; x++)
            {
                double cx = double.Min(x + 1, x1) - double.Max(x, x0);
                Blend((y * Width) + x, (float)(cx * cy), color);
            }
        }
    }

    internal float[] RentCells(int length)
    {
        if (_cells.Length < length)
        {
            _cells = new float[int.Max(length, _cells.Length * 2)];
        }
        else
        {
            Array.Clear(_cells, 0, length);
        }

        return _cells;
    }

    /// <summary>Starts collecting coverage for pieces that overlap by design (glyph assemblies).</summary>
    public void BeginLayer()
    {
        _layer = new float[Width * Height];
    }

    public void EndLayer(Rgba color)
    {
        float[]? layer = _layer;
        _layer = null;
        if (layer is null)
        {
            return;
        }

        for (int i = 0; i < layer.Length; i++)
        {
            if (layer[i] > 0)
            {
                Blend(i, layer[i], color);
            }
        }
    }

    internal void Blend(int pixel, float coverage, Rgba color)
    {
        if (coverage <= 0)
        {
            return;
        }

        if (_layer is not null)
        {
            _layer[pixel] = float.Max(_layer[pixel], float.Min(1f, coverage));
            return;
        }

        float a = float.Min(1f, coverage) * (color.A / 255f);
        int i = pixel * 3;
        Pixels[i] = Mix(Pixels[i], color.R, a);
        Pixels[i + 1] = Mix(Pixels[i + 1], color.G, a);
        Pixels[i + 2] = Mix(Pixels[i + 2], color.B, a);
    }

    private static byte Mix(byte under, byte over, float alpha) =>
        (byte)((under * (1f - alpha)) + (over * alpha) + 0.5f);

    private static void Cubic(
        ref CoverageMask mask, float x0, float y0, float x1, float y1, float x2, float y2, float x3, float y3)
    {
        // The second differences bound how far the curve strays from its chord; segment count grows with sqrt.
        float ddx = float.Max(float.Abs(x0 - (2 * x1) + x2), float.Abs(x1 - (2 * x2) + x3));
        float ddy = float.Max(float.Abs(y0 - (2 * y1) + y2), float.Abs(y1 - (2 * y2) + y3));
        float dd = float.Sqrt((ddx * ddx) + (ddy * ddy));
        int n = int.Clamp((int)float.Ceiling(float.Sqrt(0.75f * dd / FlatteningTolerancePixels)), 1, MaxCubicSegments);
        float px = x0, py = y0;
        for (int i = 1; i <= n; i++)
        {
            float t = i / (float)n;
            float u = 1 - t;
            float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
            float x = (a * x0) + (b * x1) + (c * x2) + (d * x3);
            float y = (a * y0) + (b * y1) + (c * y2) + (d * y3);
            mask.Line(px, py, x, y);
            px = x;
            py = y;
        }
    }
}
