using MathForML.Math.Syntax;

namespace MathForML.Math.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>Vector and matrix arithmetic: scaling, entrywise sums, matrix products (rows of brackets) and integer powers.</summary>
    private MathValue? CombineCollections(BinaryNode binary, MathValue left, MathValue right)
    {
        var position = binary.OperatorPosition;
        switch (binary.Operator)
        {
            case BinaryOperator.Multiply when left is Scalar scale && right is SequenceValue sequence:
                return MapSequence(sequence, item => ScaleItem(item, scale, position));
            case BinaryOperator.Multiply when left is SequenceValue sequence && right is Scalar scale:
                return MapSequence(sequence, item => ScaleItem(item, scale, position));
            case BinaryOperator.Divide when left is SequenceValue sequence && right is Scalar divisor:
                return MapSequence(sequence, item => item is Scalar s ? Divide(s, divisor, position) : DivideItem(item, divisor, position));
            case BinaryOperator.Add or BinaryOperator.Subtract when left is SequenceValue a && right is SequenceValue b && a.Items.Count == b.Items.Count:
                return Entrywise(a, b, binary.Operator == BinaryOperator.Add, position);
            case BinaryOperator.Multiply when left is SequenceValue a && right is SequenceValue b:
                return MatrixProduct(a, b, position);
            case BinaryOperator.Power when left is SequenceValue matrix && right is Scalar exponent:
                return MatrixPower(matrix, exponent, position);
            default:
                return Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position);
        }
    }

    private MathValue? ScaleItem(MathValue item, Scalar scale, int position) => item switch
    {
        Scalar s => Multiply(scale, s, position),
        SequenceValue row => MapSequence(row, inner => ScaleItem(inner, scale, position)),
        _ => Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position),
    };

    private MathValue? DivideItem(MathValue item, Scalar divisor, int position) => item switch
    {
        Scalar s => Divide(s, divisor, position),
        SequenceValue row => MapSequence(row, inner => DivideItem(inner, divisor, position)),
        _ => Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position),
    };

    private SequenceValue? Entrywise(SequenceValue a, SequenceValue b, bool add, int position)
    {
        var items = new List<MathValue>(a.Items.Count);
        for (var i = 0; i < a.Items.Count; i++)
        {
            MathValue? sum = (a.Items[i], b.Items[i]) switch
            {
                (Scalar x, Scalar y) => add ? Add(x, y, position) : Subtract(x, y, position),
                (SequenceValue x, SequenceValue y) when x.Items.Count == y.Items.Count => Entrywise(x, y, add, position),
                _ => Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position),
            };
            if (sum is null)
            {
                return null;
            }

            items.Add(sum);
        }

        return new SequenceValue(a.Kind, items);
    }

    /// <summary>A·B for matrices, or A·v with v a flat vector treated as a column (the result is then a flat vector).</summary>
    private MathValue? MatrixProduct(SequenceValue a, SequenceValue b, int position)
    {
        if (!a.TryGetMatrixShape(out var rows, out var inner))
        {
            return Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position);
        }

        var isVector = !b.TryGetMatrixShape(out var bRows, out var columns);
        if (isVector)
        {
            if (b.Items.Any(item => item is not Scalar))
            {
                return Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position);
            }

            bRows = b.Items.Count;
            columns = 1;
        }

        if (bRows != inner || !Charge(rows * inner * columns))
        {
            return Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position);
        }

        Scalar Entry(SequenceValue matrix, int r, int c) => (Scalar)((SequenceValue)matrix.Items[r]).Items[c];
        var resultRows = new List<MathValue>(rows);
        for (var r = 0; r < rows; r++)
        {
            var row = new List<MathValue>(columns);
            for (var c = 0; c < columns; c++)
            {
                Scalar? sum = Scalar.FromInteger(0);
                for (var k = 0; k < inner && sum is not null; k++)
                {
                    var right = isVector ? (Scalar)b.Items[k] : Entry(b, k, c);
                    var product = Multiply(Entry(a, r, k), right, position);
                    sum = product is null ? null : Add(sum, product, position);
                }

                if (sum is null)
                {
                    return null;
                }

                row.Add(sum);
            }

            resultRows.Add(isVector ? row[0] : new SequenceValue(SequenceKind.Bracket, row));
        }

        return new SequenceValue(SequenceKind.Bracket, resultRows);
    }

    private Scalar? EvalComparison(ComparisonNode comparison)
    {
        var left = EvalScalar(comparison.Left);
        var right = left is null ? null : EvalScalar(comparison.Right);
        if (left is null || right is null)
        {
            return null;
        }

        int order;
        bool equal;
        if (left.AsRational is { } a && right.AsRational is { } b)
        {
            order = a.CompareTo(b);
            equal = order == 0;
        }
        else
        {
            equal = left.Exact is { } x && right.Exact is { } y ? x.Equals(y) : left.Approx == right.Approx;
            order = equal ? 0 : left.Approx.CompareTo(right.Approx);
        }

        var result = comparison.Operator switch
        {
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            ComparisonOperator.GreaterEqual => order >= 0,
            ComparisonOperator.Equal => equal,
            _ => !equal,
        };
        return Scalar.FromInteger(result ? 1 : 0);
    }

    private Scalar? EvalLogical(LogicalNode logical)
    {
        var left = EvalScalar(logical.Left);
        if (left is null)
        {
            return null;
        }

        var leftTrue = left.Approx != 0;
        if (logical.Operator == LogicalOperator.Not)
        {
            return Scalar.FromInteger(leftTrue ? 0 : 1);
        }

        // Both sides are always evaluated so a malformed right side is reported even when the left decides.
        var right = EvalScalar(logical.Right!);
        if (right is null)
        {
            return null;
        }

        var rightTrue = right.Approx != 0;
        var result = logical.Operator == LogicalOperator.And ? leftTrue && rightTrue : leftTrue || rightTrue;
        return Scalar.FromInteger(result ? 1 : 0);
    }
}
