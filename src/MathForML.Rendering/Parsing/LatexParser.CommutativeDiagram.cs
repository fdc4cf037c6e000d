namespace MathForML.Rendering.Parsing;

/// <summary>
/// amscd's CD environment. Rows split at \\; in a row, @ starts an arrow: @>a>b> and @<a<b< are
/// horizontal arrows with labels above and below, @VaVbV and @AaAbA vertical ones with labels left and
/// right, @= and @| double lines, @. no arrow. A row with vertical arrows puts one arrow under each
/// object column; other rows alternate objects and horizontal arrows.
/// </summary>
internal sealed partial class LatexParser
{
    /// <summary>amscd's \minCDarrowwidth (2.5pc at 10pt) in em.</summary>
    private const double CdArrowWidth = 3.0;

    private readonly record struct CdArrow(Token At, char Kind, List<Token> First, List<Token> Second);

    private ArrayNode ParseCommutativeDiagram(Token begin)
    {
        Enter(begin);
        var node = new ArrayNode(begin.Position, ArrayKind.CommutativeDiagram);
        foreach (List<Token> row in ReadCdRows(begin))
        {
            node.Rows.Add(ParseCdRow(row));
        }

        if (node.Rows.Count > 1 && node.Rows[^1] is [{ IsEmpty: true }])
        {
            node.Rows.RemoveAt(node.Rows.Count - 1);
        }

        Leave();
        return node;
    }

    /// <summary>Reads the raw body up to \end{CD}, split into rows at top-level \\.</summary>
    private List<List<Token>> ReadCdRows(Token begin)
    {
        var rows = new List<List<Token>> { new() };
        int depth = 0;
        int nested = 0;
        while (true)
        {
            Token t = _tokens.NextUnexpanded();
            if (t.Kind == TokenKind.End)
            {
                throw LatexParseException.Create(RenderErrorCodes.EnvironmentMismatch, RenderMessages.UnclosedEnvironment, begin.Text, begin.Position, "CD");
            }

            depth += t.Kind switch { TokenKind.BeginGroup => 1, TokenKind.EndGroup => -1, _ => 0 };
            nested += t.IsCommand("\\begin") ? 1 : t.IsCommand("\\end") ? -1 : 0;
            if (nested < 0)
            {
                string closing = ReadEnvironmentName(t);
                if (closing != "CD")
                {
                    throw LatexParseException.Create(RenderErrorCodes.EnvironmentMismatch, RenderMessages.MismatchedEnvironment, t.Text, t.Position, "CD", closing);
                }

                return rows;
            }

            if (depth == 0 && nested == 0 && (t.IsCommand("\\\\") || t.IsCommand("\\cr")))
            {
                rows.Add([]);
                continue;
            }

            rows[^1].Add(t);
        }
    }

    private List<MathList> ParseCdRow(List<Token> row)
    {
        // Split the row into object token runs and arrows.
        var objects = new List<List<Token>> { new() };
        var arrows = new List<CdArrow>();
        int depth = 0;
        for (int i = 0; i < row.Count; i++)
        {
            Token t = row[i];
            depth += t.Kind switch { TokenKind.BeginGroup => 1, TokenKind.EndGroup => -1, _ => 0 };
            if (depth != 0 || !t.IsChar('@'))
            {
                objects[^1].Add(t);
                continue;
            }

            Token kind = i + 1 < row.Count ? row[i + 1] : new Token(TokenKind.End, string.Empty, t.Position);
            i++;
            char k = kind.Kind == TokenKind.Character && kind.Text.Length == 1 ? kind.Text[0] : '\0';
            if (k is not ('>' or '<' or 'V' or 'A' or '=' or '|' or '.'))
            {
                throw LatexParseException.Create(RenderErrorCodes.UnexpectedCharacter, RenderMessages.InvalidCdArrow, "@", t.Position, kind.Text);
            }

            List<Token> first = [];
            List<Token> second = [];
            if (k is '>' or '<' or 'V' or 'A')
            {
                first = ReadCdLabel(row, ref i, k, t);
                second = ReadCdLabel(row, ref i, k, t);
            }

            arrows.Add(new CdArrow(t, k, first, second));
            objects.Add([]);
        }

        bool vertical = arrows.Exists(a => a.Kind is 'V' or 'A' or '|')
            || (arrows.Count > 0 && arrows.TrueForAll(a => a.Kind == '.') && objects.TrueForAll(o => o.TrueForAll(x => x.Kind == TokenKind.Space)));
        var cells = new List<MathList>();
        if (vertical)
        {
            foreach (Token stray in objects.SelectMany(run => run))
            {
                if (stray.Kind != TokenKind.Space)
                {
                    throw LatexParseException.Create(RenderErrorCodes.UnexpectedCharacter, RenderMessages.CdArrowRowContent, stray.Text, stray.Position, stray.Text);
                }
            }

            for (int a = 0; a < arrows.Count; a++)
            {
                if (a > 0)
                {
                    cells.Add(new MathList());
                }

                cells.Add(CdArrowCell(arrows[a]));
            }

            return cells;
        }

        cells.Add(ParseCdTokens(objects[0], row.Count > 0 ? row[0] : default));
        for (int a = 0; a < arrows.Count; a++)
        {
            cells.Add(CdArrowCell(arrows[a]));
            cells.Add(ParseCdTokens(objects[a + 1], arrows[a].At));
        }

        return cells;
    }

    private static List<Token> ReadCdLabel(List<Token> row, ref int i, char delimiter, Token at)
    {
        var label = new List<Token>();
        int depth = 0;
        while (true)
        {
            i++;
            if (i >= row.Count)
            {
                throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.UnclosedCdLabel, "@", at.Position, delimiter);
            }

            Token t = row[i];
            depth += t.Kind switch { TokenKind.BeginGroup => 1, TokenKind.EndGroup => -1, _ => 0 };
            if (depth == 0 && t.IsChar(delimiter))
            {
                return label;
            }

            label.Add(t);
        }
    }

    private MathList CdArrowCell(CdArrow arrow)
    {
        var cell = new MathList();
        int position = arrow.At.Position;
        switch (arrow.Kind)
        {
            case '>' or '<' or '=':
            {
                MathList above = ParseCdTokens(arrow.First, arrow.At);
                MathList below = ParseCdTokens(arrow.Second, arrow.At);
                string glyph = arrow.Kind switch { '>' => "\u2192", '<' => "\u2190", _ => "=" };
                cell.Add(new OverUnderNode(position, OverUnderKind.ExtensibleArrow, above)
                {
                    Glyph = glyph,
                    Annotation = below.IsEmpty ? null : below,
                    Type = AtomType.Rel,
                    MinimumWidth = CdArrowWidth,
                });
                break;
            }

            case 'V' or 'A' or '|':
            {
                string glyph = arrow.Kind switch { 'V' => "\u2193", 'A' => "\u2191", _ => "\u2016" };
                cell.Add(new CdVerticalArrowNode(position, glyph, ParseCdTokens(arrow.First, arrow.At), ParseCdTokens(arrow.Second, arrow.At)));
                break;
            }
        }

        return cell;
    }

    /// <summary>Parses a run of raw tokens as one braced group (so braces and macros behave as usual).</summary>
    private MathList ParseCdTokens(List<Token> tokens, Token at)
    {
        if (tokens.TrueForAll(t => t.Kind == TokenKind.Space))
        {
            return new MathList();
        }

        var wrapped = new List<Token>(tokens.Count + 2) { new(TokenKind.BeginGroup, "{", at.Position) };
        wrapped.AddRange(tokens);
        wrapped.Add(new Token(TokenKind.EndGroup, "}", at.Position));
        _tokens.PushFront(wrapped);
        Token open = _tokens.Next();
        return ParseGroupBody(open);
    }
}
