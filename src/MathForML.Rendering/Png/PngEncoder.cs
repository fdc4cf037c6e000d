using System.Buffers.Binary;
using System.IO.Compression;

namespace MathForML.Rendering.Png;

/// <summary>Encodes 8-bit RGB pixels as a PNG (IHDR, IDAT, IEND) choosing a filter per row.</summary>
internal static class PngEncoder
{
    private const int BytesPerPixel = 3;
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] EncodeRgb(byte[] rgb, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgb.Length != width * height * BytesPerPixel)
        {
            throw new ArgumentException($"Pixel buffer of {rgb.Length} bytes does not match {width}x{height} RGB.", nameof(rgb));
        }

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;
        header[9] = 2;
        header[10] = 0;
        header[11] = 0;
        header[12] = 0;
        WriteChunk(output, "IHDR"u8, header);

        WriteChunk(output, "IDAT"u8, Compress(rgb, width, height));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] rgb, int width, int height)
    {
        int stride = width * BytesPerPixel;
        var filtered = new byte[(stride + 1) * height];
        for (int y = 0; y < height; y++)
        {
            int row = y * stride;
            int previous = row - stride;
            bool hasPrevious = y > 0;

            // Score all five filters (sum of absolute signed residuals) on the first channel only: ink and
            // backgrounds are near-grey, so one channel ranks the filters like all three at a third of the cost.
            long none = 0, sub = 0, up = 0, average = 0, paeth = 0;
            for (int i = 0; i < stride; i += BytesPerPixel)
            {
                int x = rgb[row + i];
                int a = i >= BytesPerPixel ? rgb[row + i - BytesPerPixel] : 0;
                int b = hasPrevious ? rgb[previous + i] : 0;
                int c = hasPrevious && i >= BytesPerPixel ? rgb[previous + i - BytesPerPixel] : 0;
                none += Cost(x);
                sub += Cost(x - a);
                up += Cost(x - b);
                average += Cost(x - ((a + b) >> 1));
                paeth += Cost(x - Paeth(a, b, c));
            }

            byte filter = 0;
            long best = none;
            if (sub < best) { best = sub; filter = 1; }
            if (up < best) { best = up; filter = 2; }
            if (average < best) { best = average; filter = 3; }
            if (paeth < best) { filter = 4; }

            int output = y * (stride + 1);
            filtered[output] = filter;
            ApplyFilter(filter, rgb, row, hasPrevious ? previous : -1, stride, filtered.AsSpan(output + 1, stride));
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(filtered);
        }

        return compressed.ToArray();
    }

    /// <summary>Writes one row filtered with the chosen filter (one loop per filter keeps the inner loop branch-free).</summary>
    private static void ApplyFilter(byte filter, byte[] rgb, int row, int previous, int stride, Span<byte> output)
    {
        ReadOnlySpan<byte> current = rgb.AsSpan(row, stride);
        ReadOnlySpan<byte> above = previous >= 0 ? rgb.AsSpan(previous, stride) : new byte[stride];
        switch (filter)
        {
            case 0:
                current.CopyTo(output);
                break;
            case 1:
                for (int i = 0; i < stride; i++)
                {
                    output[i] = unchecked((byte)(current[i] - (i >= BytesPerPixel ? current[i - BytesPerPixel] : 0)));
                }

                break;
            case 2:
                for (int i = 0; i < stride; i++)
                {
                    output[i] = unchecked((byte)(current[i] - above[i]));
                }

                break;
            case 3:
                for (int i = 0; i < stride; i++)
                {
                    int left = i >= BytesPerPixel ? current[i - BytesPerPixel] : 0;
                    output[i] = unchecked((byte)(current[i] - ((left + above[i]) >> 1)));
                }

                break;
            default:
                for (int i = 0; i < stride; i++)
                {
                    int left = i >= BytesPerPixel ? current[i - BytesPerPixel] : 0;
                    int upLeft = i >= BytesPerPixel ? above[i - BytesPerPixel] : 0;
                    output[i] = unchecked((byte)(current[i] - Paeth(left, above[i], upLeft)));
                }

                break;
        }
    }

    private static int Cost(int residual)
    {
        int value = residual & 0xFF;
        return value < 128 ? value : 256 - value;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = int.Abs(p - a);
        int pb = int.Abs(p - b);
        int pc = int.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(type, data));
        output.Write(word);
    }
}
