using System.Text;
using MathForML.Math.Evaluation;

namespace MathForML.Math.Syntax;

/// <summary>
/// Prints a parsed input back in one normal form, with every grouping the reader chose made explicit:
/// products as <c>·</c>, a product after <c>/</c> in parentheses (<c>1/(2·x)</c>), numbers as typed.
/// </summary>
internal static class Reading
{
    private const int AdditiveLevel = 1;
    private const int ProductLevel = 2;
    private const int UnaryLevel = 3;
    private const int PowerLevel = 4;
    private const int PostfixLevel = 5;
    private const int AtomLevel = 6;

    public static string Of(Node node) => Of(node, null);

    /// <summary>The reading with some variables replaced by text (parameter values), each in parentheses.</summary>
    public static string Of(Node node, IReadOnlyDictionary<string, string>? substitutions)
    {
        var builder = new StringBuilder();
        Write(builder, node, substitutions);
        return builder.ToString();
    }

    private static int Level(Node node) => node switch
    {
        BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => AdditiveLevel,
        BinaryNode { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } => ProductLevel,
        BinaryNode => PowerLevel,
        NegateNode => UnaryLevel,
        PostfixNode => PostfixLevel,
        ComparisonNode => 0,
        LogicalNode => -1,
        _ => AtomLevel,
    };

    private static void Write(StringBuilder builder, Node node, IReadOnlyDictionary<string, string>? substitutions)
    {
        switch (node)
        {
            case NumberNode number:
                builder.Append(number.Token.Text);
                break;
            case ConstantNode constant:
                builder.Append(constant.Kind switch { ConstantKind.Pi => "π", ConstantKind.E => "e", _ => "∞" });
                break;
            case VariableNode variable when substitutions is not null && substitutions.TryGetValue(variable.Name, out var text):
                builder.Append('(').Append(text).Append(')');
                break;
            case VariableNode variable:
                builder.Append(variable.Name);
                break;
            case NoneNode:
                builder.Append("DNE");
                break;
            case NegateNode negate:
                builder.Append('-');
                WriteChild(builder, negate.Operand, Level(negate.Operand) < ProductLevel, substitutions);
                break;
            case BinaryNode binary:
                WriteBinary(builder, binary, substitutions);
                break;
            case PostfixNode postfix:
                WriteChild(builder, postfix.Operand, Level(postfix.Operand) < PostfixLevel, substitutions);
                builder.Append(postfix.Operator switch { PostfixOperator.Factorial => '!', PostfixOperator.Percent => '%', _ => '°' });
                break;
            case MixedNumberNode mixed:
                builder.Append('(').Append(mixed.Whole.Token.Text).Append(" + ").Append(mixed.Numerator.Token.Text)
                    .Append('/').Append(mixed.Denominator.Token.Text).Append(')');
                break;
            case CallNode { Name: "abs" } abs:
                builder.Append('|');
                Write(builder, abs.Arguments[0], substitutions);
                builder.Append('|');
                break;
            case CallNode call:
                builder.Append(call.Name);
                WriteItems(builder, "(", call.Arguments, ")", substitutions);
                break;
            case SequenceNode sequence:
                var (open, close) = sequence.Kind.Delimiters();
                WriteItems(builder, open, sequence.Items, close, substitutions);
                break;
            case SetNode set:
                WriteItems(builder, "{", set.Items, "}", substitutions);
                break;
            case IntervalNode interval:
                WriteItems(builder, interval.LowClosed ? "[" : "(", [interval.Low, interval.High], interval.HighClosed ? "]" : ")", substitutions);
                break;
            case ComparisonNode comparison:
                Write(builder, comparison.Left, substitutions);
                builder.Append(comparison.Operator switch
                {
                    ComparisonOperator.Less => " < ",
                    ComparisonOperator.LessEqual => " ≤ ",
                    ComparisonOperator.Greater => " > ",
                    ComparisonOperator.GreaterEqual => " ≥ ",
                    ComparisonOperator.Equal => " = ",
                    _ => " ≠ ",
                });
                Write(builder, comparison.Right, substitutions);
                break;
            case LogicalNode { Operator: LogicalOperator.Not } not:
                builder.Append("not ");
                WriteChild(builder, not.Left, Level(not.Left) < 0, substitutions);
                break;
            case LogicalNode logical:
                WriteChild(builder, logical.Left, Level(logical.Left) < -1, substitutions);
                builder.Append(logical.Operator == LogicalOperator.And ? " and " : " or ");
                WriteChild(builder, logical.Right!, Level(logical.Right!) < 0, substitutions);
                break;
            default:
                throw new InvalidOperationException($"No reading for {node.GetType().Name}.");
        }
    }

    private static void WriteBinary(StringBuilder builder, BinaryNode binary, IReadOnlyDictionary<string, string>? substitutions)
    {
        var left = Level(binary.Left);
        var right = Level(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.Add or BinaryOperator.Subtract:
                WriteChild(builder, binary.Left, left < AdditiveLevel, substitutions);
                builder.Append(binary.Operator == BinaryOperator.Add ? " + " : " - ");
                WriteChild(builder, binary.Right, binary.Operator == BinaryOperator.Subtract ? right <= AdditiveLevel : right < AdditiveLevel, substitutions);
                break;
            case BinaryOperator.Multiply or BinaryOperator.Divide:
                WriteChild(builder, binary.Left, left < ProductLevel, substitutions);
                builder.Append(binary.Operator == BinaryOperator.Multiply ? "·" : "/");
                WriteChild(builder, binary.Right, right <= ProductLevel, substitutions);
                break;
            default:
                WriteChild(builder, binary.Left, left <= PowerLevel, substitutions);
                builder.Append('^');
                WriteChild(builder, binary.Right, right < PowerLevel, substitutions);
                break;
        }
    }

    private static void WriteChild(StringBuilder builder, Node child, bool parenthesize, IReadOnlyDictionary<string, string>? substitutions)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        Write(builder, child, substitutions);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static void WriteItems(StringBuilder builder, string open, IReadOnlyList<Node> items, string close, IReadOnlyDictionary<string, string>? substitutions)
    {
        builder.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, items[i], substitutions);
        }

        builder.Append(close);
    }
}
