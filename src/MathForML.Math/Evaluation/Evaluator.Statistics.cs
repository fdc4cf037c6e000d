using MathForML.Math.Numbers;
using MathForML.Math.Syntax;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace MathForML.Math.Evaluation;

/// <summary>Statistics and distributions; exact for rational data where the formula allows.</summary>
internal sealed partial class Evaluator
{
    private MathValue? EvalCollectionFunction(FunctionInfo function, List<MathValue> args, int position)
    {
        if (function.Id is FunctionId.Mean or FunctionId.Variance or FunctionId.Std or FunctionId.Min or FunctionId.Max)
        {
            var data = args.Count == 1 && args[0] is SequenceValue list && IsFlatVector(list)
                ? list.Items.Cast<Scalar>().ToList()
                : args.All(arg => arg is Scalar) ? args.Cast<Scalar>().ToList() : null;
            return data is null ? FailDomain(function, position) : Summary(function, data, position);
        }

        return EvalLinearAlgebra(function, args, position);
    }

    private Scalar? Summary(FunctionInfo function, List<Scalar> data, int position)
    {
        switch (function.Id)
        {
            case FunctionId.Min or FunctionId.Max:
                var best = data[0];
                foreach (var value in data.Skip(1))
                {
                    var less = value.AsRational is { } a && best.AsRational is { } b ? a < b : value.Approx < best.Approx;
                    best = less == (function.Id == FunctionId.Min) && !SameValue(value, best) ? value : best;
                }

                return best.WithForm(null);
            case FunctionId.Mean:
                var sum = Sum(data, position);
                return sum is null ? null : Divide(sum, Scalar.FromInteger(data.Count), position);
            default:
                if (data.Count < 2)
                {
                    return FailDomain(function, position);
                }

                var variance = SampleVariance(data, position);
                return variance is null ? null : function.Id == FunctionId.Std ? SquareRoot(variance, position) : variance;
        }
    }

    private static bool SameValue(Scalar a, Scalar b) => a.Exact is { } x && b.Exact is { } y ? x.Equals(y) : a.Approx == b.Approx;

    private Scalar? Sum(List<Scalar> data, int position)
    {
        Scalar? sum = Scalar.FromInteger(0);
        foreach (var value in data)
        {
            sum = sum is null ? null : Add(sum, value, position);
        }

        return sum;
    }

    /// <summary>Sample variance (divisor n − 1): exact for exact data, MathNet's otherwise.</summary>
    private Scalar? SampleVariance(List<Scalar> data, int position)
    {
        if (data.Any(value => !value.IsExact))
        {
            return FloatResult(data.Select(value => value.Approx).Variance(), position);
        }

        var sum = Sum(data, position);
        var mean = sum is null ? null : Divide(sum, Scalar.FromInteger(data.Count), position);
        Scalar? squares = Scalar.FromInteger(0);
        foreach (var value in data)
        {
            var deviation = mean is null ? null : Subtract(value, mean, position);
            var square = deviation is null ? null : Multiply(deviation, deviation, position);
            squares = square is null || squares is null ? null : Add(squares, square, position);
        }

        return squares is null ? null : Divide(squares, Scalar.FromInteger(data.Count - 1), position);
    }

    private Scalar? Distribution(FunctionInfo function, Scalar[] args, int position)
    {
        var x = args[0].Approx;
        if (function.Id is FunctionId.NormalPdf or FunctionId.NormalCdf)
        {
            var (mean, deviation) = (args[1].Approx, args[2].Approx);
            if (!(deviation > 0) || !double.IsFinite(mean))
            {
                return FailDomain(function, position);
            }

            return FloatResult(function.Id == FunctionId.NormalPdf ? Normal.PDF(mean, deviation, x) : Normal.CDF(mean, deviation, x), position);
        }

        // binompdf(k, n, p), binomcdf(k, n, p)
        if (args[0].AsRational is not { IsInteger: true } k || args[1].AsRational is not { IsInteger: true } n
            || n.Sign < 0 || n.Numerator > 1_000_000 || !(args[2].Approx is >= 0 and <= 1))
        {
            return FailDomain(function, position);
        }

        var trials = (int)n.Numerator;
        var successes = (double)k.Numerator;
        var p = args[2].Approx;
        return FloatResult(
            function.Id == FunctionId.BinomialPdf
                ? (successes < 0 || successes > trials ? 0 : Binomial.PMF(p, trials, (int)successes))
                : Binomial.CDF(p, trials, successes),
            position);
    }
}
