using System.Security.Cryptography;

namespace MathForML.Discord;

/// <summary>Random fractions for jitter (spreading reconnects and heartbeats so clients do not stampede).</summary>
internal static class Jitter
{
    private const int Resolution = 1_000_000;

    /// <summary>A uniform value in [0, 1).</summary>
    public static double NextFraction() => RandomNumberGenerator.GetInt32(Resolution) / (double)Resolution;

    /// <summary>A uniform duration in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static TimeSpan Between(TimeSpan min, TimeSpan max) => min + ((max - min) * NextFraction());
}
