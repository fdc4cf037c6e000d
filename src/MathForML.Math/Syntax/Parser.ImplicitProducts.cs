namespace MathForML.Math.Syntax;

/// <summary>
/// Juxtaposition: <c>2x</c>, <c>2(3+1)</c>, <c>2 sqrt(3)</c> are products that bind tighter than explicit * and /;
/// a plain integer followed by a proper fraction (<c>4 1/2</c>) is a mixed number; other numbers side by side are an error.
/// </summary>
internal sealed partial class Parser
{
    private Node? ParseImplicitProduct()
    {
        var left = ParsePower();
        while (left is not null && StartsImplicitFactor())
        {
            if (Current.Kind == TokenKind.Number && EndsWithNumber(left))
            {
                if (TryParseMixedNumber(left) is { } mixed)
                {
                    left = mixed;
                    continue;
                }

                if (_error is not null)
                {
                    return null;
                }

                return Fail(ReasonCodes.MissingOperator, AnswerMessages.Format(AnswerMessages.MissingOperator, Current.Start), Current.Start);
            }

            var position = Current.Start;
            var right = ParsePower();
            left = right is null ? null : new BinaryNode(BinaryOperator.Multiply, left, right, position, isImplicit: true);
        }

        return left;
    }

    private static bool EndsWithNumber(Node node) => node switch
    {
        NumberNode or MixedNumberNode => true,
        PostfixNode { Operator: PostfixOperator.Percent } => true,
        BinaryNode { Operator: BinaryOperator.Power, Parenthesized: false } power => EndsWithNumber(power.Right),
        _ => false,
    };

    /// <summary><c>4 1/2</c> after a plain integer: a space, then integer / integer with numerator &lt; denominator.</summary>
    private MixedNumberNode? TryParseMixedNumber(Node left)
    {
        if (left is not NumberNode { Parenthesized: false } whole || !whole.Token.IsPlainInteger || !Current.SpaceBefore
            || _position + 2 >= _tokens.Count)
        {
            return null;
        }

        var numerator = _tokens[_position];
        var slash = _tokens[_position + 1];
        var denominator = _tokens[_position + 2];
        var after = _tokens[_position + 3 < _tokens.Count ? _position + 3 : _position + 2];
        if (!numerator.IsPlainInteger || slash.Kind != TokenKind.Slash || !denominator.IsPlainInteger
            || denominator.Number.IsZero || numerator.Number >= denominator.Number
            || after.Kind is TokenKind.Caret or TokenKind.Bang or TokenKind.Percent)
        {
            return null;
        }

        _position += 3;
        var node = new MixedNumberNode(whole, new NumberNode(numerator), new NumberNode(denominator));
        Note(AnswerMessages.Format(AnswerMessages.MixedNumberReading, _input[node.Start..node.End], Reading.Of(node)));
        return node;
    }

    private bool StartsImplicitFactor() => Kind switch
    {
        TokenKind.Number or TokenKind.LParen or TokenKind.Sqrt or TokenKind.CubeRoot or TokenKind.Frac => true,
        TokenKind.Identifier => !(_constraintMode && Current.Text is "and" or "or" or "not"),
        TokenKind.Bar => _absDepth == 0,
        _ => false,
    };
}
