using System.Globalization;
using System.Text;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Parsing;

/// <summary>Arguments that are not math: colours, lengths, macro definitions and text.</summary>
internal sealed partial class LatexParser
{
    /// <summary>The xcolor base names (case-insensitive, as KaTeX accepts them).</summary>
    private static uint? NamedColor(string name) => name.ToLowerInvariant() switch
    {
        "black" => 0x000000, "white" => 0xFFFFFF, "red" => 0xFF0000, "green" => 0x00FF00, "blue" => 0x0000FF,
        "cyan" => 0x00FFFF, "magenta" => 0xFF00FF, "yellow" => 0xFFFF00, "gray" => 0x808080, "grey" => 0x808080,
        "darkgray" => 0x404040, "lightgray" => 0xBFBFBF, "brown" => 0xBF8040, "lime" => 0xBFFF00,
        "olive" => 0x808000, "orange" => 0xFF8000, "pink" => 0xFFBFBF, "purple" => 0xBF0040, "teal" => 0x008080,
        "violet" => 0x800080, "navy" => 0x000080, "maroon" => 0x800000, "gold" => 0xFFD700,
        _ => null,
    };

    private Rgba ParseColorArgument(Token command)
    {
        bool html = false;
        if (_tokens.Peek().IsChar('['))
        {
            string model = TokensToText(ReadBracketTokens(command));
            html = string.Equals(model, "HTML", StringComparison.OrdinalIgnoreCase);
        }

        Token open = _tokens.Peek();
        List<Token> tokens = _tokens.ReadRawArgument(command.Text, command.Position);
        string text = TokensToText(tokens).Trim();
        if (NamedColor(text) is uint named && !html)
        {
            return Rgba.FromHex(named);
        }

        string hex = text.StartsWith('#') ? text[1..] : text;
        if ((hex.Length == 6 || hex.Length == 3)
            && uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint value)
            && (html || text.StartsWith('#') || hex.Length == 6))
        {
            if (hex.Length == 3)
            {
                value = ((value & 0xF00) * 0x1100) | ((value & 0x0F0) * 0x110) | ((value & 0x00F) * 0x11);
            }

            return Rgba.FromHex(value);
        }

        throw LatexParseException.Create(RenderErrorCodes.InvalidColor, RenderMessages.InvalidColor, command.Text, open.Position, text);
    }

    private List<Token> ReadBracketTokens(Token command)
    {
        _tokens.Next();
        var tokens = new List<Token>();
        while (true)
        {
            Token t = _tokens.NextUnexpanded();
            if (t.IsChar(']'))
            {
                return tokens;
            }

            if (t.Kind == TokenKind.End)
            {
                throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingArgument, command.Text, command.Position, command.Text);
            }

            tokens.Add(t);
        }
    }

    private static string TokensToText(List<Token> tokens)
    {
        var text = new StringBuilder();
        foreach (Token t in tokens)
        {
            text.Append(t.Text);
        }

        return text.ToString();
    }

    private SpaceNode ParseExplicitSpace(Token t)
    {
        if (t.Text is "\\hspace" or "\\hspace*" || _tokens.Peek().Kind == TokenKind.BeginGroup)
        {
            if (_tokens.Peek().IsChar('*'))
            {
                _tokens.Next();
            }

            Token open = _tokens.Peek();
            List<Token> tokens = _tokens.ReadRawArgument(t.Text, t.Position);
            (double w, bool mu) = ParseDimension(TokensToText(tokens), t, open.Position);
            return new SpaceNode(t.Position, w, mu);
        }

        // \kern / \mkern / \hskip / \mskip read a length directly: digits, sign, point, then a unit.
        var text = new StringBuilder();
        _tokens.SkipSpaces();
        int position = _tokens.PeekRaw().Position;
        while (true)
        {
            Token next = _tokens.PeekRaw();
            if (next.Kind == TokenKind.Character && (char.IsAsciiDigit(next.Text[0]) || next.Text[0] is '.' or '-' or '+' or ','))
            {
                text.Append(next.Text);
                _tokens.NextRaw();
                continue;
            }

            if (next.Kind == TokenKind.Space && text.Length > 0)
            {
                _tokens.NextRaw();
                continue;
            }

            break;
        }

        for (int i = 0; i < 2 && _tokens.PeekRaw().Kind == TokenKind.Character && char.IsAsciiLetter(_tokens.PeekRaw().Text[0]); i++)
        {
            text.Append(_tokens.NextRaw().Text);
        }

        // TeX's <dimen> syntax swallows one optional space after the unit.
        if (_tokens.PeekRaw().Kind == TokenKind.Space)
        {
            _tokens.NextRaw();
        }

        (double width, bool isMu) = ParseDimension(text.ToString(), t, position);
        return new SpaceNode(t.Position, width, isMu);
    }

    /// <summary>Parses "2pt", "-1.5em", "3mu" into em (or mu).</summary>
    private static (double Value, bool IsMu) ParseDimension(string text, Token command, int position)
    {
        string trimmed = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        int unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsAsciiLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }

        string number = trimmed[..unitStart];
        string unit = trimmed[unitStart..];
        if (number is "" or "-" or "+")
        {
            number += "1";
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw LatexParseException.Create(RenderErrorCodes.InvalidDimension, RenderMessages.InvalidDimension, command.Text, position, text);
        }

        double? em = unit switch
        {
            "em" => value,
            "ex" => value * 0.431,
            "pt" => value / SpaceWidths.PointsPerEm,
            "bp" => value * 1.00375 / SpaceWidths.PointsPerEm,
            "pc" => value * 12 / SpaceWidths.PointsPerEm,
            "mm" => value * 2.84527 / SpaceWidths.PointsPerEm,
            "cm" => value * 28.4527 / SpaceWidths.PointsPerEm,
            "in" => value * 72.27 / SpaceWidths.PointsPerEm,
            "mu" => value,
            _ => null,
        };
        if (em is not double result || double.Abs(unit == "mu" ? result / 18 : result) > RenderLimits.MaxExplicitSpaceEm)
        {
            throw LatexParseException.Create(RenderErrorCodes.InvalidDimension, RenderMessages.InvalidDimension, command.Text, position, text);
        }

        return (result, unit == "mu");
    }

    /// <summary>\newcommand{\name}[n]{body}, \renewcommand, \def\name#1#2{body}.</summary>
    private void ParseDefinition(Token t)
    {
        _tokens.SkipSpaces();
        Token nameToken = _tokens.NextUnexpanded();
        if (nameToken.Kind == TokenKind.BeginGroup)
        {
            List<Token> inner = _tokens.ReadBalanced(t.Text, t.Position);
            nameToken = inner.Count == 1 ? inner[0] : default;
        }

        if (nameToken.Kind != TokenKind.Command)
        {
            throw LatexParseException.Create(RenderErrorCodes.InvalidMacro, RenderMessages.InvalidMacroDefinition, t.Text, t.Position, t.Text);
        }

        int parameters = 0;
        if (t.Text == "\\def")
        {
            while (_tokens.PeekUnexpanded().Kind == TokenKind.Parameter)
            {
                _tokens.NextUnexpanded();
                _tokens.NextUnexpanded();
                parameters++;
            }
        }
        else if (_tokens.Peek().IsChar('['))
        {
            string count = TokensToText(ReadBracketTokens(t));
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out parameters) || parameters > 9)
            {
                throw LatexParseException.Create(RenderErrorCodes.InvalidMacro, RenderMessages.InvalidMacroDefinition, nameToken.Text, t.Position, nameToken.Text);
            }
        }

        _tokens.SkipSpaces();
        if (_tokens.PeekUnexpanded().Kind != TokenKind.BeginGroup)
        {
            throw LatexParseException.Create(RenderErrorCodes.InvalidMacro, RenderMessages.InvalidMacroDefinition, nameToken.Text, t.Position, nameToken.Text);
        }

        _tokens.NextUnexpanded();
        List<Token> body = _tokens.ReadBalanced(t.Text, t.Position);
        _tokens.Macros[nameToken.Text] = new MacroDefinition(parameters, body);
    }
}
