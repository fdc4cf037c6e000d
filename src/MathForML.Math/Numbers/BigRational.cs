using System.Globalization;
using System.Numerics;

namespace MathForML.Math.Numbers;

/// <summary>An exact rational number with a positive denominator, always in lowest terms.</summary>
internal readonly struct BigRational : IEquatable<BigRational>, IComparable<BigRational>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static readonly BigRational Zero = new(BigInteger.Zero, BigInteger.One);
    public static readonly BigRational One = new(BigInteger.One, BigInteger.One);

    // Only for values already in lowest terms with a positive denominator.
    private BigRational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public static BigRational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("Rational with a zero denominator.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        return numerator.IsZero ? Zero : new BigRational(numerator, denominator);
    }

    public static BigRational FromInteger(BigInteger value) => new(value, BigInteger.One);

    public bool IsZero => Numerator.IsZero;
    public bool IsInteger => Denominator.IsOne;
    public int Sign => Numerator.Sign;

    /// <summary>The larger bit length of numerator and denominator: the size budget unit.</summary>
    public long Bits => long.Max((long)BigInteger.Abs(Numerator).GetBitLength(), (long)Denominator.GetBitLength());

    public static BigRational operator +(BigRational a, BigRational b) =>
        a.Denominator == b.Denominator
            ? Create(a.Numerator + b.Numerator, a.Denominator)
            : Create((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static BigRational operator -(BigRational a, BigRational b) => a + (-b);
    public static BigRational operator -(BigRational a) => new(-a.Numerator, a.Denominator);
    public static BigRational operator *(BigRational a, BigRational b) =>
        Create(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static BigRational operator /(BigRational a, BigRational b) =>
        Create(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator ==(BigRational a, BigRational b) => a.Equals(b);
    public static bool operator !=(BigRational a, BigRational b) => !a.Equals(b);
    public static bool operator <(BigRational a, BigRational b) => a.CompareTo(b) < 0;
    public static bool operator >(BigRational a, BigRational b) => a.CompareTo(b) > 0;
    public static bool operator <=(BigRational a, BigRational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(BigRational a, BigRational b) => a.CompareTo(b) >= 0;

    public BigRational Reciprocal() => Create(Denominator, Numerator);

    public BigRational Abs() => Sign < 0 ? -this : this;

    public static BigRational PowerOfTen(int exponent) =>
        exponent >= 0
            ? FromInteger(BigInteger.Pow(10, exponent))
            : new BigRational(BigInteger.One, BigInteger.Pow(10, -exponent));

    public double ToDouble()
    {
        var numBits = (long)BigInteger.Abs(Numerator).GetBitLength();
        var denBits = (long)Denominator.GetBitLength();
        if (numBits < 1000 && denBits < 1000)
        {
            return (double)Numerator / (double)Denominator;
        }

        // Scale both to ~64 significant bits so the division neither overflows nor loses the exponent.
        var numShift = (int)long.Max(0, numBits - 64);
        var denShift = (int)long.Max(0, denBits - 64);
        var mantissa = (double)(Numerator >> numShift) / (double)(Denominator >> denShift);
        return mantissa * double.Pow(2, numShift - denShift);
    }

    public int CompareTo(BigRational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(BigRational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is BigRational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() =>
        IsInteger
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
