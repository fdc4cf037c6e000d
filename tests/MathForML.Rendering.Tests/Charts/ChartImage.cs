using MathForML.TestKit;
using MathForML.Rendering.Charts;
using MathForML.Rendering.Raster;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests.Charts;

/// <summary>A decoded chart with the pixel queries the chart tests assert on.</summary>
internal sealed class ChartImage
{
    private ChartImage(DecodedImage image)
    {
        Image = image;
    }

    public DecodedImage Image { get; }

    public int Width => Image.Width;

    public int Height => Image.Height;

    /// <summary>Asserts success, decodes the PNG and checks the reported size and that it has no alpha channel.</summary>
    public static ChartImage From(ChartResult result)
    {
        Assert.True(result.Success, result.Error);
        Assert.Null(result.Error);
        DecodedImage image = PngDecoder.Decode(result.Png!);
        Assert.Equal((result.Width, result.Height), (image.Width, image.Height));
        Assert.Equal(3, image.Channels);
        return new ChartImage(image);
    }

    public bool Is(int x, int y, Rgba color) => Image.At(x, y) == (color.R, color.G, color.B);

    public int Count(Rgba color)
    {
        int n = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                n += Is(x, y, color) ? 1 : 0;
            }
        }

        return n;
    }

    /// <summary>Smallest rectangle (left, top, right exclusive, bottom exclusive) holding every pixel of the colour.</summary>
    public (int Left, int Top, int Right, int Bottom)? Bounds(Rgba color, int maxY = int.MaxValue)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (int y = 0; y < int.Min(Height, maxY); y++)
        {
            for (int x = 0; x < Width; x++)
            {
                if (Is(x, y, color))
                {
                    left = int.Min(left, x);
                    top = int.Min(top, y);
                    right = int.Max(right, x + 1);
                    bottom = int.Max(bottom, y + 1);
                }
            }
        }

        return right < 0 ? null : (left, top, right, bottom);
    }

    /// <summary>Lengths of the horizontal runs of the colour along row y.</summary>
    public List<(int Start, int Length)> RunsInRow(int y, Rgba color)
    {
        var runs = new List<(int, int)>();
        for (int x = 0; x < Width; x++)
        {
            if (!Is(x, y, color))
            {
                continue;
            }

            int start = x;
            while (x < Width && Is(x, y, color))
            {
                x++;
            }

            runs.Add((start, x - start));
        }

        return runs;
    }

    /// <summary>Pixels of column x with the colour, between rows top (inclusive) and bottom (exclusive).</summary>
    public int CountInColumn(int x, Rgba color, int top, int bottom)
    {
        int n = 0;
        for (int y = int.Max(0, top); y < int.Min(Height, bottom); y++)
        {
            n += Is(x, y, color) ? 1 : 0;
        }

        return n;
    }

    /// <summary>Rows from the first to the last pixel of the colour in column x (text drawn over a bar does not shorten it).</summary>
    public int SpanInColumn(int x, Rgba color, int top, int bottom)
    {
        int first = -1, last = -1;
        for (int y = int.Max(0, top); y < int.Min(Height, bottom); y++)
        {
            if (Is(x, y, color))
            {
                first = first < 0 ? y : first;
                last = y;
            }
        }

        return first < 0 ? 0 : last - first + 1;
    }

    /// <summary>True when every pixel of the outer band of the given width is the background.</summary>
    public bool BorderIs(int band, Rgba background)
    {
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                bool inBand = x < band || y < band || x >= Width - band || y >= Height - band;
                if (inBand && !Is(x, y, background))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Pixels inside the rectangle that differ from the background.</summary>
    public int InkIn(int left, int top, int right, int bottom, Rgba background)
    {
        int n = 0;
        for (int y = int.Max(0, top); y < int.Min(Height, bottom); y++)
        {
            for (int x = int.Max(0, left); x < int.Min(Width, right); x++)
            {
                n += Is(x, y, background) ? 0 : 1;
            }
        }

        return n;
    }
}
