using System.Numerics;

namespace MathForML.Math.Numbers;

/// <summary>Splits n into s²·r with r square-free, by bounded trial division.</summary>
internal static class SquareFactor
{
    /// <summary>
    /// True when n = outside²·radicand with radicand square-free was established within the trial-division bound;
    /// false when n is too large to be sure or the work budget ran out (the caller then falls back to floats).
    /// Work is charged by the size of each division, so a huge radicand cannot stall an evaluation.
    /// </summary>
    public static bool TrySplit(BigInteger n, ref int work, out BigInteger outside, out BigInteger radicand)
    {
        outside = BigInteger.One;
        radicand = BigInteger.One;
        if (n.Sign <= 0)
        {
            outside = BigInteger.Zero;
            return n.IsZero;
        }

        // Powers of two come out in one shift, however many there are.
        var twos = (int)BigInteger.TrailingZeroCount(n);
        var remaining = n >> twos;
        outside <<= twos / 2;
        radicand = twos % 2 == 1 ? 2 : BigInteger.One;
        if (remaining <= ulong.MaxValue)
        {
            var split = TrySplitSmall((ulong)remaining, ref work, out var smallOutside, out var smallRadicand);
            outside *= smallOutside;
            radicand *= smallRadicand;
            return split;
        }

        BigInteger divisor = 3;
        while (divisor * divisor <= remaining)
        {
            if (divisor > MathLimits.MaxSquareFactorTrialDivisorLarge || work > MathLimits.MaxEvaluationWork)
            {
                return TryPerfectSquare(remaining, ref outside);
            }

            var count = 0;
            while (true)
            {
                work += 1 + (int)(remaining.GetBitLength() / 64);
                var quotient = BigInteger.DivRem(remaining, divisor, out var remainder);
                if (!remainder.IsZero || work > MathLimits.MaxEvaluationWork)
                {
                    break;
                }

                remaining = quotient;
                count++;
            }

            outside *= BigInteger.Pow(divisor, count / 2);
            radicand *= count % 2 == 1 ? divisor : BigInteger.One;
            divisor += 2;
        }

        radicand *= remaining;
        return work <= MathLimits.MaxEvaluationWork;
    }

    /// <summary>The same split in 64-bit arithmetic, where trial division up to 2^16 costs well under a millisecond.</summary>
    private static bool TrySplitSmall(ulong n, ref int work, out BigInteger outside, out BigInteger radicand)
    {
        outside = BigInteger.One;
        radicand = BigInteger.One;
        ulong divisor = 3;
        var iterations = 0;
        while (divisor * divisor <= n)
        {
            if (divisor > MathLimits.MaxSquareFactorTrialDivisor)
            {
                work += iterations / 256;
                return TryPerfectSquare(n, ref outside);
            }

            iterations++;
            var count = 0;
            while (n % divisor == 0)
            {
                n /= divisor;
                count++;
            }

            outside *= BigInteger.Pow(divisor, count / 2);
            radicand *= count % 2 == 1 ? divisor : 1UL;
            divisor += 2;
        }

        work += iterations / 256;
        radicand *= n;
        return true;
    }

    /// <summary>Past the trial bound the cofactor is only known square-free-splittable if it is a perfect square.</summary>
    private static bool TryPerfectSquare(BigInteger remaining, ref BigInteger outside)
    {
        var root = IntegerSqrt(remaining);
        if (root * root != remaining)
        {
            return false;
        }

        outside *= root;
        return true;
    }

    public static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.Sign <= 0)
        {
            return BigInteger.Zero;
        }

        var bits = (long)n.GetBitLength();
        var x = bits < 1000 ? (BigInteger)double.Sqrt((double)n) : BigInteger.One << (int)((bits / 2) + 1);
        if (x.IsZero)
        {
            x = BigInteger.One;
        }

        // Newton steps fix the double estimate, which is off for values past 2^52.
        while (true)
        {
            var next = (x + (n / x)) >> 1;
            if (BigInteger.Abs(next - x) <= BigInteger.One)
            {
                x = next;
                break;
            }

            x = next;
        }

        while (x * x > n)
        {
            x--;
        }

        while ((x + 1) * (x + 1) <= n)
        {
            x++;
        }

        return x;
    }

    /// <summary>Exact integer k-th root when n is a perfect k-th power.</summary>
    public static bool TryExactRoot(BigInteger n, int k, out BigInteger root)
    {
        root = BigInteger.Zero;
        if (n.Sign < 0)
        {
            return false;
        }

        if (n.IsZero || n.IsOne)
        {
            root = n;
            return true;
        }

        if ((long)n.GetBitLength() / k > 900)
        {
            return false;
        }

        var estimate = new BigInteger(double.Round(double.Exp(BigInteger.Log(n) / k)));
        for (var delta = -1; delta <= 1; delta++)
        {
            var candidate = estimate + delta;
            if (candidate.Sign > 0 && BigInteger.Pow(candidate, k) == n)
            {
                root = candidate;
                return true;
            }
        }

        return false;
    }
}
