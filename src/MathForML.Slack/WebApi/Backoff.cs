using System.Security.Cryptography;

namespace MathForML.Slack;

/// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, capped.</summary>
internal static class Backoff
{
    private const int Resolution = 1_000_000;

    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay) =>
        Delay(attempt, baseDelay, maxDelay, RandomNumberGenerator.GetInt32(Resolution) / (double)Resolution);

    /// <summary>Deterministic form for tests: <paramref name="fraction"/> in [0, 1).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        // 2^30 base steps already exceed any sensible cap; clamping the exponent avoids overflow.
        var exponent = int.Min(attempt - 1, 30);
        var stepTicks = double.Min(baseDelay.Ticks * double.Pow(2, exponent), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)((stepTicks / 2) + (stepTicks / 2 * fraction)));
    }
}
