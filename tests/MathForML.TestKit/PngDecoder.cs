using System.Buffers.Binary;
using System.IO.Compression;

namespace MathForML.TestKit;

/// <summary>A decoded 8-bit RGB or RGBA image.</summary>
public sealed record DecodedImage(int Width, int Height, int Channels, byte[] Pixels)
{
    public (byte R, byte G, byte B) At(int x, int y)
    {
        int i = ((y * Width) + x) * Channels;
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }
}

/// <summary>
/// Independent PNG reader for tests: checks the signature, every chunk CRC, IHDR fields, and undoes
/// all five row filters, so an encoder bug cannot hide behind a matching decoder shortcut.
/// </summary>
public static class PngDecoder
{
    public static DecodedImage Decode(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("Bad PNG signature.");
        }

        int p = 8;
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        bool sawEnd = false;
        var chunkOrder = new List<string>();
        while (p < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(p));
            string type = System.Text.Encoding.ASCII.GetString(png, p + 4, 4);
            chunkOrder.Add(type);
            ReadOnlySpan<byte> data = png.AsSpan(p + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(p + 8 + length));
            if (crc != Crc(png.AsSpan(p + 4, length + 4)))
            {
                throw new InvalidDataException($"CRC mismatch in chunk {type}.");
            }

            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[10] != 0 || data[11] != 0 || data[12] != 0)
                    {
                        throw new InvalidDataException("Unsupported IHDR fields.");
                    }

                    channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException("Unsupported colour type.") };
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            p += 12 + length;
        }

        if (!sawEnd || chunkOrder[0] != "IHDR")
        {
            throw new InvalidDataException("Chunks out of order or IEND missing.");
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] filtered = raw.ToArray();
        int stride = width * channels;
        if (filtered.Length != (stride + 1) * height)
        {
            throw new InvalidDataException($"Decompressed {filtered.Length} bytes, expected {(stride + 1) * height}.");
        }

        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = filtered[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = filtered[(y * (stride + 1)) + 1 + i];
                int a = i >= channels ? pixels[(y * stride) + i - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= channels && y > 0 ? pixels[((y - 1) * stride) + i - channels] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Bad filter {filter}."),
                };
                pixels[(y * stride) + i] = (byte)(x + predictor);
            }
        }

        return new DecodedImage(width, height, channels, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = int.Abs(p - a), pb = int.Abs(p - b), pc = int.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte d in data)
        {
            crc ^= d;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
