using System.Numerics;
using MathForML.Math.Numbers;

namespace MathForML.Math.Evaluation;

internal sealed partial class Evaluator
{
    private Scalar? Add(Scalar a, Scalar b, int position)
    {
        if (a.Exact is { } x && b.Exact is { } y && !Charge(WorkOf(x, y)))
        {
            return null;
        }

        var exact = a.Exact is { } left && b.Exact is { } right ? left.Add(right) : null;
        return Finish(exact, a.Approx + b.Approx, position);
    }

    private Scalar? Subtract(Scalar a, Scalar b, int position)
    {
        if (a.Exact is { } x && b.Exact is { } y && !Charge(WorkOf(x, y)))
        {
            return null;
        }

        var exact = a.Exact is { } left && b.Exact is { } right ? left.Subtract(right) : null;
        return Finish(exact, a.Approx - b.Approx, position);
    }

    private Scalar? Multiply(Scalar a, Scalar b, int position)
    {
        ExactNumber? exact = null;
        if (a.Exact is { } left && b.Exact is { } right)
        {
            if (!Charge(WorkOf(left, right)))
            {
                return null;
            }

            exact = left.Multiply(right);
        }

        return Finish(exact, a.Approx * b.Approx, position);
    }

    private Scalar? Divide(Scalar a, Scalar b, int position)
    {
        if ((b.Exact?.IsZero ?? false) || b.Approx == 0)
        {
            return FailScalar(ReasonCodes.DivisionByZero, AnswerMessages.Format(AnswerMessages.DivisionByZero, position), position);
        }

        ExactNumber? exact = null;
        if (a.Exact is { } left && b.Exact is { } right)
        {
            if (!Charge(WorkOf(left, right)))
            {
                return null;
            }

            exact = left.Divide(right);
        }

        return Finish(exact, a.Approx / b.Approx, position);
    }

    private Scalar? Power(Scalar a, Scalar b, int position)
    {
        if (a.Exact is { } baseExact && b.AsRational is { } exponent)
        {
            if (exponent.IsInteger)
            {
                return IntegerPower(a, baseExact, exponent.Numerator, position);
            }

            if (baseExact.AsRational is { } baseRational && RationalRoot(baseRational, exponent, position, out var root))
            {
                return root;
            }

            if (_error is not null)
            {
                return null;
            }
        }

        if (a.Approx < 0 && b.AsRational is { } odd && !odd.Denominator.IsEven)
        {
            // A real odd root of a negative base: (-8)^(1/3) = -2.
            var magnitude = double.Pow(-a.Approx, b.Approx);
            return Finish(null, odd.Numerator.IsEven ? magnitude : -magnitude, position);
        }

        var approx = double.Pow(a.Approx, b.Approx);
        if (a.Approx == 0 && b.Approx < 0)
        {
            return FailScalar(ReasonCodes.DivisionByZero, AnswerMessages.Format(AnswerMessages.DivisionByZero, position), position);
        }

        if (double.IsInfinity(approx) && !a.IsInfinite && !b.IsInfinite)
        {
            return FailScalar(ReasonCodes.NumberTooLarge, AnswerMessages.Format(AnswerMessages.NumberTooLarge, position), position);
        }

        return Finish(null, approx, position);
    }

    private Scalar? IntegerPower(Scalar a, ExactNumber baseExact, BigInteger exponent, int position)
    {
        if (baseExact.IsZero)
        {
            return exponent.Sign < 0
                ? FailScalar(ReasonCodes.DivisionByZero, AnswerMessages.Format(AnswerMessages.DivisionByZero, position), position)
                : Scalar.FromInteger(exponent.IsZero ? 1 : 0);
        }

        if (baseExact.AsRational is { } unit && unit.Abs() == BigRational.One)
        {
            var negative = unit.Sign < 0 && !exponent.IsEven;
            return Scalar.FromInteger(negative ? -1 : 1);
        }

        if (BigInteger.Abs(exponent) > MathLimits.MaxExponent)
        {
            return FailScalar(ReasonCodes.ExponentTooLarge, AnswerMessages.Format(AnswerMessages.ExponentTooLarge, position, MathLimits.MaxExponent), position);
        }

        var n = (int)BigInteger.Abs(exponent);
        // Bits − 1 underestimates log2 of the base so exact limits such as 2^4096 stay reachable; Finish checks the result.
        if ((long)n * long.Max(1, baseExact.Bits - 1) > MathLimits.MaxIntegerBits)
        {
            return FailScalar(ReasonCodes.NumberTooLarge, AnswerMessages.Format(AnswerMessages.NumberTooLarge, position), position);
        }

        ExactNumber? result = ExactNumber.FromRational(BigRational.One);
        var square = baseExact;
        var remaining = n;
        while (remaining > 0 && result is not null && square is not null)
        {
            if (!Charge(1 + (int)(square.Bits / 64)))
            {
                return null;
            }

            if ((remaining & 1) == 1)
            {
                result = result.Multiply(square);
            }

            remaining >>= 1;
            square = remaining > 0 ? square.Multiply(square) : square;
        }

        if (result is not null && exponent.Sign < 0)
        {
            result = result.Reciprocal();
        }

        return Finish(result, double.Pow(a.Approx, (double)exponent), position);
    }

    /// <summary>b^(p/q) for rational b: exact when the q-th root comes out exactly (or q = 2, via square roots).</summary>
    private bool RationalRoot(BigRational value, BigRational exponent, int position, out Scalar? result)
    {
        result = null;
        if (BigInteger.Abs(exponent.Numerator) > MathLimits.MaxExponent || exponent.Denominator > MathLimits.MaxExponent)
        {
            result = FailScalar(ReasonCodes.ExponentTooLarge, AnswerMessages.Format(AnswerMessages.ExponentTooLarge, position, MathLimits.MaxExponent), position);
            return true;
        }

        var q = (int)exponent.Denominator;
        var negative = value.Sign < 0;
        if (negative && q % 2 == 0)
        {
            result = FailScalar(ReasonCodes.NotARealNumber, AnswerMessages.Format(AnswerMessages.NotARealNumber, position), position);
            return true;
        }

        var magnitude = value.Abs();
        Scalar? root = null;
        if (SquareFactor.TryExactRoot(magnitude.Numerator, q, out var numeratorRoot) && SquareFactor.TryExactRoot(magnitude.Denominator, q, out var denominatorRoot))
        {
            root = Scalar.FromRational(BigRational.Create(negative ? -numeratorRoot : numeratorRoot, denominatorRoot));
        }
        else if (q == 2 && ExactNumber.FromRational(magnitude).Sqrt(ref _work) is { } sqrt)
        {
            root = new Scalar(sqrt);
        }

        if (root is null)
        {
            return false;
        }

        result = IntegerPower(root, root.Exact!, exponent.Numerator, position);
        return true;
    }

    private Scalar? Factorial(Scalar operand, int position)
    {
        if (operand.AsRational is not { IsInteger: true } value || value.Sign < 0)
        {
            return FailScalar(ReasonCodes.OutOfDomain, AnswerMessages.Format(AnswerMessages.OutOfDomain, "!", position), position);
        }

        if (value.Numerator > MathLimits.MaxFactorialArgument)
        {
            return FailScalar(ReasonCodes.FactorialTooLarge, AnswerMessages.Format(AnswerMessages.FactorialTooLarge, position, MathLimits.MaxFactorialArgument), position);
        }

        var n = (int)value.Numerator;
        if (!Charge(n))
        {
            return null;
        }

        var product = BigInteger.One;
        for (var i = 2; i <= n; i++)
        {
            product *= i;
        }

        return Scalar.FromRational(BigRational.FromInteger(product));
    }

    /// <summary>Builds the result, keeping it exact when possible and turning overflow and NaN into failures.</summary>
    private Scalar? Finish(ExactNumber? exact, double approx, int? position)
    {
        if (exact is not null)
        {
            if (exact.Bits > MathLimits.MaxIntegerBits)
            {
                return FailScalar(ReasonCodes.NumberTooLarge, AnswerMessages.Format(AnswerMessages.NumberTooLarge, position), position);
            }

            return new Scalar(exact);
        }

        if (double.IsNaN(approx))
        {
            return FailScalar(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position);
        }

        return new Scalar(approx);
    }

    private static int WorkOf(ExactNumber a, ExactNumber b) => 1 + (int)((a.Bits + b.Bits) / 256);

    private static SequenceValue? MapSequence(SequenceValue sequence, Func<MathValue, MathValue?> map)
    {
        var items = new List<MathValue>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (map(item) is not { } mapped)
            {
                return null;
            }

            items.Add(mapped);
        }

        return new SequenceValue(sequence.Kind, items);
    }
}
