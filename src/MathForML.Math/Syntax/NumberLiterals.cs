using System.Globalization;
using System.Numerics;
using MathForML.Math.Evaluation;
using MathForML.Math.Numbers;

namespace MathForML.Math.Syntax;

/// <summary>Exact values and significant-figure facts of number literals, read from the raw digits.</summary>
internal static class NumberLiterals
{
    /// <summary>Exact value of a decimal mantissa such as <c>0.0125</c> times 10^exponent.</summary>
    public static BigRational ValueOf(string mantissa, int exponent)
    {
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fractionDigits = point < 0 ? 0 : mantissa.Length - point - 1;
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        var integer = digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return BigRational.FromInteger(integer) * BigRational.PowerOfTen(exponent - fractionDigits);
    }

    /// <summary>
    /// Significant figures counted from the digits as typed: leading zeros never count; trailing zeros count after
    /// a decimal point; trailing zeros of an integer without a point are ambiguous (<c>1200</c> has 2 to 4).
    /// </summary>
    public static NumberForm FormOf(string mantissa, int exponent)
    {
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var fractionDigits = point < 0 ? 0 : mantissa.Length - point - 1;
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        var significant = digits.TrimStart('0');
        int min;
        int max;
        if (significant.Length == 0)
        {
            // A zero: "0" has one figure, "0.00" is read as precise to its decimals.
            min = max = int.Max(1, fractionDigits);
        }
        else if (point >= 0)
        {
            min = max = significant.Length;
        }
        else
        {
            max = significant.Length;
            min = significant.TrimEnd('0').Length;
        }

        return new NumberForm(min, max, fractionDigits - exponent);
    }

    /// <summary>The number of significant figures as a display string: "3" or "1 to 3" for an ambiguous integer.</summary>
    public static string DescribeSignificantFigures(NumberForm form) =>
        form.MinSignificantFigures == form.MaxSignificantFigures
            ? form.MinSignificantFigures.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{form.MinSignificantFigures} to {form.MaxSignificantFigures}");
}
