using MathForML.Math.Evaluation;

namespace MathForML.Math.Syntax;

internal sealed partial class Parser
{
    private Node? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberNode(token);
            case TokenKind.Identifier:
                return ParseIdentifier();
            case TokenKind.LParen:
            case TokenKind.LBracket:
                return ParseBracketed();
            case TokenKind.LBrace:
                return ParseSet();
            case TokenKind.Bar:
                return ParseAbsoluteBars();
            case TokenKind.Sqrt:
            case TokenKind.CubeRoot:
                return ParseRadical();
            case TokenKind.Frac:
                return ParseFrac();
            default:
                return FailMissingOperand();
        }
    }

    private Node? ParseIdentifier()
    {
        var token = Advance();
        var name = token.Text!;
        if (_variables.Contains(name))
        {
            return new VariableNode(name, token.Start, token.End);
        }

        if (FunctionTable.TryGet(name, out var function))
        {
            return ParseCall(function, token);
        }

        if (Constants.TryGetConstant(name, out var constant))
        {
            return new ConstantNode(constant, token.Start, token.End);
        }

        if (Constants.IsNoneWord(name))
        {
            return new NoneNode(token.Start, token.End);
        }

        if (Constants.IsEmptySetWord(name))
        {
            return new SetNode([], token.Start, token.End);
        }

        if (!token.FromLatex && SplitIdentifier(token) is { } pieces)
        {
            // xy^3 = x·y^3: each piece becomes its own token, so ^ and postfix operators bind to the last piece only.
            _tokens.RemoveAt(_position - 1);
            _tokens.InsertRange(_position - 1, pieces);
            _position--;
            return ParseIdentifier();
        }

        var reason = Kind == TokenKind.LParen ? ReasonCodes.UnknownFunction : ReasonCodes.UnknownVariable;
        var template = Kind == TokenKind.LParen ? AnswerMessages.UnknownFunction : AnswerMessages.UnknownVariable;
        var shown = _input[token.Start..token.End];
        return Fail(reason, AnswerMessages.Format(template, shown, token.Start), token.Start);
    }

    /// <summary>
    /// <c>xy</c>, <c>pix</c>: a run of letters made only of declared variables and constants (longest match first)
    /// is split into one token per piece, read as their implicit product; null when the run does not split.
    /// </summary>
    private List<Token>? SplitIdentifier(Token token)
    {
        var name = token.Text!;
        var pieces = new List<Token>();
        var offset = 0;
        while (offset < name.Length)
        {
            var matched = 0;
            for (var length = name.Length - offset; length >= 1; length--)
            {
                var piece = name.Substring(offset, length);
                if (_variables.Contains(piece) || Constants.TryGetConstant(piece, out _) || piece == "π")
                {
                    matched = length;
                    break;
                }
            }

            if (matched == 0 || (offset == 0 && matched == name.Length))
            {
                return null;
            }

            var spaceBefore = offset == 0 && token.SpaceBefore;
            var text = name.Substring(offset, matched);
            pieces.Add(new Token(TokenKind.Identifier, token.Start + offset, matched, spaceBefore, text == "π" && !_variables.Contains(text) ? "pi" : text));
            offset += matched;
        }

        return pieces;
    }

    private Node? ParseCall(FunctionInfo function, Token nameToken)
    {
        List<Node>? arguments;
        if (Kind == TokenKind.LParen)
        {
            var open = Advance();
            if (Kind == TokenKind.RParen)
            {
                return FailMissingArgument(nameToken);
            }

            arguments = ParseCommaList(out _);
            if (arguments is null || !Expect(TokenKind.RParen, open))
            {
                return null;
            }
        }
        else if (Kind == TokenKind.LBrace)
        {
            var group = ParseBraceGroup();
            arguments = group is null ? null : [group];
        }
        else if (StartsImplicitFactor())
        {
            if (!Enter())
            {
                return null;
            }

            var operand = ParsePower();
            _depth--;
            arguments = operand is null ? null : [operand];
            if (operand is not null && StartsImplicitFactor())
            {
                var call = new CallNode(function.Name, [operand], nameToken.Start, operand.End);
                Note(AnswerMessages.Format(AnswerMessages.FunctionWithoutParentheses, _input[nameToken.Start..Current.End], Reading.Of(call) + "·…"));
            }
        }
        else
        {
            return FailMissingArgument(nameToken);
        }

        if (arguments is null)
        {
            return null;
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var count = function.MinArguments == function.MaxArguments
                ? function.MinArguments.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{function.MinArguments} to {function.MaxArguments}");
            return Fail(
                ReasonCodes.WrongArgumentCount,
                AnswerMessages.Format(AnswerMessages.WrongArgumentCount, nameToken.Text, nameToken.Start, count),
                nameToken.Start);
        }

        return new CallNode(function.Name, arguments, nameToken.Start, Previous.End);
    }

    private Node? FailMissingArgument(Token nameToken) =>
        Fail(
            ReasonCodes.MissingFunctionArgument,
            AnswerMessages.Format(AnswerMessages.MissingFunctionArgument, nameToken.Text, nameToken.Start),
            nameToken.Start);

    /// <summary>
    /// <c>(a)</c> is grouping; <c>(a, b)</c> and <c>[a, b]</c> are sequences; mismatched ends with two items,
    /// <c>(a, b]</c> or <c>[a, b)</c>, are intervals.
    /// </summary>
    private Node? ParseBracketed()
    {
        var open = Advance();
        var savedAbs = _absDepth;
        _absDepth = 0;
        var items = ParseCommaList(out var isList);
        _absDepth = savedAbs;
        if (items is null)
        {
            return null;
        }

        var openIsParen = open.Kind == TokenKind.LParen;
        var matching = openIsParen ? TokenKind.RParen : TokenKind.RBracket;
        var other = openIsParen ? TokenKind.RBracket : TokenKind.RParen;
        if (Kind == other && items.Count == 2)
        {
            var close = Advance();
            return new IntervalNode(items[0], items[1], !openIsParen, close.Kind == TokenKind.RBracket, open.Start, close.End);
        }

        if (!Expect(matching, open))
        {
            return null;
        }

        if (openIsParen && !isList)
        {
            items[0].Parenthesized = true;
            return items[0];
        }

        return new SequenceNode(openIsParen ? SequenceKind.Paren : SequenceKind.Bracket, items, open.Start, Previous.End);
    }

    private SetNode? ParseSet()
    {
        var open = Advance();
        if (Kind == TokenKind.RBrace)
        {
            var close = Advance();
            return new SetNode([], open.Start, close.End);
        }

        var items = ParseCommaList(out _);
        return items is not null && Expect(TokenKind.RBrace, open) ? new SetNode(items, open.Start, Previous.End) : null;
    }

    /// <summary>A LaTeX group <c>{…}</c> after ^, \frac, \sqrt or a LaTeX function: plain grouping, not a set.</summary>
    private Node? ParseBraceGroup()
    {
        if (Kind != TokenKind.LBrace)
        {
            return FailMissingOperand();
        }

        var open = Advance();
        var inner = ParseExpression();
        if (inner is null || !Expect(TokenKind.RBrace, open))
        {
            return null;
        }

        inner.Parenthesized = true;
        return inner;
    }

    private CallNode? ParseAbsoluteBars()
    {
        var open = Advance();
        _absDepth++;
        var inner = ParseExpression();
        _absDepth--;
        return inner is not null && Expect(TokenKind.Bar, open) ? new CallNode("abs", [inner], open.Start, Previous.End) : null;
    }

    /// <summary><c>√x</c>, <c>∛x</c>, <c>\sqrt{x}</c>, <c>\sqrt[n]{x}</c>.</summary>
    private CallNode? ParseRadical()
    {
        var radical = Advance();
        Node? index = null;
        if (radical.Kind == TokenKind.Sqrt && radical.FromLatex && Kind == TokenKind.LBracket)
        {
            var open = Advance();
            index = ParseExpression();
            if (index is null || !Expect(TokenKind.RBracket, open))
            {
                return null;
            }
        }

        if (!Enter())
        {
            return null;
        }

        var operand = Kind == TokenKind.LBrace ? ParseBraceGroup() : ParsePower();
        _depth--;
        if (operand is null)
        {
            return null;
        }

        if (radical.Kind == TokenKind.CubeRoot)
        {
            return new CallNode("cbrt", [operand], radical.Start, operand.End);
        }

        return index is null
            ? new CallNode("sqrt", [operand], radical.Start, Previous.End)
            : new CallNode("root", [operand, index], radical.Start, Previous.End);
    }

    private BinaryNode? ParseFrac()
    {
        var frac = Advance();
        var numerator = ParseBraceGroup();
        var denominator = numerator is null ? null : ParseBraceGroup();
        return denominator is null ? null : new BinaryNode(BinaryOperator.Divide, numerator!, denominator, frac.Start);
    }

    private bool Expect(TokenKind kind, Token open)
    {
        if (Kind == kind)
        {
            Advance();
            return true;
        }

        if (_error is not null)
        {
            return false;
        }

        var (reason, closer) = kind switch
        {
            TokenKind.RParen => (ReasonCodes.MissingCloseParen, ")"),
            TokenKind.RBracket => (ReasonCodes.MissingCloseBracket, "]"),
            TokenKind.RBrace => (ReasonCodes.MissingCloseBrace, "}"),
            _ => (ReasonCodes.MissingCloseBar, "|"),
        };
        var isClosingKind = Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace or TokenKind.End or TokenKind.Bar;
        if (!isClosingKind)
        {
            FailUnexpected();
            return false;
        }

        var position = Kind == TokenKind.End ? LastCharacterIndex() : Current.Start;
        var opener = _input.Substring(open.Start, int.Max(1, open.Length));
        Fail(reason, AnswerMessages.Format(AnswerMessages.MissingClose, closer, position, opener, open.Start), position);
        return false;
    }

    private int LastCharacterIndex()
    {
        var index = _input.Length - 1;
        while (index > 0 && (char.IsWhiteSpace(_input[index]) || _input[index] == '$'))
        {
            index--;
        }

        return int.Max(0, index);
    }

    private Node? FailMissingOperand()
    {
        if (Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace && _position == 0)
        {
            return FailUnexpected();
        }

        if (_position == 0)
        {
            var shown = Kind == TokenKind.End ? string.Empty : TokenText(Current);
            return Fail(ReasonCodes.MissingOperand, AnswerMessages.Format(AnswerMessages.MissingOperandAtStart, shown, Current.Start), Current.Start);
        }

        var previous = Previous;
        var position = previous.Length == 0 ? previous.Start : previous.End - 1;
        return Fail(ReasonCodes.MissingOperand, AnswerMessages.Format(AnswerMessages.MissingOperand, TokenText(previous), position), position);
    }

    private Node? FailUnexpected()
    {
        var token = Current;
        if (token.Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace or TokenKind.Bar)
        {
            return Fail(ReasonCodes.UnmatchedClose, AnswerMessages.Format(AnswerMessages.UnmatchedClose, TokenText(token), token.Start), token.Start);
        }

        return Fail(ReasonCodes.UnexpectedToken, AnswerMessages.Format(AnswerMessages.UnexpectedToken, TokenText(token), token.Start), token.Start);
    }

    private string TokenText(Token token) => token.Length == 0 ? "^" : _input.Substring(token.Start, token.Length);
}
