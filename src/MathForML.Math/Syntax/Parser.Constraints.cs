namespace MathForML.Math.Syntax;

/// <summary>The constraint-only layer of the grammar: or, and, not, and one comparison per operand.</summary>
internal sealed partial class Parser
{
    private Node? ParseOr()
    {
        var left = ParseAnd();
        while (left is not null && IsWord("or"))
        {
            var start = Advance().Start;
            var right = ParseAnd();
            left = right is null ? null : new LogicalNode(LogicalOperator.Or, left, right, start);
        }

        return left;
    }

    private Node? ParseAnd()
    {
        var left = ParseNot();
        while (left is not null && IsWord("and"))
        {
            var start = Advance().Start;
            var right = ParseNot();
            left = right is null ? null : new LogicalNode(LogicalOperator.And, left, right, start);
        }

        return left;
    }

    private Node? ParseNot()
    {
        if (!IsWord("not"))
        {
            return ParseComparison();
        }

        var start = Advance().Start;
        if (!Enter())
        {
            return null;
        }

        var operand = ParseNot();
        _depth--;
        return operand is null ? null : new LogicalNode(LogicalOperator.Not, operand, null, start);
    }

    private bool IsWord(string word) => Kind == TokenKind.Identifier && Current.Text == word;

    private Node? ParseComparison()
    {
        var left = ParseAdditive();
        if (left is null)
        {
            return null;
        }

        ComparisonOperator? op = Kind switch
        {
            TokenKind.Less => ComparisonOperator.Less,
            TokenKind.LessEqual => ComparisonOperator.LessEqual,
            TokenKind.Greater => ComparisonOperator.Greater,
            TokenKind.GreaterEqual => ComparisonOperator.GreaterEqual,
            TokenKind.Equal => ComparisonOperator.Equal,
            TokenKind.NotEqual => ComparisonOperator.NotEqual,
            _ => null,
        };
        if (op is null)
        {
            return left;
        }

        Advance();
        var right = ParseAdditive();
        return right is null ? null : new ComparisonNode(op.Value, left, right);
    }
}
