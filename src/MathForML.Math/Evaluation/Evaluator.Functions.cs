using System.Numerics;
using MathForML.Math.Numbers;
using MathForML.Math.Syntax;

namespace MathForML.Math.Evaluation;

internal sealed partial class Evaluator
{
    private MathValue? EvalCall(CallNode call)
    {
        if (!FunctionTable.TryGet(call.Name, out var function))
        {
            throw new InvalidOperationException($"The parser produced an unknown function '{call.Name}'.");
        }

        var arguments = EvalItems(call.Arguments, call.Start);
        if (arguments is null)
        {
            return null;
        }

        var position = call.Start;
        if (IsCollectionFunction(function.Id))
        {
            return EvalCollectionFunction(function, arguments, position);
        }

        var scalars = new Scalar[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is not Scalar scalar)
            {
                return FailDomain(function, position);
            }

            scalars[i] = scalar;
        }

        return EvalScalarFunction(function, scalars, position);
    }

    private static bool IsCollectionFunction(FunctionId id) => id is FunctionId.Det or FunctionId.Inv or FunctionId.Transpose
        or FunctionId.Eigenvalues or FunctionId.Solve or FunctionId.Norm or FunctionId.Dot or FunctionId.Mean
        or FunctionId.Variance or FunctionId.Std or FunctionId.Min or FunctionId.Max;

    private Scalar? EvalScalarFunction(FunctionInfo function, Scalar[] args, int position)
    {
        var x = args[0];
        switch (function.Id)
        {
            case FunctionId.Sqrt:
                return SquareRoot(x, position);
            case FunctionId.Cbrt:
                return Power(x, Scalar.FromRational(BigRational.Create(1, 3)), position);
            case FunctionId.Root:
                if (args[1].AsRational is not { IsInteger: true } index || index.Sign <= 0)
                {
                    return FailDomain(function, position);
                }

                return Power(x, Scalar.FromRational(index.Reciprocal()), position);
            case FunctionId.Exp:
                return x.Exact is { IsZero: true } ? Scalar.FromInteger(1) : FloatResult(double.Exp(x.Approx), position);
            case FunctionId.Ln:
                return Logarithm(x, null, function, position);
            case FunctionId.Log:
                return Logarithm(x, args.Length > 1 ? args[1] : null, function, position);
            case FunctionId.Log10:
                return Logarithm(x, Scalar.FromInteger(10), function, position);
            case FunctionId.Log2:
                return Logarithm(x, Scalar.FromInteger(2), function, position);
            case FunctionId.Abs:
                return x.Approx < 0 ? (Scalar?)Negate(x.WithForm(null), position) : x.WithForm(null);
            case FunctionId.Floor or FunctionId.Ceil:
                return Rounding(x, function.Id, position);
            case FunctionId.Round:
                return RoundTo(x, args.Length > 1 ? args[1] : Scalar.FromInteger(0), function, position);
            case FunctionId.Gcd or FunctionId.Lcm:
                return GcdOrLcm(function, x, args[1], position);
            case FunctionId.Choose:
                return Choose(function, x, args[1], position);
            case FunctionId.NormalPdf or FunctionId.NormalCdf or FunctionId.BinomialPdf or FunctionId.BinomialCdf:
                return Distribution(function, args, position);
            default:
                return Trigonometric(function, x, position);
        }
    }

    private Scalar? SquareRoot(Scalar x, int position)
    {
        if (x.Approx < 0)
        {
            return FailScalar(ReasonCodes.NotARealNumber, AnswerMessages.Format(AnswerMessages.NotARealNumber, position), position);
        }

        if (x.Exact is { } exact && exact.Sqrt(ref _work) is { } root)
        {
            return Charge(1) ? Finish(root, 0, position) : null;
        }

        return FloatResult(double.Sqrt(x.Approx), position);
    }

    private Scalar? Logarithm(Scalar x, Scalar? logBase, FunctionInfo function, int position)
    {
        if (x.Approx <= 0 || (logBase is not null && (logBase.Approx <= 0 || logBase.Approx == 1)))
        {
            return FailDomain(function, position);
        }

        if (x.AsRational is { } value && value == BigRational.One)
        {
            return Scalar.FromInteger(0);
        }

        if (logBase?.AsRational is { IsInteger: true } integerBase && x.AsRational is { } argument && TryExactLog(argument, integerBase.Numerator, out var exponent))
        {
            return Scalar.FromInteger(exponent);
        }

        var natural = double.Log(x.Approx);
        return FloatResult(logBase is null ? natural : natural / double.Log(logBase.Approx), position);
    }

    /// <summary>log_b(x) = k exactly when x = b^k for an integer k (log10(1000) = 3, log2(1/8) = -3).</summary>
    private static bool TryExactLog(BigRational x, BigInteger logBase, out int exponent)
    {
        exponent = 0;
        var (target, sign) = x.Denominator.IsOne ? (x.Numerator, 1) : x.Numerator.IsOne ? (x.Denominator, -1) : (BigInteger.Zero, 0);
        if (sign == 0 || logBase < 2 || target < 1)
        {
            return false;
        }

        var power = BigInteger.One;
        var k = 0;
        while (power < target && k < MathLimits.MaxIntegerBits)
        {
            power *= logBase;
            k++;
        }

        exponent = k * sign;
        return power == target;
    }

    private Scalar? Rounding(Scalar x, FunctionId id, int position)
    {
        if (x.AsRational is { } value)
        {
            var floor = BigInteger.Divide(value.Numerator - (value.Sign < 0 ? value.Denominator - 1 : 0), value.Denominator);
            var result = id == FunctionId.Floor || value.IsInteger ? floor : floor + 1;
            return Scalar.FromRational(BigRational.FromInteger(result));
        }

        var approx = id == FunctionId.Floor ? double.Floor(x.Approx) : double.Ceiling(x.Approx);
        return double.IsFinite(approx) && double.Abs(approx) < 1e15 ? Scalar.FromRational(BigRational.FromInteger(new BigInteger(approx))) : FloatResult(approx, position);
    }

    private Scalar? RoundTo(Scalar x, Scalar digits, FunctionInfo function, int position)
    {
        if (digits.AsRational is not { IsInteger: true } d || d.Numerator < 0 || d.Numerator > 15)
        {
            return FailDomain(function, position);
        }

        var places = (int)d.Numerator;
        if (x.AsRational is { } value)
        {
            var scaled = value * BigRational.PowerOfTen(places);
            var half = BigRational.Create(scaled.Sign < 0 ? -1 : 1, 2);
            var shifted = scaled + half;
            var truncated = BigInteger.Divide(shifted.Numerator, shifted.Denominator);
            return Scalar.FromRational(BigRational.FromInteger(truncated) / BigRational.PowerOfTen(places));
        }

        return FloatResult(double.Round(x.Approx, places, MidpointRounding.AwayFromZero), position);
    }

    private Scalar? GcdOrLcm(FunctionInfo function, Scalar a, Scalar b, int position)
    {
        if (a.AsRational is not { IsInteger: true } x || b.AsRational is not { IsInteger: true } y)
        {
            return FailDomain(function, position);
        }

        var gcd = BigInteger.GreatestCommonDivisor(x.Numerator, y.Numerator);
        if (function.Id == FunctionId.Gcd)
        {
            return Scalar.FromRational(BigRational.FromInteger(gcd));
        }

        return gcd.IsZero ? Scalar.FromInteger(0) : Scalar.FromRational(BigRational.FromInteger(BigInteger.Abs(x.Numerator * y.Numerator) / gcd));
    }

    private Scalar? Choose(FunctionInfo function, Scalar a, Scalar b, int position)
    {
        if (a.AsRational is not { IsInteger: true } nValue || b.AsRational is not { IsInteger: true } kValue
            || nValue.Sign < 0 || kValue.Sign < 0 || kValue > nValue)
        {
            return FailDomain(function, position);
        }

        if (nValue.Numerator > MathLimits.MaxIntegerBits)
        {
            return FailScalar(ReasonCodes.NumberTooLarge, AnswerMessages.Format(AnswerMessages.NumberTooLarge, position), position);
        }

        var n = (int)nValue.Numerator;
        var k = int.Min((int)kValue.Numerator, n - (int)kValue.Numerator);
        // Each step multiplies a number of up to n bits: charge by its size in 64-bit words.
        if (!Charge((k + 1) * (1 + (n / 64))))
        {
            return null;
        }

        var result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return Scalar.FromRational(BigRational.FromInteger(result));
    }

    private Scalar? FloatResult(double value, int position)
    {
        if (double.IsNaN(value))
        {
            return FailScalar(ReasonCodes.NotARealNumber, AnswerMessages.Format(AnswerMessages.NotARealNumber, position), position);
        }

        return double.IsInfinity(value)
            ? FailScalar(ReasonCodes.NumberTooLarge, AnswerMessages.Format(AnswerMessages.NumberTooLarge, position), position)
            : new Scalar(value);
    }

    private Scalar? FailDomain(FunctionInfo function, int position) =>
        FailScalar(ReasonCodes.OutOfDomain, AnswerMessages.Format(AnswerMessages.OutOfDomain, function.Name, position), position);
}
