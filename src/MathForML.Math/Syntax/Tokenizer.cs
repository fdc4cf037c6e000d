using System.Numerics;
using MathForML.Math.Evaluation;
using MathForML.Math.Numbers;

namespace MathForML.Math.Syntax;

/// <summary>
/// Turns raw input (ASCII, Unicode math symbols, pasted LaTeX) into tokens whose positions index the raw input.
/// Unicode and LaTeX spellings are mapped onto the same tokens as their ASCII forms.
/// </summary>
internal sealed class Tokenizer
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Unicode vulgar fractions and their (numerator, denominator), read as a parenthesized fraction.</summary>
    private const string VulgarFractions = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞";

    private static readonly (int Numerator, int Denominator)[] VulgarValues =
        [(1, 2), (1, 3), (2, 3), (1, 4), (3, 4), (1, 5), (2, 5), (3, 5), (4, 5), (1, 6), (5, 6), (1, 8), (3, 8), (5, 8), (7, 8)];

    private readonly string _input;
    private readonly bool _allowComparisons;
    private readonly List<Token> _tokens = [];
    private int _index;
    private bool _spaceBefore;

    private Tokenizer(string input, bool allowComparisons)
    {
        _input = input;
        _allowComparisons = allowComparisons;
    }

    public static List<Token>? Tokenize(string input, bool allowComparisons, out MathError? error)
    {
        var tokenizer = new Tokenizer(input, allowComparisons);
        error = tokenizer.Run();
        return error is null ? tokenizer._tokens : null;
    }

    private MathError? Run()
    {
        while (_index < _input.Length)
        {
            var c = _input[_index];
            if (char.IsWhiteSpace(c) || c == '$')
            {
                _spaceBefore = true;
                _index++;
                continue;
            }

            var error = c switch
            {
                _ when char.IsAsciiDigit(c) || (c == '.' && Peek(1) is { } d && char.IsAsciiDigit(d)) => ReadNumber(),
                '\\' => ReadLatexCommand(),
                _ when Superscripts.Contains(c, StringComparison.Ordinal) || c is '⁻' or '⁺' => ReadSuperscript(),
                _ when char.IsLetter(c) => ReadIdentifier(),
                _ => ReadSymbol(c),
            };
            if (error is not null)
            {
                return error;
            }
        }

        _tokens.Add(new Token(TokenKind.End, _input.Length, 0, _spaceBefore));
        return null;
    }

    private char? Peek(int offset) => _index + offset < _input.Length ? _input[_index + offset] : null;

    private void Add(TokenKind kind, int start, int length, string? text = null, bool fromLatex = false)
    {
        _tokens.Add(new Token(kind, start, length, _spaceBefore, text, FromLatex: fromLatex));
        _spaceBefore = false;
    }

    private MathError? ReadSymbol(char c)
    {
        var start = _index;
        _index++;
        switch (c)
        {
            case '+' or '⁺' or '＋': Add(TokenKind.Plus, start, 1); break;
            case '-' or '−' or '–' or '‐' or '‑' or '－': Add(TokenKind.Minus, start, 1); break;
            case '*' when Peek(0) == '*': _index++; Add(TokenKind.Caret, start, 2); break;
            case '*' or '×' or '·' or '⋅' or '∙' or '∗': Add(TokenKind.Star, start, 1); break;
            case '/' or '÷': Add(TokenKind.Slash, start, 1); break;
            case '^': Add(TokenKind.Caret, start, 1); break;
            case '!' when _allowComparisons && Peek(0) == '=': _index++; Add(TokenKind.NotEqual, start, 2); break;
            case '!': Add(TokenKind.Bang, start, 1); break;
            case '%': Add(TokenKind.Percent, start, 1); break;
            case '°': Add(TokenKind.Degree, start, 1); break;
            case '(': Add(TokenKind.LParen, start, 1); break;
            case ')': Add(TokenKind.RParen, start, 1); break;
            case '[': Add(TokenKind.LBracket, start, 1); break;
            case ']': Add(TokenKind.RBracket, start, 1); break;
            case '{': Add(TokenKind.LBrace, start, 1); break;
            case '}': Add(TokenKind.RBrace, start, 1); break;
            case '|': Add(TokenKind.Bar, start, 1); break;
            case ',': Add(TokenKind.Comma, start, 1); break;
            case '√': Add(TokenKind.Sqrt, start, 1); break;
            case '∛': Add(TokenKind.CubeRoot, start, 1); break;
            case '∞': Add(TokenKind.Identifier, start, 1, "inf"); break;
            case '∅': Add(TokenKind.Identifier, start, 1, "emptyset"); break;
            case var vulgar when VulgarFractions.IndexOf(vulgar, StringComparison.Ordinal) is var index and >= 0:
                AddVulgarFraction(start, index);
                break;
            case '<' when _allowComparisons && Peek(0) == '=': _index++; Add(TokenKind.LessEqual, start, 2); break;
            case '>' when _allowComparisons && Peek(0) == '=': _index++; Add(TokenKind.GreaterEqual, start, 2); break;
            case '=' when _allowComparisons && Peek(0) == '=': _index++; Add(TokenKind.Equal, start, 2); break;
            case '<' when _allowComparisons: Add(TokenKind.Less, start, 1); break;
            case '>' when _allowComparisons: Add(TokenKind.Greater, start, 1); break;
            case '≤' when _allowComparisons: Add(TokenKind.LessEqual, start, 1); break;
            case '≥' when _allowComparisons: Add(TokenKind.GreaterEqual, start, 1); break;
            case '=' when _allowComparisons: Add(TokenKind.Equal, start, 1); break;
            case '≠' when _allowComparisons: Add(TokenKind.NotEqual, start, 1); break;
            default:
                var shown = char.IsHighSurrogate(c) && start + 1 < _input.Length ? _input.Substring(start, 2) : c.ToString();
                return new MathError(
                    ReasonCodes.UnexpectedCharacter,
                    AnswerMessages.Format(AnswerMessages.UnexpectedCharacter, shown, start),
                    start);
        }

        return null;
    }

    private MathError? ReadIdentifier()
    {
        var start = _index;
        if (_input[start] is 'x' or 'X' && IsTimesSign(start + 1))
        {
            _index++;
            Add(TokenKind.Star, start, 1);
            return null;
        }

        while (_index < _input.Length && (char.IsLetter(_input[_index]) || (_index > start && (char.IsAsciiDigit(_input[_index]) || _input[_index] == '_'))))
        {
            _index++;
        }

        var text = _input[start.._index];
        Add(TokenKind.Identifier, start, _index - start, text == "π" ? "pi" : text);
        return null;
    }

    private void AddVulgarFraction(int start, int index)
    {
        var (numerator, denominator) = VulgarValues[index];
        Add(TokenKind.LParen, start, 1);
        AddInteger(start, numerator);
        Add(TokenKind.Slash, start, 1);
        AddInteger(start, denominator);
        Add(TokenKind.RParen, start, 1);
    }

    private void AddInteger(int start, int value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _tokens.Add(new Token(TokenKind.Number, start, 1, false, text, BigRational.FromInteger(value), NumberLiterals.FormOf(text, 0)));
    }

    /// <summary>An <c>x</c> between a number and a digit (<c>1.2x10^3</c>, <c>3 x 4</c>) is the times sign.</summary>
    private bool IsTimesSign(int next)
    {
        if (_tokens.Count == 0 || _tokens[^1].Kind != TokenKind.Number)
        {
            return false;
        }

        while (next < _input.Length && _input[next] == ' ')
        {
            next++;
        }

        return next < _input.Length && char.IsAsciiDigit(_input[next]);
    }

    private MathError? ReadSuperscript()
    {
        var start = _index;
        Add(TokenKind.Caret, start, 0);
        if (_input[_index] is '⁻' or '⁺')
        {
            Add(_input[_index] == '⁻' ? TokenKind.Minus : TokenKind.Plus, _index, 1);
            _index++;
        }

        var digitsStart = _index;
        var value = BigInteger.Zero;
        while (_index < _input.Length && Superscripts.IndexOf(_input[_index], StringComparison.Ordinal) is var digit and >= 0)
        {
            value = (value * 10) + digit;
            _index++;
        }

        if (_index == digitsStart)
        {
            return new MathError(
                ReasonCodes.MissingOperand,
                AnswerMessages.Format(AnswerMessages.MissingOperand, _input[start], start),
                start);
        }

        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _tokens.Add(new Token(TokenKind.Number, digitsStart, _index - digitsStart, false, text, BigRational.FromInteger(value), NumberLiterals.FormOf(text, 0)));
        return null;
    }

    private MathError? ReadNumber()
    {
        var start = _index;
        while (_index < _input.Length && char.IsAsciiDigit(_input[_index]))
        {
            _index++;
        }

        if (_index < _input.Length && _input[_index] == '.')
        {
            _index++;
            while (_index < _input.Length && char.IsAsciiDigit(_input[_index]))
            {
                _index++;
            }
        }

        var mantissaEnd = _index;
        var exponent = 0;
        if (_index < _input.Length && _input[_index] is 'e' or 'E')
        {
            var cursor = _index + 1;
            if (cursor < _input.Length && _input[cursor] is '+' or '-' or '−')
            {
                cursor++;
            }

            if (cursor < _input.Length && char.IsAsciiDigit(_input[cursor]))
            {
                var negative = _input[cursor - 1] is '-' or '−';
                var exponentStart = cursor;
                while (cursor < _input.Length && char.IsAsciiDigit(_input[cursor]))
                {
                    cursor++;
                }

                var digits = _input.AsSpan(exponentStart, cursor - exponentStart).TrimStart('0');
                if (digits.Length > 4 || (digits.Length > 0 && int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture) > MathLimits.MaxDecimalExponent))
                {
                    return new MathError(
                        ReasonCodes.ExponentTooLarge,
                        AnswerMessages.Format(AnswerMessages.ExponentTooLarge, exponentStart, MathLimits.MaxDecimalExponent),
                        exponentStart);
                }

                exponent = digits.Length == 0 ? 0 : int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture);
                exponent = negative ? -exponent : exponent;
                _index = cursor;
            }
        }

        var mantissa = _input[start..mantissaEnd];
        var text = _input[start.._index];
        var value = NumberLiterals.ValueOf(mantissa, exponent);
        if (value.Bits > MathLimits.MaxIntegerBits)
        {
            return new MathError(ReasonCodes.NumberTooLarge, AnswerMessages.Format(AnswerMessages.NumberTooLarge, start), start);
        }

        _tokens.Add(new Token(TokenKind.Number, start, _index - start, _spaceBefore, text, value, NumberLiterals.FormOf(mantissa, exponent)));
        _spaceBefore = false;
        return null;
    }

    private MathError? ReadLatexCommand()
    {
        var start = _index;
        _index++;
        if (_index >= _input.Length)
        {
            return Unknown(start);
        }

        if (!char.IsAsciiLetter(_input[_index]))
        {
            var symbol = _input[_index];
            _index++;
            switch (symbol)
            {
                case ',' or ';' or ':' or '!' or ' ': _spaceBefore = true; return null;
                case '{': Add(TokenKind.LBrace, start, 2, fromLatex: true); return null;
                case '}': Add(TokenKind.RBrace, start, 2, fromLatex: true); return null;
                case '%': Add(TokenKind.Percent, start, 2, fromLatex: true); return null;
                case '|': Add(TokenKind.Bar, start, 2, fromLatex: true); return null;
                default: return Unknown(start);
            }
        }

        while (_index < _input.Length && char.IsAsciiLetter(_input[_index]))
        {
            _index++;
        }

        var name = _input[(start + 1).._index];
        var length = _index - start;
        switch (name)
        {
            case "frac" or "dfrac" or "tfrac": Add(TokenKind.Frac, start, length, fromLatex: true); break;
            case "sqrt": Add(TokenKind.Sqrt, start, length, "\\sqrt", fromLatex: true); break;
            case "cdot" or "times" or "ast": Add(TokenKind.Star, start, length, fromLatex: true); break;
            case "div": Add(TokenKind.Slash, start, length, fromLatex: true); break;
            case "pi": Add(TokenKind.Identifier, start, length, "pi", fromLatex: true); break;
            case "infty": Add(TokenKind.Identifier, start, length, "inf", fromLatex: true); break;
            case "emptyset" or "varnothing": Add(TokenKind.Identifier, start, length, "emptyset", fromLatex: true); break;
            case "vert" or "lvert" or "rvert" or "mid": Add(TokenKind.Bar, start, length, fromLatex: true); break;
            case "circ" or "degree": Add(TokenKind.Degree, start, length, fromLatex: true); break;
            case "lbrace": Add(TokenKind.LBrace, start, length, fromLatex: true); break;
            case "rbrace": Add(TokenKind.RBrace, start, length, fromLatex: true); break;
            case "left" or "right" or "big" or "Big" or "bigl" or "bigr" or "Bigl" or "Bigr" or "displaystyle":
                break;
            case "quad" or "qquad":
                _spaceBefore = true;
                break;
            case "text" or "mathrm" or "operatorname" or "textrm":
                return ReadTextArgument(start);
            case "le" or "leq" when _allowComparisons: Add(TokenKind.LessEqual, start, length, fromLatex: true); break;
            case "ge" or "geq" when _allowComparisons: Add(TokenKind.GreaterEqual, start, length, fromLatex: true); break;
            case "ne" or "neq" when _allowComparisons: Add(TokenKind.NotEqual, start, length, fromLatex: true); break;
            default:
                if (FunctionTable.IsLatexFunction(name))
                {
                    Add(TokenKind.Identifier, start, length, name, fromLatex: true);
                    break;
                }

                return Unknown(start);
        }

        return null;
    }

    /// <summary><c>\text{DNE}</c>, <c>\operatorname{sech}</c>: the braced word becomes an identifier.</summary>
    private MathError? ReadTextArgument(int start)
    {
        var cursor = _index;
        while (cursor < _input.Length && _input[cursor] == ' ')
        {
            cursor++;
        }

        if (cursor >= _input.Length || _input[cursor] != '{')
        {
            return Unknown(start);
        }

        var close = _input.IndexOf('}', cursor);
        var word = close < 0 ? string.Empty : _input[(cursor + 1)..close].Trim();
        if (word.Length == 0 || !word.All(char.IsLetter))
        {
            return Unknown(start);
        }

        _index = close + 1;
        Add(TokenKind.Identifier, start, _index - start, word, fromLatex: true);
        return null;
    }

    private MathError Unknown(int start)
    {
        var end = int.Min(_input.Length, int.Max(_index, start + 1));
        var command = _input[start..end];
        return new MathError(ReasonCodes.UnknownCommand, AnswerMessages.Format(AnswerMessages.UnknownCommand, command, start), start);
    }
}
