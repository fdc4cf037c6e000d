using MathForML.TestKit;
using MathForML.Rendering.Png;
using MathForML.Rendering.Tests.Support;

namespace MathForML.Rendering.Tests;

public sealed class PngTests
{
    [Fact]
    public void Encoded_pixels_decode_back_exactly()
    {
        const int width = 37, height = 23;
        var rgb = new byte[width * height * 3];
        var random = new Random(4);
        random.NextBytes(rgb);
        for (int i = 0; i < rgb.Length / 2; i++)
        {
            rgb[i] = (byte)(i % 7);
        }

        DecodedImage image = PngDecoder.Decode(PngEncoder.EncodeRgb(rgb, width, height));
        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        Assert.Equal(3, image.Channels);
        Assert.Equal(rgb, image.Pixels);
    }

    [Fact]
    public void Single_pixel_image_round_trips()
    {
        DecodedImage image = PngDecoder.Decode(PngEncoder.EncodeRgb([1, 2, 3], 1, 1));
        Assert.Equal((1, 2, 3), ((int)image.At(0, 0).R, (int)image.At(0, 0).G, (int)image.At(0, 0).B));
    }

    [Fact]
    public void Mismatched_buffer_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgb(new byte[10], 2, 2));
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8, []));
    }
}
