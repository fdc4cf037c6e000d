using MathForML.Math.Syntax;

namespace MathForML.Math.Evaluation;

/// <summary>
/// <c>A^n</c> for a square matrix and an integer n: repeated squaring with the entrywise arithmetic of matrix
/// products (exact for exact entries); <c>A^0</c> is the identity and <c>A^-n</c> is <c>inv(A)^n</c>.
/// </summary>
internal sealed partial class Evaluator
{
    private MathValue? MatrixPower(SequenceValue matrix, Scalar exponent, int position)
    {
        if (!matrix.TryGetMatrixShape(out var rows, out var columns) || rows != columns)
        {
            return Fail(ReasonCodes.MatrixNotSquare, AnswerMessages.Format(AnswerMessages.MatrixNotSquare, position), position);
        }

        if (exponent.AsRational is not { IsInteger: true } integer)
        {
            return Fail(ReasonCodes.MatrixPowerNotInteger, AnswerMessages.Format(AnswerMessages.MatrixPowerNotInteger, position), position);
        }

        if (System.Numerics.BigInteger.Abs(integer.Numerator) > MathLimits.MaxExponent)
        {
            return Fail(ReasonCodes.ExponentTooLarge, AnswerMessages.Format(AnswerMessages.ExponentTooLarge, position, MathLimits.MaxExponent), position);
        }

        var n = rows;
        var power = (int)integer.Numerator;
        var square = matrix;
        if (power < 0)
        {
            if (!Charge(n * n * n))
            {
                return null;
            }

            var entries = new Scalar[n, n];
            for (var r = 0; r < n; r++)
            {
                for (var c = 0; c < n; c++)
                {
                    entries[r, c] = (Scalar)((SequenceValue)matrix.Items[r]).Items[c];
                }
            }

            if (Invert(entries, n) is not { } inverse)
            {
                return Fail(ReasonCodes.SingularMatrix, AnswerMessages.Format(AnswerMessages.SingularMatrixPower, position), position);
            }

            square = inverse;
            power = -power;
        }

        SequenceValue? result = null;
        while (power > 0)
        {
            if ((power & 1) == 1)
            {
                result = result is null ? square : MatrixProduct(result, square, position) as SequenceValue;
                if (result is null)
                {
                    return null;
                }
            }

            power >>= 1;
            if (power > 0)
            {
                square = MatrixProduct(square, square, position) as SequenceValue;
                if (square is null)
                {
                    return null;
                }
            }
        }

        if (result is null || ReferenceEquals(result, matrix))
        {
            // A^0 = I, and A^1 is A without the typed forms of its literals (like any other computed value).
            var source = result;
            return ToValue(n, n, (r, c) => source is null
                ? Scalar.FromInteger(r == c ? 1 : 0)
                : ((Scalar)((SequenceValue)source.Items[r]).Items[c]).WithForm(null));
        }

        return result.Items.Any(row => ((SequenceValue)row).Items.Any(entry => ((Scalar)entry).IsInfinite))
            ? Fail(ReasonCodes.NumberTooLarge, AnswerMessages.Format(AnswerMessages.NumberTooLarge, position), position)
            : result;
    }
}
