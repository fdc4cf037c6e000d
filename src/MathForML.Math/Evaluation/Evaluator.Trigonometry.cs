using System.Numerics;
using MathForML.Math.Numbers;
using MathForML.Math.Syntax;

namespace MathForML.Math.Evaluation;

/// <summary>
/// Trig, inverse trig and hyperbolic functions. Multiples of 30° and 45° (π/6, π/4) give exact values, so
/// <c>sin(pi/4)</c> and <c>sqrt(2)/2</c> are an exact decision; everything else is a float.
/// </summary>
internal sealed partial class Evaluator
{
    private Scalar? Trigonometric(FunctionInfo function, Scalar x, int position)
    {
        if (function.IsTrig)
        {
            return ForwardTrig(function, x, position);
        }

        if (function.IsInverseTrig)
        {
            return InverseTrig(function, x, position);
        }

        var v = x.Approx;
        switch (function.Id)
        {
            case FunctionId.Sinh: return FloatResult(double.Sinh(v), position);
            case FunctionId.Cosh: return FloatResult(double.Cosh(v), position);
            case FunctionId.Tanh: return FloatResult(double.Tanh(v), position);
            case FunctionId.Asinh: return FloatResult(double.Asinh(v), position);
            case FunctionId.Acosh: return v < 1 ? FailDomain(function, position) : FloatResult(double.Acosh(v), position);
            case FunctionId.Atanh: return double.Abs(v) >= 1 ? FailDomain(function, position) : FloatResult(double.Atanh(v), position);
            default: throw new InvalidOperationException($"Function {function.Name} has no evaluation.");
        }
    }

    private Scalar? ForwardTrig(FunctionInfo function, Scalar x, int position)
    {
        if (TryTwelfthsOfTurn(x, out var twelfths))
        {
            var sin = SinOfTwelfths(twelfths);
            var cos = SinOfTwelfths(twelfths + 6);
            if (sin is not null && cos is not null)
            {
                var (numerator, denominator) = function.Id switch
                {
                    FunctionId.Sin => (sin, ExactNumber.FromRational(BigRational.One)),
                    FunctionId.Cos => (cos, ExactNumber.FromRational(BigRational.One)),
                    FunctionId.Tan => (sin, cos),
                    FunctionId.Cot => (cos, sin),
                    FunctionId.Sec => (ExactNumber.FromRational(BigRational.One), cos),
                    _ => (ExactNumber.FromRational(BigRational.One), sin),
                };
                if (denominator.IsZero)
                {
                    return FailDomain(function, position);
                }

                return Finish(numerator.Divide(denominator), numerator.ToDouble() / denominator.ToDouble(), position);
            }
        }

        var radians = _settings.AngleUnit == AngleUnit.Degrees ? x.Approx * double.Pi / 180 : x.Approx;
        var (s, c) = double.SinCos(radians);
        var value = function.Id switch
        {
            FunctionId.Sin => s,
            FunctionId.Cos => c,
            FunctionId.Tan => s / c,
            FunctionId.Cot => c / s,
            FunctionId.Sec => 1 / c,
            _ => 1 / s,
        };
        return FloatResult(value, position);
    }

    /// <summary>The angle as a whole number of 15° steps (π/12), when it is one exactly.</summary>
    private bool TryTwelfthsOfTurn(Scalar x, out int twelfths)
    {
        twelfths = 0;
        BigRational? halfTurns = null;
        if (x.Exact is { } exact)
        {
            if (_settings.AngleUnit == AngleUnit.Degrees)
            {
                halfTurns = exact.AsRational is { } degrees ? degrees / BigRational.FromInteger(180) : null;
            }
            else if (exact.IsZero)
            {
                halfTurns = BigRational.Zero;
            }
            else if (exact.IsSingleTerm && exact.Terms[0] is { PiPower: 1 } term && term.Radicand.IsOne)
            {
                halfTurns = term.Coefficient;
            }
        }

        if (halfTurns is not { } value)
        {
            return false;
        }

        var steps = value * BigRational.FromInteger(12);
        if (!steps.IsInteger)
        {
            return false;
        }

        twelfths = (int)BigInteger.Remainder(steps.Numerator, 24);
        twelfths = twelfths < 0 ? twelfths + 24 : twelfths;
        return true;
    }

    /// <summary>sin(t·15°) for t a multiple of 2 or 3 (30° and 45° multiples); null for 15°, 75°, …</summary>
    private static ExactNumber? SinOfTwelfths(int t)
    {
        t %= 24;
        var sign = t >= 12 ? -1 : 1;
        t %= 12;
        if (t > 6)
        {
            t = 12 - t;
        }

        ExactTerm? term = t switch
        {
            0 => null,
            2 => new ExactTerm(BigRational.Create(1, 2), 0, BigInteger.One),
            3 => new ExactTerm(BigRational.Create(1, 2), 0, 2),
            4 => new ExactTerm(BigRational.Create(1, 2), 0, 3),
            6 => new ExactTerm(BigRational.One, 0, BigInteger.One),
            _ => new ExactTerm(BigRational.Zero, -99, BigInteger.Zero),
        };
        if (term is null)
        {
            return ExactNumber.Zero;
        }

        if (term.Value.Radicand.IsZero)
        {
            return null;
        }

        var value = ExactNumber.FromTerm(term.Value);
        return sign < 0 ? value.Negate() : value;
    }

    private Scalar? InverseTrig(FunctionInfo function, Scalar x, int position)
    {
        if (function.Id != FunctionId.Atan && double.Abs(x.Approx) > 1)
        {
            return FailDomain(function, position);
        }

        if (x.Exact is { } exact && TryInverseTable(function.Id, exact, out var twelfths))
        {
            var angle = _settings.AngleUnit == AngleUnit.Degrees
                ? ExactNumber.FromRational(BigRational.FromInteger(twelfths * 15))
                : ExactNumber.Pi.Multiply(ExactNumber.FromRational(BigRational.Create(twelfths, 12)));
            return Finish(angle, angle?.ToDouble() ?? double.NaN, position);
        }

        var radians = function.Id switch
        {
            FunctionId.Asin => double.Asin(x.Approx),
            FunctionId.Acos => double.Acos(x.Approx),
            _ => double.Atan(x.Approx),
        };
        return FloatResult(_settings.AngleUnit == AngleUnit.Degrees ? radians * 180 / double.Pi : radians, position);
    }

    private static bool TryInverseTable(FunctionId id, ExactNumber value, out int twelfths)
    {
        var (from, to) = id == FunctionId.Acos ? (0, 12) : (-6, 6);
        for (var t = from; t <= to; t++)
        {
            var sin = SinOfTwelfths((t + 24) % 24);
            var cos = SinOfTwelfths((t + 30) % 24);
            if (sin is null || cos is null)
            {
                continue;
            }

            var matches = id switch
            {
                FunctionId.Asin => sin.Equals(value),
                FunctionId.Acos => cos.Equals(value),
                _ => t is > -6 and < 6 && sin.Divide(cos) is { } tan && tan.Equals(value),
            };
            if (matches)
            {
                twelfths = t;
                return true;
            }
        }

        twelfths = 0;
        return false;
    }
}
