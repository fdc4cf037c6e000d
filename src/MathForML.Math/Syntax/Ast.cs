using MathForML.Math.Evaluation;

namespace MathForML.Math.Syntax;

/// <summary>A node of the parsed input; <see cref="Start"/> and <see cref="End"/> index the raw input.</summary>
internal abstract class Node(int start, int end)
{
    public int Start { get; } = start;
    public int End { get; } = end;

    /// <summary>Written inside its own parentheses (so no precedence question arises about it).</summary>
    public bool Parenthesized { get; set; }
}

internal sealed class NumberNode(Token token) : Node(token.Start, token.End)
{
    public Token Token { get; } = token;
}

internal enum ConstantKind
{
    Pi,
    E,
    Infinity,
}

internal sealed class ConstantNode(ConstantKind kind, int start, int end) : Node(start, end)
{
    public ConstantKind Kind { get; } = kind;
}

internal sealed class VariableNode(string name, int start, int end) : Node(start, end)
{
    public string Name { get; } = name;
}

internal sealed class NegateNode(Node operand, int start) : Node(start, operand.End)
{
    public Node Operand { get; } = operand;
}

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

internal sealed class BinaryNode(BinaryOperator op, Node left, Node right, int operatorPosition, bool isImplicit = false)
    : Node(left.Start, right.End)
{
    public BinaryOperator Operator { get; } = op;
    public Node Left { get; } = left;
    public Node Right { get; } = right;
    public int OperatorPosition { get; } = operatorPosition;

    /// <summary>A product written by juxtaposition (<c>2x</c>, <c>2(3+1)</c>).</summary>
    public bool IsImplicit { get; } = isImplicit;
}

internal enum PostfixOperator
{
    Factorial,
    Percent,
    /// <summary><c>30°</c>: an angle in degrees, converted to the problem's angle unit.</summary>
    Degree,
}

internal sealed class PostfixNode(PostfixOperator op, Node operand, int operatorPosition) : Node(operand.Start, operatorPosition + 1)
{
    public PostfixOperator Operator { get; } = op;
    public Node Operand { get; } = operand;
    public int OperatorPosition { get; } = operatorPosition;
}

internal sealed class CallNode(string name, IReadOnlyList<Node> arguments, int start, int end) : Node(start, end)
{
    public string Name { get; } = name;
    public IReadOnlyList<Node> Arguments { get; } = arguments;
}

/// <summary><c>4 1/2</c>: whole + numerator/denominator, the sign of a leading minus applying to the whole.</summary>
internal sealed class MixedNumberNode(NumberNode whole, NumberNode numerator, NumberNode denominator)
    : Node(whole.Start, denominator.End)
{
    public NumberNode Whole { get; } = whole;
    public NumberNode Numerator { get; } = numerator;
    public NumberNode Denominator { get; } = denominator;
}

internal sealed class SequenceNode(SequenceKind kind, IReadOnlyList<Node> items, int start, int end) : Node(start, end)
{
    public SequenceKind Kind { get; } = kind;
    public IReadOnlyList<Node> Items { get; } = items;
}

internal sealed class SetNode(IReadOnlyList<Node> items, int start, int end) : Node(start, end)
{
    public IReadOnlyList<Node> Items { get; } = items;
}

internal sealed class IntervalNode(Node low, Node high, bool lowClosed, bool highClosed, int start, int end) : Node(start, end)
{
    public Node Low { get; } = low;
    public Node High { get; } = high;
    public bool LowClosed { get; } = lowClosed;
    public bool HighClosed { get; } = highClosed;
}

internal sealed class NoneNode(int start, int end) : Node(start, end);

internal enum ComparisonOperator
{
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
}

/// <summary>Only in parameter constraints: <c>a &lt; b</c>, <c>a != 0</c>.</summary>
internal sealed class ComparisonNode(ComparisonOperator op, Node left, Node right) : Node(left.Start, right.End)
{
    public ComparisonOperator Operator { get; } = op;
    public Node Left { get; } = left;
    public Node Right { get; } = right;
}

internal enum LogicalOperator
{
    And,
    Or,
    Not,
}

/// <summary>Only in parameter constraints: <c>and</c>, <c>or</c>, <c>not</c>; <see cref="Right"/> is null for <c>not</c>.</summary>
internal sealed class LogicalNode(LogicalOperator op, Node left, Node? right, int start) : Node(start, right?.End ?? left.End)
{
    public LogicalOperator Operator { get; } = op;
    public Node Left { get; } = left;
    public Node? Right { get; } = right;
}
