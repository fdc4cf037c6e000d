namespace MathForML.Math.Problems;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a fixed, documented generator, so the same seed draws the same
/// instance on every machine and .NET version (System.Random's algorithm is not a stable contract).
/// </summary>
internal sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, count), without modulo bias (rejection of the short last bucket).</summary>
    public ulong NextBelow(ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        var limit = ulong.MaxValue - (ulong.MaxValue % count);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);

        return value % count;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
