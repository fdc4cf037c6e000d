namespace MathForML.Rendering.Raster;

/// <summary>An 8-bit sRGB colour with alpha.</summary>
internal readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    public static Rgba FromHex(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    public override string ToString() => $"#{R:X2}{G:X2}{B:X2}{(A == 255 ? string.Empty : A.ToString("X2"))}";
}
