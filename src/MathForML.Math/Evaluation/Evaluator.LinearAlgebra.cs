using MathForML.Math.Numbers;
using MathForML.Math.Syntax;
using MathNet.Numerics.LinearAlgebra;

namespace MathForML.Math.Evaluation;

/// <summary>
/// Matrix functions for answer expressions. Rational matrices are handled exactly by Gaussian elimination;
/// others (and eigenvalues beyond 2×2 and triangular matrices) use MathNet.Numerics in doubles.
/// </summary>
internal sealed partial class Evaluator
{
    private MathValue? EvalLinearAlgebra(FunctionInfo function, List<MathValue> args, int position)
    {
        if (function.Id == FunctionId.Dot)
        {
            return args[0] is SequenceValue u && args[1] is SequenceValue v && IsFlatVector(u) && IsFlatVector(v) && u.Items.Count == v.Items.Count
                ? DotProduct(u.Items.Cast<Scalar>().ToList(), v.Items.Cast<Scalar>().ToList(), position)
                : FailDomain(function, position);
        }

        if (function.Id == FunctionId.Norm)
        {
            var entries = args[0] is SequenceValue s ? Flatten(s) : null;
            var squares = entries is null ? null : DotProduct(entries, entries, position);
            return squares is null ? (entries is null ? FailDomain(function, position) : null) : SquareRoot(squares, position);
        }

        if (args[0] is not SequenceValue matrixValue || !matrixValue.TryGetMatrixShape(out var rows, out var columns))
        {
            return FailDomain(function, position);
        }

        var matrix = new Scalar[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                matrix[r, c] = (Scalar)((SequenceValue)matrixValue.Items[r]).Items[c];
            }
        }

        if (!Charge(rows * columns * int.Max(rows, columns)))
        {
            return null;
        }

        switch (function.Id)
        {
            case FunctionId.Transpose:
                return ToValue(columns, rows, (r, c) => matrix[c, r]);
            case FunctionId.Det when rows == columns:
                return Determinant(matrix, rows, position);
            case FunctionId.Inv when rows == columns:
                return Inverse(matrix, rows, function, position);
            case FunctionId.Solve when rows == columns && args[1] is SequenceValue b && IsFlatVector(b) && b.Items.Count == rows:
                return Solve(matrix, b.Items.Cast<Scalar>().ToArray(), function, position);
            case FunctionId.Eigenvalues when rows == columns:
                return Eigenvalues(matrix, rows, function, position);
            default:
                return FailDomain(function, position);
        }
    }

    private static bool IsFlatVector(SequenceValue value) => value.Items.Count > 0 && value.Items.All(item => item is Scalar);

    private static List<Scalar>? Flatten(SequenceValue value)
    {
        if (IsFlatVector(value))
        {
            return value.Items.Cast<Scalar>().ToList();
        }

        return value.TryGetMatrixShape(out _, out _) ? value.Items.SelectMany(row => ((SequenceValue)row).Items.Cast<Scalar>()).ToList() : null;
    }

    private Scalar? DotProduct(List<Scalar> u, List<Scalar> v, int position)
    {
        Scalar? sum = Scalar.FromInteger(0);
        for (var i = 0; i < u.Count && sum is not null; i++)
        {
            var product = Multiply(u[i], v[i], position);
            sum = product is null ? null : Add(sum, product, position);
        }

        return sum;
    }

    private static SequenceValue ToValue(int rows, int columns, Func<int, int, MathValue> entry)
    {
        var items = new List<MathValue>(rows);
        for (var r = 0; r < rows; r++)
        {
            var row = new List<MathValue>(columns);
            for (var c = 0; c < columns; c++)
            {
                row.Add(entry(r, c));
            }

            items.Add(new SequenceValue(SequenceKind.Bracket, row));
        }

        return new SequenceValue(SequenceKind.Bracket, items);
    }

    /// <summary>Entries larger than this go to MathNet in doubles: exact elimination on huge entries costs too much.</summary>
    private const int MaxExactEntryBits = 256;

    private static BigRational[,]? ToRational(Scalar[,] matrix, int rows, int columns, int extraColumns = 0)
    {
        if (rows > MathLimits.MaxExactMatrixDimension)
        {
            return null;
        }

        var result = new BigRational[rows, columns + extraColumns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (matrix[r, c].AsRational is not { } value || value.Bits > MaxExactEntryBits)
                {
                    return null;
                }

                result[r, c] = value;
            }
        }

        return result;
    }

    private static Matrix<double> ToMathNet(Scalar[,] matrix, int rows, int columns) =>
        Matrix<double>.Build.Dense(rows, columns, (r, c) => matrix[r, c].Approx);

    private Scalar? Determinant(Scalar[,] matrix, int n, int position)
    {
        if (ToRational(matrix, n, n) is not { } exact)
        {
            return FloatResult(ToMathNet(matrix, n, n).Determinant(), position);
        }

        var determinant = BigRational.One;
        for (var column = 0; column < n; column++)
        {
            var pivot = FindPivot(exact, column, n);
            if (pivot < 0)
            {
                return Scalar.FromInteger(0);
            }

            if (pivot != column)
            {
                SwapRows(exact, pivot, column, n);
                determinant = -determinant;
            }

            determinant *= exact[column, column];
            Eliminate(exact, column, n, n, belowOnly: true);
        }

        return Finish(ExactNumber.FromRational(determinant), 0, position);
    }

    private MathValue? Inverse(Scalar[,] matrix, int n, FunctionInfo function, int position) =>
        (MathValue?)Invert(matrix, n) ?? FailDomain(function, position);

    /// <summary>The inverse, exact for rational matrices up to <see cref="MathLimits.MaxExactMatrixDimension"/>; null when singular.</summary>
    private static SequenceValue? Invert(Scalar[,] matrix, int n)
    {
        if (ToRational(matrix, n, n, extraColumns: n) is not { } augmented)
        {
            var floating = ToMathNet(matrix, n, n);
            if (double.Abs(floating.Determinant()) < 1e-12)
            {
                return null;
            }

            var inverse = floating.Inverse();
            return ToValue(n, n, (r, c) => new Scalar(inverse[r, c]));
        }

        for (var i = 0; i < n; i++)
        {
            augmented[i, n + i] = BigRational.One;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    augmented[i, n + j] = BigRational.Zero;
                }
            }
        }

        return GaussJordan(augmented, n, 2 * n) ? ToValue(n, n, (r, c) => Scalar.FromRational(augmented[r, n + c])) : null;
    }

    private MathValue? Solve(Scalar[,] matrix, Scalar[] b, FunctionInfo function, int position)
    {
        var n = b.Length;
        if (ToRational(matrix, n, n, extraColumns: 1) is not { } augmented || b.Any(entry => entry.AsRational is null))
        {
            var floating = ToMathNet(matrix, n, n);
            if (double.Abs(floating.Determinant()) < 1e-12)
            {
                return FailDomain(function, position);
            }

            var solution = floating.Solve(Vector<double>.Build.Dense(n, i => b[i].Approx));
            return new SequenceValue(SequenceKind.Bracket, solution.Select(x => (MathValue)new Scalar(x)).ToList());
        }

        for (var i = 0; i < n; i++)
        {
            augmented[i, n] = b[i].AsRational!.Value;
        }

        return GaussJordan(augmented, n, n + 1)
            ? new SequenceValue(SequenceKind.Bracket, Enumerable.Range(0, n).Select(i => (MathValue)Scalar.FromRational(augmented[i, n])).ToList())
            : FailDomain(function, position);
    }

    private static bool GaussJordan(BigRational[,] augmented, int n, int width)
    {
        for (var column = 0; column < n; column++)
        {
            var pivot = FindPivot(augmented, column, n);
            if (pivot < 0)
            {
                return false;
            }

            SwapRows(augmented, pivot, column, width);
            var scale = augmented[column, column].Reciprocal();
            for (var c = 0; c < width; c++)
            {
                augmented[column, c] *= scale;
            }

            Eliminate(augmented, column, n, width, belowOnly: false);
        }

        return true;
    }

    private static int FindPivot(BigRational[,] matrix, int column, int n)
    {
        for (var r = column; r < n; r++)
        {
            if (!matrix[r, column].IsZero)
            {
                return r;
            }
        }

        return -1;
    }

    private static void SwapRows(BigRational[,] matrix, int a, int b, int width)
    {
        for (var c = 0; c < width && a != b; c++)
        {
            (matrix[a, c], matrix[b, c]) = (matrix[b, c], matrix[a, c]);
        }
    }

    private static void Eliminate(BigRational[,] matrix, int column, int n, int width, bool belowOnly)
    {
        for (var r = belowOnly ? column + 1 : 0; r < n; r++)
        {
            if (r == column || matrix[r, column].IsZero)
            {
                continue;
            }

            var factor = matrix[r, column] / matrix[column, column];
            for (var c = column; c < width; c++)
            {
                matrix[r, c] -= factor * matrix[column, c];
            }
        }
    }
}
