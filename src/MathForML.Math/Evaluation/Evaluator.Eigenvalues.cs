using MathForML.Math.Numbers;
using MathForML.Math.Syntax;
using MathNet.Numerics.LinearAlgebra;

namespace MathForML.Math.Evaluation;

/// <summary>
/// Real eigenvalues of a square matrix, sorted ascending: exact for rational 2×2 matrices (with a square root where one
/// arises) and for triangular matrices with exact entries; MathNet's eigenvalue decomposition in doubles otherwise.
/// Complex eigenvalues fail with <see cref="ReasonCodes.NotARealNumber"/>.
/// </summary>
internal sealed partial class Evaluator
{
    /// <summary>
    /// Imaginary parts up to this fraction of the largest entry are rounding noise: a repeated eigenvalue of a defective
    /// matrix (a k×k Jordan block) moves by about (machine epsilon)^(1/k), into a complex pair.
    /// </summary>
    private const double ImaginaryNoise = 1e-4;

    private MathValue? Eigenvalues(Scalar[,] matrix, int n, FunctionInfo function, int position)
    {
        var scale = 0.0;
        foreach (var entry in matrix)
        {
            if (!double.IsFinite(entry.Approx))
            {
                return FailDomain(function, position);
            }

            scale = double.Max(scale, double.Abs(entry.Approx));
        }

        if (n == 2 && ToRational(matrix, 2, 2) is not null)
        {
            return ExactEigenvalues2x2(matrix, position);
        }

        if (TriangularDiagonal(matrix, n) is { } diagonal)
        {
            return new SequenceValue(SequenceKind.Bracket, diagonal.OrderBy(value => value.Approx).Cast<MathValue>().ToList());
        }

        var floating = Matrix<double>.Build.Dense(n, n, (r, c) => matrix[r, c].Approx);
        var evd = floating.Evd(IsSymmetric(matrix, n) ? Symmetricity.Symmetric : Symmetricity.Asymmetric);
        var values = new List<double>(n);
        foreach (var value in evd.EigenValues)
        {
            if (double.Abs(value.Imaginary) > ImaginaryNoise * scale)
            {
                return FailComplexEigenvalues(position);
            }

            values.Add(value.Real);
        }

        values.Sort();
        return new SequenceValue(SequenceKind.Bracket, values.Select(value => (MathValue)new Scalar(value)).ToList());
    }

    /// <summary>λ = (a+d)/2 ± √(((a−d)/2)² + bc); complex when the radicand is negative.</summary>
    private SequenceValue? ExactEigenvalues2x2(Scalar[,] matrix, int position)
    {
        var half = Scalar.FromRational(BigRational.Create(1, 2));
        var mean = Add(matrix[0, 0], matrix[1, 1], position) is { } trace ? Multiply(trace, half, position) : null;
        var gap = Subtract(matrix[0, 0], matrix[1, 1], position) is { } difference ? Multiply(difference, half, position) : null;
        var gapSquared = gap is null ? null : Multiply(gap, gap, position);
        var offProduct = Multiply(matrix[0, 1], matrix[1, 0], position);
        var radicand = gapSquared is null || offProduct is null ? null : Add(gapSquared, offProduct, position);
        if (radicand is { Exact.Sign: < 0 })
        {
            return FailComplexEigenvalues(position);
        }

        var root = radicand is null ? null : SquareRoot(radicand, position);
        var low = mean is null || root is null ? null : Subtract(mean, root, position);
        var high = mean is null || root is null ? null : Add(mean, root, position);
        return low is null || high is null ? null : new SequenceValue(SequenceKind.Bracket, [low, high]);
    }

    /// <summary>The diagonal of an upper or lower triangular matrix with exact entries, or null.</summary>
    private static List<Scalar>? TriangularDiagonal(Scalar[,] matrix, int n)
    {
        bool upper = true, lower = true;
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                if (matrix[r, c].Exact is not { } exact)
                {
                    return null;
                }

                upper &= r <= c || exact.IsZero;
                lower &= r >= c || exact.IsZero;
            }
        }

        return upper || lower ? Enumerable.Range(0, n).Select(i => matrix[i, i].WithForm(null)).ToList() : null;
    }

    private static bool IsSymmetric(Scalar[,] matrix, int n)
    {
        for (var r = 0; r < n; r++)
        {
            for (var c = r + 1; c < n; c++)
            {
                var symmetric = matrix[r, c].Exact is { } a && matrix[c, r].Exact is { } b
                    ? a.Equals(b)
                    : double.Abs(matrix[r, c].Approx - matrix[c, r].Approx) <= 1e-12 * (1 + double.Abs(matrix[r, c].Approx));
                if (!symmetric)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private SequenceValue? FailComplexEigenvalues(int position)
    {
        Fail(ReasonCodes.NotARealNumber, AnswerMessages.Format(AnswerMessages.ComplexEigenvalues, position), position);
        return null;
    }
}
