using MathForML.Math.Evaluation;

namespace MathForML.Math.Syntax;

/// <summary>The parsed input and what the reader noticed about it.</summary>
/// <param name="Root">The expression tree.</param>
/// <param name="AmbiguityNotes">Explanations of readings a member might not have meant (e.g. <c>1/2x</c>).</param>
/// <param name="HasDecimalLiteral">The input contains a decimal or scientific literal, i.e. possibly an approximation.</param>
internal sealed record ParsedInput(Node Root, IReadOnlyList<string> AmbiguityNotes, bool HasDecimalLiteral);

/// <summary>
/// Recursive-descent parser of the answer language. Precedence, loosest first: comma lists; (constraints only:
/// or, and, not, comparisons); + -; explicit * / ÷; unary minus; implicit products; ^ (right-associative);
/// postfix ! and %. Implicit products bind tighter than explicit '/', so <c>1/2x</c> reads as <c>1/(2·x)</c>
/// and is flagged ambiguous; unary minus binds looser than ^, so <c>-3^2 = -9</c>.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _input;
    private readonly List<Token> _tokens;
    private readonly IReadOnlySet<string> _variables;
    private readonly bool _constraintMode;
    private readonly List<string> _notes = [];
    private int _position;
    private int _depth;
    private int _absDepth;
    private MathError? _error;

    private Parser(string input, List<Token> tokens, IReadOnlySet<string> variables, bool constraintMode)
    {
        _input = input;
        _tokens = tokens;
        _variables = variables;
        _constraintMode = constraintMode;
    }

    /// <summary>Parses input; constraint mode adds comparisons and and/or/not for parameter constraints.</summary>
    public static ParsedInput? Parse(string input, IReadOnlySet<string> variables, bool constraintMode, out MathError? error)
    {
        if (input.Length > MathLimits.MaxInputLength)
        {
            error = new MathError(
                ReasonCodes.InputTooLong,
                AnswerMessages.Format(AnswerMessages.InputTooLong, input.Length, MathLimits.MaxInputLength),
                MathLimits.MaxInputLength);
            return null;
        }

        if (string.IsNullOrWhiteSpace(input))
        {
            error = new MathError(ReasonCodes.EmptyInput, AnswerMessages.EmptyInput, null);
            return null;
        }

        var tokens = Tokenizer.Tokenize(input, constraintMode, out error);
        if (tokens is null)
        {
            return null;
        }

        var parser = new Parser(input, tokens, variables, constraintMode);
        var root = parser.ParseTop();
        error = parser._error;
        if (root is null || error is not null)
        {
            return null;
        }

        var hasDecimal = tokens.Exists(t => t.IsDecimalLiteral);
        return new ParsedInput(root, parser._notes, hasDecimal);
    }

    private Token Current => _tokens[_position];

    private Token Previous => _tokens[int.Max(0, _position - 1)];

    private TokenKind Kind => Current.Kind;

    private Token Advance() => _tokens[_position++];

    private Node? ParseTop()
    {
        if (Kind == TokenKind.End)
        {
            return Fail(ReasonCodes.EmptyInput, AnswerMessages.EmptyInput, null);
        }

        var start = Current.Start;
        var items = ParseCommaList(out var isList);
        if (items is null)
        {
            return null;
        }

        if (Kind != TokenKind.End)
        {
            return FailUnexpected();
        }

        return isList ? new SequenceNode(SequenceKind.Bare, items, start, Previous.End) : items[0];
    }

    /// <summary>Comma-separated expressions; <paramref name="isList"/> tells whether a comma was seen.</summary>
    private List<Node>? ParseCommaList(out bool isList)
    {
        isList = false;
        var items = new List<Node>();
        while (true)
        {
            var item = ParseExpression();
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            if (Kind != TokenKind.Comma)
            {
                return items;
            }

            isList = true;
            if (items.Count >= MathLimits.MaxListLength)
            {
                return FailList(AnswerMessages.Format(AnswerMessages.ListTooLong, MathLimits.MaxListLength));
            }

            Advance();
        }
    }

    private List<Node>? FailList(string message)
    {
        _error ??= new MathError(ReasonCodes.ListTooLong, message, Current.Start);
        return null;
    }

    private Node? ParseExpression()
    {
        if (!Enter())
        {
            return null;
        }

        var result = _constraintMode ? ParseOr() : ParseAdditive();
        _depth--;
        return result;
    }

    private bool Enter()
    {
        if (++_depth <= MathLimits.MaxNestingDepth)
        {
            return true;
        }

        Fail(ReasonCodes.NestingTooDeep, AnswerMessages.Format(AnswerMessages.NestingTooDeep, Current.Start, MathLimits.MaxNestingDepth), Current.Start);
        return false;
    }

    private Node? ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (left is not null && Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = ParseMultiplicative();
            left = right is null
                ? null
                : new BinaryNode(op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, left, right, op.Start);
        }

        return left;
    }

    private Node? ParseMultiplicative()
    {
        var left = ParseUnary();
        while (left is not null && Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary();
            if (right is null)
            {
                return null;
            }

            var isDivision = op.Kind == TokenKind.Slash;
            if (isDivision && right is BinaryNode { IsImplicit: true, Parenthesized: false })
            {
                var original = _input[left.Start..right.End];
                var node = new BinaryNode(BinaryOperator.Divide, left, right, op.Start);
                Note(AnswerMessages.Format(AnswerMessages.ImplicitProductAfterDivision, original, Reading.Of(node)));
                left = node;
                continue;
            }

            left = new BinaryNode(isDivision ? BinaryOperator.Divide : BinaryOperator.Multiply, left, right, op.Start);
        }

        return left;
    }

    private Node? ParseUnary()
    {
        if (Kind is not (TokenKind.Minus or TokenKind.Plus))
        {
            return ParseImplicitProduct();
        }

        var sign = Advance();
        if (!Enter())
        {
            return null;
        }

        var operand = ParseUnary();
        _depth--;
        if (operand is null)
        {
            return null;
        }

        if (sign.Kind == TokenKind.Plus)
        {
            return operand;
        }

        // A leading minus on a mixed number negates the whole number: -4 1/2 = -(4 + 1/2).
        return new NegateNode(operand, sign.Start);
    }

    private Node? ParsePower()
    {
        var baseNode = ParsePostfix();
        if (baseNode is null || Kind != TokenKind.Caret)
        {
            return baseNode;
        }

        var caret = Advance();
        if (!Enter())
        {
            return null;
        }

        var exponent = ParseExponent();
        _depth--;
        if (exponent is null)
        {
            return null;
        }

        var node = new BinaryNode(BinaryOperator.Power, baseNode, exponent, caret.Start);
        if (!exponent.Parenthesized && StartsImplicitFactor() && !Current.SpaceBefore && Kind is TokenKind.Identifier or TokenKind.LParen)
        {
            var shownEnd = Current.End;
            Note(AnswerMessages.Format(AnswerMessages.ExponentThenProduct, _input[baseNode.Start..shownEnd], Reading.Of(node) + "·" + _input[Current.Start..shownEnd]));
        }

        return node;
    }

    /// <summary>What follows ^: a braced group, or optional signs then a power (so 2^-1 and 2^3^2 work).</summary>
    private Node? ParseExponent()
    {
        if (Kind == TokenKind.LBrace)
        {
            return ParseBraceGroup();
        }

        if (Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var sign = Advance();
            if (!Enter())
            {
                return null;
            }

            var operand = ParseExponent();
            _depth--;
            return operand is null ? null : sign.Kind == TokenKind.Minus ? new NegateNode(operand, sign.Start) : operand;
        }

        return ParsePower();
    }

    private Node? ParsePostfix()
    {
        var node = ParsePrimary();
        while (node is not null && (Kind is TokenKind.Bang or TokenKind.Percent or TokenKind.Degree || IsLatexDegree()))
        {
            Token op;
            if (Kind == TokenKind.Caret)
            {
                // ^\circ and ^{\circ}: LaTeX's degree sign.
                var braced = _tokens[_position + 1].Kind == TokenKind.LBrace;
                op = _tokens[_position + (braced ? 2 : 1)];
                _position += braced ? 4 : 2;
            }
            else
            {
                op = Advance();
            }

            var kind = op.Kind switch
            {
                TokenKind.Bang => PostfixOperator.Factorial,
                TokenKind.Percent => PostfixOperator.Percent,
                _ => PostfixOperator.Degree,
            };
            node = new PostfixNode(kind, node, op.Start);
        }

        return node;
    }

    private bool IsLatexDegree() =>
        Kind == TokenKind.Caret && _position + 1 < _tokens.Count
        && (_tokens[_position + 1].Kind == TokenKind.Degree
            || (_tokens[_position + 1].Kind == TokenKind.LBrace && _position + 3 < _tokens.Count
                && _tokens[_position + 2].Kind == TokenKind.Degree && _tokens[_position + 3].Kind == TokenKind.RBrace));

    private void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }

    private Node? Fail(string reason, string message, int? position)
    {
        _error ??= new MathError(reason, message, position);
        return null;
    }
}
