namespace MathForML.Rendering.Raster;

/// <summary>
/// Signed-area accumulator over a window of the canvas. For every piece of an edge inside one pixel
/// cell, the cell gets the edge's vertical extent times the area fraction to its right and the next
/// cell the remainder; a running sum along each row then yields exact non-zero coverage for
/// non-overlapping contours (overlaps of equal winding saturate at full coverage).
/// </summary>
internal ref struct CoverageMask
{
    private readonly Canvas _canvas;
    private readonly float[] _cells;
    private readonly int _left;
    private readonly int _top;
    private readonly int _width;
    private readonly int _height;
    private readonly int _stride;

    public CoverageMask(Canvas canvas, int left, int top, int width, int height)
    {
        _canvas = canvas;
        _left = left;
        _top = top;
        _width = width;
        _height = height;
        _stride = width + 2;
        _cells = canvas.RentCells(_stride * height);
    }

    public readonly void Line(float x0, float y0, float x1, float y1)
    {
        if (y0 == y1)
        {
            return;
        }

        float direction = 1f;
        if (y0 > y1)
        {
            (x0, x1) = (x1, x0);
            (y0, y1) = (y1, y0);
            direction = -1f;
        }

        float dxdy = (x1 - x0) / (y1 - y0);
        int rowStart = int.Max(0, (int)float.Floor(y0));
        int rowEnd = int.Min(_height, (int)float.Ceiling(y1));
        for (int row = rowStart; row < rowEnd; row++)
        {
            float ya = float.Max(y0, row);
            float yb = float.Min(y1, row + 1);
            if (yb <= ya)
            {
                continue;
            }

            float xa = x0 + ((ya - y0) * dxdy);
            float xb = x0 + ((yb - y0) * dxdy);
            Row(row * _stride, xa, xb, (yb - ya) * direction);
        }
    }

    /// <summary>Spreads one row's edge piece (x from xa to xb, signed height h) over the cells it crosses.</summary>
    private readonly void Row(int rowOffset, float xa, float xb, float h)
    {
        float lo = float.Clamp(float.Min(xa, xb), 0, _width);
        float hi = float.Clamp(float.Max(xa, xb), 0, _width);
        int first = (int)lo;
        if (hi - lo < 1e-6f || (int)float.Ceiling(hi) - first <= 1)
        {
            float mid = ((lo + hi) * 0.5f) - first;
            _cells[rowOffset + first] += h * (1f - mid);
            _cells[rowOffset + first + 1] += h * mid;
            return;
        }

        // The edge crosses several cells: each gets the share of h proportional to the x span inside it.
        float perX = h / (hi - lo);
        float x = lo;
        while (x < hi)
        {
            int cell = (int)x;
            float next = float.Min(hi, cell + 1);
            float part = (next - x) * perX;
            float mid = ((x + next) * 0.5f) - cell;
            _cells[rowOffset + cell] += part * (1f - mid);
            _cells[rowOffset + cell + 1] += part * mid;
            x = next;
        }
    }

    public readonly void Composite(Rgba color)
    {
        for (int row = 0; row < _height; row++)
        {
            float sum = 0;
            int offset = row * _stride;
            int pixel = ((_top + row) * _canvas.Width) + _left;
            for (int col = 0; col < _width; col++)
            {
                sum += _cells[offset + col];
                _canvas.Blend(pixel + col, float.Abs(sum), color);
            }
        }
    }
}
