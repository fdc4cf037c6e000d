using MathForML.Math.Evaluation;
using MathForML.Math.Numbers;

namespace MathForML.Math.Judging;

/// <summary>Small exact-where-possible transformations of a value, used to test for slips.</summary>
internal static class ScalarOps
{
    private static readonly ExactNumber DegreeInRadians = ExactNumber.Pi.Multiply(ExactNumber.FromRational(BigRational.Create(1, 180)))!;
    private static readonly ExactNumber RadianInDegrees = ExactNumber.FromRational(BigRational.FromInteger(180)).Divide(ExactNumber.Pi)!;

    public static Scalar Negate(Scalar value) => value.Exact is { } exact ? new Scalar(exact.Negate()) : new Scalar(-value.Approx);

    public static Scalar? Reciprocal(Scalar value)
    {
        if (value.Approx == 0 || value.Exact is { IsZero: true })
        {
            return null;
        }

        return value.Exact?.Reciprocal() is { } exact ? new Scalar(exact) : new Scalar(1 / value.Approx);
    }

    public static Scalar ScaleByPowerOfTen(Scalar value, int exponent) => Scale(value, ExactNumber.FromRational(BigRational.PowerOfTen(exponent)));

    public static Scalar DegreesToRadians(Scalar value) => Scale(value, DegreeInRadians);

    public static Scalar RadiansToDegrees(Scalar value) => Scale(value, RadianInDegrees);

    private static Scalar Scale(Scalar value, ExactNumber factor)
    {
        if (value.Exact is { } exact && exact.Bits < MathLimits.MaxIntegerBits && exact.Multiply(factor) is { } product)
        {
            return new Scalar(product);
        }

        return new Scalar(value.Approx * factor.ToDouble());
    }
}
