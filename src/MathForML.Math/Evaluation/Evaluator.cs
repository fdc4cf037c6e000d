using System.Numerics;
using MathForML.Math.Numbers;
using MathForML.Math.Syntax;

namespace MathForML.Math.Evaluation;

/// <summary>What an evaluation may depend on besides the tree.</summary>
internal sealed record EvaluationSettings(AngleUnit AngleUnit, IReadOnlyDictionary<string, MathValue>? Variables = null)
{
    public static readonly EvaluationSettings Radians = new(AngleUnit.Radians);
}

/// <summary>
/// Evaluates a parsed tree to a value, exactly where it can (rationals, π, square roots), in doubles otherwise.
/// Failures are values: the first one is kept in <see cref="_error"/> and evaluation unwinds with null.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly EvaluationSettings _settings;
    private int _work;
    private MathError? _error;

    private Evaluator(EvaluationSettings settings) => _settings = settings;

    public static MathValue? Evaluate(Node root, EvaluationSettings settings, out MathError? error)
    {
        var evaluator = new Evaluator(settings);
        var value = evaluator.Eval(root);
        error = evaluator._error;
        return error is null ? value : null;
    }

    private MathValue? Eval(Node node)
    {
        if (!Charge(1))
        {
            return null;
        }

        return node switch
        {
            NumberNode number => Scalar.FromRational(number.Token.Number, number.Token.Form),
            ConstantNode constant => constant.Kind switch
            {
                ConstantKind.Pi => new Scalar(ExactNumber.Pi),
                ConstantKind.E => new Scalar(double.E),
                _ => new Scalar(double.PositiveInfinity),
            },
            VariableNode variable => LookUp(variable),
            NegateNode negate => EvalNegate(negate),
            BinaryNode binary => EvalBinary(binary),
            PostfixNode postfix => EvalPostfix(postfix),
            MixedNumberNode mixed => EvalMixedNumber(mixed),
            CallNode call => EvalCall(call),
            SequenceNode sequence => EvalSequence(sequence),
            SetNode set => EvalItems(set.Items, set.Start) is { } items ? new SetValue(items) : null,
            IntervalNode interval => EvalInterval(interval),
            NoneNode => NoneValue.Instance,
            ComparisonNode comparison => EvalComparison(comparison),
            LogicalNode logical => EvalLogical(logical),
            _ => throw new InvalidOperationException($"No evaluation for {node.GetType().Name}."),
        };
    }

    private MathValue? LookUp(VariableNode variable)
    {
        if (_settings.Variables is { } variables && variables.TryGetValue(variable.Name, out var value))
        {
            return value;
        }

        return Fail(ReasonCodes.UnknownVariable, AnswerMessages.Format(AnswerMessages.UnknownVariable, variable.Name, variable.Start), variable.Start);
    }

    private Scalar? EvalScalar(Node node)
    {
        var value = Eval(node);
        if (value is null or Scalar)
        {
            return (Scalar?)value;
        }

        Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, node.Start), node.Start);
        return null;
    }

    private MathValue? EvalNegate(NegateNode negate)
    {
        var operand = Eval(negate.Operand);
        return operand is null ? null : Negate(operand, negate.Start);
    }

    private MathValue? Negate(MathValue operand, int position)
    {
        switch (operand)
        {
            case Scalar scalar:
                if (scalar.Exact is { } exact)
                {
                    var form = scalar.Form;
                    if (form?.FractionNumerator is { } numerator)
                    {
                        form = form with { FractionNumerator = -numerator };
                    }

                    return new Scalar(exact.Negate(), form);
                }

                return new Scalar(-scalar.Approx);
            case SequenceValue sequence:
                return MapSequence(sequence, item => Negate(item, position));
            default:
                return Fail(ReasonCodes.NotANumber, AnswerMessages.Format(AnswerMessages.NotANumber, position), position);
        }
    }

    private MathValue? EvalBinary(BinaryNode binary)
    {
        if (IsScientificNotation(binary, out var exponent))
        {
            var mantissa = (Scalar?)Eval(binary.Left);
            var power = mantissa is null ? null : EvalScalar(binary.Right);
            var product = power is null ? null : Multiply(mantissa!, power, binary.OperatorPosition);
            return product?.WithForm(mantissa!.Form! with { DecimalPlaces = mantissa.Form!.DecimalPlaces - exponent });
        }

        var left = Eval(binary.Left);
        var right = left is null ? null : Eval(binary.Right);
        if (left is null || right is null)
        {
            return null;
        }

        if (left is Scalar a && right is Scalar b)
        {
            return binary.Operator switch
            {
                BinaryOperator.Add => Add(a, b, binary.OperatorPosition),
                BinaryOperator.Subtract => Subtract(a, b, binary.OperatorPosition),
                BinaryOperator.Multiply => Multiply(a, b, binary.OperatorPosition),
                BinaryOperator.Divide => DivideWithForm(a, b, binary),
                _ => Power(a, b, binary.OperatorPosition),
            };
        }

        return CombineCollections(binary, left, right);
    }

    /// <summary><c>1.2×10^3</c>, <c>1.2*10^-3</c>: a literal times a power of ten keeps the literal's figures.</summary>
    private static bool IsScientificNotation(BinaryNode binary, out int exponent)
    {
        exponent = 0;
        if (binary.Operator != BinaryOperator.Multiply || binary.IsImplicit
            || binary.Left is not NumberNode { Parenthesized: false } mantissa
            || mantissa.Token.Text!.Contains('e', StringComparison.OrdinalIgnoreCase)
            || binary.Right is not BinaryNode { Operator: BinaryOperator.Power, Parenthesized: false, Left: NumberNode { Token.Text: "10" } } power)
        {
            return false;
        }

        var (negative, literal) = power.Right switch
        {
            NumberNode number => (false, number),
            NegateNode { Operand: NumberNode number } => (true, number),
            _ => (false, null),
        };
        if (literal is null || !literal.Token.IsPlainInteger || literal.Token.Number.Numerator > MathLimits.MaxDecimalExponent)
        {
            return false;
        }

        exponent = (int)literal.Token.Number.Numerator * (negative ? -1 : 1);
        return true;
    }

    /// <summary>Keeps the typed form of a literal fraction a/b so reduced form can be judged.</summary>
    private Scalar? DivideWithForm(Scalar a, Scalar b, BinaryNode binary)
    {
        var quotient = Divide(a, b, binary.OperatorPosition);
        if (quotient is null || !TryIntegerLiteral(binary.Left, out var numerator) || !TryIntegerLiteral(binary.Right, out var denominator))
        {
            return quotient;
        }

        return quotient.WithForm(new NumberForm(0, 0, 0, numerator, denominator));
    }

    private static bool TryIntegerLiteral(Node node, out BigInteger value)
    {
        (value, var ok) = node switch
        {
            NumberNode { Token.IsPlainInteger: true } number => (number.Token.Number.Numerator, true),
            NegateNode { Operand: NumberNode { Token.IsPlainInteger: true } number } => (-number.Token.Number.Numerator, true),
            _ => (BigInteger.Zero, false),
        };
        return ok;
    }

    private static Scalar? EvalMixedNumber(MixedNumberNode mixed)
    {
        var whole = mixed.Whole.Token.Number;
        var fraction = BigRational.Create(mixed.Numerator.Token.Number.Numerator, mixed.Denominator.Token.Number.Numerator);
        var form = new NumberForm(0, 0, 0, mixed.Numerator.Token.Number.Numerator, mixed.Denominator.Token.Number.Numerator);
        return Scalar.FromRational(whole + fraction, form);
    }

    private Scalar? EvalPostfix(PostfixNode postfix)
    {
        var operand = EvalScalar(postfix.Operand);
        if (operand is null)
        {
            return null;
        }

        switch (postfix.Operator)
        {
            case PostfixOperator.Factorial:
                return Factorial(operand, postfix.OperatorPosition);
            case PostfixOperator.Percent:
                var percent = Divide(operand, Scalar.FromInteger(100), postfix.OperatorPosition);
                var form = operand.Form is { IsDecimal: true } f ? f with { DecimalPlaces = f.DecimalPlaces + 2 } : null;
                return percent?.WithForm(form);
            default:
                return _settings.AngleUnit == AngleUnit.Degrees
                    ? operand.WithForm(null)
                    : Multiply(operand, DegreeInRadians(), postfix.OperatorPosition);
        }
    }

    private static Scalar DegreeInRadians() =>
        new(ExactNumber.Pi.Multiply(ExactNumber.FromRational(BigRational.Create(1, 180)))!);

    private MathValue? EvalSequence(SequenceNode sequence)
    {
        var items = EvalItems(sequence.Items, sequence.Start);
        if (items is null)
        {
            return null;
        }

        var value = new SequenceValue(sequence.Kind, items);
        if (!items.Any(item => item is SequenceValue))
        {
            return value;
        }

        if (!value.TryGetMatrixShape(out var rows, out var columns))
        {
            return Fail(ReasonCodes.RaggedMatrix, AnswerMessages.Format(AnswerMessages.RaggedMatrix, sequence.Start), sequence.Start);
        }

        if (rows > MathLimits.MaxMatrixDimension || columns > MathLimits.MaxMatrixDimension)
        {
            return Fail(ReasonCodes.MatrixTooLarge, AnswerMessages.Format(AnswerMessages.MatrixTooLarge, MathLimits.MaxMatrixDimension), sequence.Start);
        }

        return value;
    }

    private List<MathValue>? EvalItems(IReadOnlyList<Node> nodes, int position)
    {
        if (nodes.Count > MathLimits.MaxListLength)
        {
            Fail(ReasonCodes.ListTooLong, AnswerMessages.Format(AnswerMessages.ListTooLong, MathLimits.MaxListLength), position);
            return null;
        }

        var items = new List<MathValue>(nodes.Count);
        foreach (var node in nodes)
        {
            var item = Eval(node);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
        }

        return items;
    }

    private IntervalValue? EvalInterval(IntervalNode interval)
    {
        var low = EvalScalar(interval.Low);
        var high = low is null ? null : EvalScalar(interval.High);
        return high is null ? null : new IntervalValue(low!, high, interval.LowClosed, interval.HighClosed);
    }

    private bool Charge(int units)
    {
        _work += units;
        if (_work <= MathLimits.MaxEvaluationWork)
        {
            return true;
        }

        Fail(ReasonCodes.TooMuchWork, AnswerMessages.TooMuchWork, null);
        return false;
    }

    private MathValue? Fail(string reason, string message, int? position)
    {
        _error ??= new MathError(reason, message, position);
        return null;
    }

    private Scalar? FailScalar(string reason, string message, int? position)
    {
        Fail(reason, message, position);
        return null;
    }
}
