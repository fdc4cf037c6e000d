using System.Numerics;
using MathForML.Math.Evaluation;
using MathForML.Math.Syntax;

namespace MathForML.Math.Judging;

/// <summary>Compares one number with the expected one under the problem's <see cref="AnswerOptions"/>, then looks for slips.</summary>
internal sealed class ScalarComparer(AnswerOptions options, bool givenHasDecimals, bool expectedHasDecimals)
{
    private const double TieSlack = 1e-9;
    private const double FloatExactTolerance = 1e-12;
    private const int MaxPowerOfTenSlip = 12;

    public Judgement Compare(Scalar given, Scalar expected)
    {
        if (options.Mode is ComparisonMode.SignificantFigures or ComparisonMode.DecimalPlaces)
        {
            return CompareRounded(given, expected);
        }

        if (Matches(given, expected, null))
        {
            if (options.RequireReduced && given.Form is { FractionNumerator: { } numerator, FractionDenominator: { } denominator }
                && (!BigInteger.GreatestCommonDivisor(numerator, denominator).IsOne || denominator.IsOne))
            {
                return Judgement.Wrong(ReasonCodes.FractionNotReduced, FormatFraction(numerator, denominator));
            }

            return Judgement.Correct;
        }

        if (options.Mode == ComparisonMode.Exact && given.IsExact && !given.IsInfinite && RelativelyClose(given, expected, options.RelativeTolerance))
        {
            return Judgement.Wrong(ReasonCodes.ExactValueRequired);
        }

        return DetectSlip(given, expected, null);
    }

    /// <summary>Whether the values agree under the mode; <paramref name="tolerance"/> overrides it with a relative tolerance.</summary>
    public bool Matches(Scalar given, Scalar expected, double? tolerance)
    {
        if (given.IsInfinite || expected.IsInfinite)
        {
            return given.Approx == expected.Approx;
        }

        var bothExact = given.Exact is not null && expected.Exact is not null;
        if (bothExact && given.Exact!.Equals(expected.Exact))
        {
            return true;
        }

        if (tolerance is { } relative)
        {
            return RelativelyClose(given, expected, relative);
        }

        return options.Mode switch
        {
            ComparisonMode.Exact => !bothExact && RelativelyClose(given, expected, FloatExactTolerance),
            ComparisonMode.Auto => (!bothExact || givenHasDecimals || expectedHasDecimals) && RelativelyClose(given, expected, options.RelativeTolerance),
            ComparisonMode.Absolute => double.Abs(given.Approx - expected.Approx) <= options.AbsoluteTolerance!.Value * (1 + TieSlack),
            _ => RelativelyClose(given, expected, options.RelativeTolerance),
        };
    }

    private bool RelativelyClose(Scalar given, Scalar expected, double relative)
    {
        var allowed = double.Max(relative * double.Abs(expected.Approx), options.AbsoluteFloor) * (1 + TieSlack);
        return double.Abs(given.Approx - expected.Approx) <= allowed;
    }

    /// <summary>Sign, reciprocal, power-of-ten and angle-unit slips, tried under the same matching rule.</summary>
    public Judgement DetectSlip(Scalar given, Scalar expected, double? tolerance)
    {
        if (given.IsInfinite || expected.IsInfinite || expected.Approx == 0)
        {
            return Judgement.Incorrect;
        }

        if (Matches(ScalarOps.Negate(given), expected, tolerance))
        {
            return Judgement.Wrong(ReasonCodes.SignError);
        }

        if (options.AnswerIsAngle)
        {
            var converted = options.AngleUnit == AngleUnit.Radians ? ScalarOps.DegreesToRadians(given) : ScalarOps.RadiansToDegrees(given);
            if (Matches(converted, expected, tolerance))
            {
                return Judgement.Wrong(options.AngleUnit == AngleUnit.Radians ? ReasonCodes.DegreesInsteadOfRadians : ReasonCodes.RadiansInsteadOfDegrees);
            }
        }

        if (double.Abs(expected.Approx) != 1 && ScalarOps.Reciprocal(given) is { } reciprocal && Matches(reciprocal, expected, tolerance))
        {
            return Judgement.Wrong(ReasonCodes.Reciprocal);
        }

        if (given.Approx != 0)
        {
            var ratio = double.Log10(double.Abs(given.Approx / expected.Approx));
            var power = double.IsFinite(ratio) ? (int)double.Round(ratio) : 0;
            if (power != 0 && int.Abs(power) <= MaxPowerOfTenSlip && Matches(ScalarOps.ScaleByPowerOfTen(given, -power), expected, tolerance))
            {
                return Judgement.Wrong(ReasonCodes.OffByPowerOfTen);
            }
        }

        return Judgement.Incorrect;
    }

    /// <summary>
    /// Significant figures and decimal places: the member's literal must be the expected value correctly rounded
    /// (either neighbour at an exact tie) and carry exactly the required precision. Figures come from the raw
    /// digits; an integer with trailing zeros (<c>1200</c>) is accepted for any count it can mean (2 to 4).
    /// </summary>
    private Judgement CompareRounded(Scalar given, Scalar expected)
    {
        if (given.Form is not { IsDecimal: true } form)
        {
            return Judgement.Invalid(ReasonCodes.DecimalNumberRequired);
        }

        var bySignificantFigures = options.Mode == ComparisonMode.SignificantFigures;
        var required = bySignificantFigures ? options.SignificantFigures!.Value : options.DecimalPlaces!.Value;
        var (low, high) = bySignificantFigures ? (form.MinSignificantFigures, form.MaxSignificantFigures) : (form.DecimalPlaces, form.DecimalPlaces);
        var shown = bySignificantFigures ? NumberLiterals.DescribeSignificantFigures(form) : form.DecimalPlaces.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (tooFew, tooMany) = bySignificantFigures
            ? (ReasonCodes.TooFewSignificantFigures, ReasonCodes.TooManySignificantFigures)
            : (ReasonCodes.TooFewDecimalPlaces, ReasonCodes.TooManyDecimalPlaces);

        if (RoundsTo(given, expected, required, bySignificantFigures))
        {
            if (required >= low && required <= high)
            {
                return Judgement.Correct;
            }

            return Judgement.Wrong(high < required ? tooFew : tooMany, required, shown);
        }

        if (high < required && RoundsTo(given, expected, high, bySignificantFigures))
        {
            return Judgement.Wrong(tooFew, required, shown);
        }

        var unit = Unit(expected.Approx, required, bySignificantFigures);
        var relative = expected.Approx == 0 ? 0 : double.Abs(unit / expected.Approx);
        return DetectSlip(given, expected, double.Max(relative, options.RelativeTolerance));
    }

    private static bool RoundsTo(Scalar given, Scalar expected, int precision, bool bySignificantFigures)
    {
        var unit = Unit(expected.Approx, precision, bySignificantFigures);
        return double.Abs(given.Approx - expected.Approx) <= 0.5 * unit * (1 + TieSlack);
    }

    private static double Unit(double value, int precision, bool bySignificantFigures)
    {
        if (!bySignificantFigures)
        {
            return double.Pow(10, -precision);
        }

        var magnitude = value == 0 ? 0 : (int)double.Floor(double.Log10(double.Abs(value)));
        return double.Pow(10, magnitude - precision + 1);
    }

    private static string FormatFraction(BigInteger numerator, BigInteger denominator) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{numerator}/{denominator}");
}
