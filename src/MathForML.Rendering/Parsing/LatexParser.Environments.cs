namespace MathForML.Rendering.Parsing;

/// <summary>\begin{…}…\end{…} grids and \substack.</summary>
internal sealed partial class LatexParser
{
    /// <summary>Supported environments: the grid kind and the delimiters drawn around it.</summary>
    private static (ArrayKind Kind, string? Left, string? Right)? EnvironmentSpec(string name) => name switch
    {
        "matrix" => (ArrayKind.Matrix, null, null),
        "smallmatrix" => (ArrayKind.Matrix, null, null),
        "matrix*" => (ArrayKind.Matrix, null, null),
        "pmatrix*" => (ArrayKind.Matrix, "(", ")"),
        "bmatrix*" => (ArrayKind.Matrix, "[", "]"),
        "Bmatrix*" => (ArrayKind.Matrix, "{", "}"),
        "vmatrix*" => (ArrayKind.Matrix, "|", "|"),
        "Vmatrix*" => (ArrayKind.Matrix, "\u2016", "\u2016"),
        "subarray" => (ArrayKind.Substack, null, null),
        "pmatrix" => (ArrayKind.Matrix, "(", ")"),
        "bmatrix" => (ArrayKind.Matrix, "[", "]"),
        "Bmatrix" => (ArrayKind.Matrix, "{", "}"),
        "vmatrix" => (ArrayKind.Matrix, "|", "|"),
        "Vmatrix" => (ArrayKind.Matrix, "\u2016", "\u2016"),
        "array" => (ArrayKind.Array, null, null),
        "darray" => (ArrayKind.Array, null, null),
        "cases" => (ArrayKind.Cases, "{", string.Empty),
        "dcases" => (ArrayKind.Cases, "{", string.Empty),
        "rcases" => (ArrayKind.Cases, string.Empty, "}"),
        "aligned" => (ArrayKind.Aligned, null, null),
        "align" => (ArrayKind.Aligned, null, null),
        "align*" => (ArrayKind.Aligned, null, null),
        "split" => (ArrayKind.Aligned, null, null),
        "alignat" => (ArrayKind.Aligned, null, null),
        "alignat*" => (ArrayKind.Aligned, null, null),
        "alignedat" => (ArrayKind.Aligned, null, null),
        "gather" => (ArrayKind.Gather, null, null),
        "gather*" => (ArrayKind.Gather, null, null),
        "gathered" => (ArrayKind.Gather, null, null),
        "equation" => (ArrayKind.Gather, null, null),
        "equation*" => (ArrayKind.Gather, null, null),
        _ => null,
    };

    private ArrayNode ParseEnvironment(Token begin)
    {
        string name = ReadEnvironmentName(begin);
        if (name == "CD")
        {
            return ParseCommutativeDiagram(begin);
        }

        if (EnvironmentSpec(name) is not { } spec)
        {
            throw LatexParseException.Create(RenderErrorCodes.UnknownEnvironment, RenderMessages.UnknownEnvironment, begin.Text, begin.Position, name);
        }

        var node = new ArrayNode(begin.Position, spec.Kind)
        {
            LeftDelimiter = spec.Left,
            RightDelimiter = spec.Right,
            CellStyle = name is "smallmatrix" or "subarray" ? MathStyle.Script : name is "dcases" or "darray" ? MathStyle.Display : null,
        };
        if (name is "array" or "darray" or "subarray")
        {
            ParseColumnSpec(begin, node);
        }
        else if (name.EndsWith("matrix*", StringComparison.Ordinal) && _tokens.Peek().IsChar('['))
        {
            string align = TokensToText(ReadBracketTokens(begin)).Trim();
            node.Columns.Add(align switch { "l" => ColumnAlign.Left, "r" => ColumnAlign.Right, _ => ColumnAlign.Center });
        }
        else if (name is "alignat" or "alignat*" or "alignedat")
        {
            _tokens.ReadRawArgument(begin.Text, begin.Position);
        }

        Enter(begin);
        int rowIndex = 0;
        while (true)
        {
            var row = new List<MathList>();
            ConsumeHorizontalRules(node, rowIndex);
            Token end;
            while (true)
            {
                MathVariant saved = _variant;
                row.Add(ParseList());
                _variant = saved;
                end = _tokens.Next();
                if (end.Kind != TokenKind.AlignmentTab)
                {
                    break;
                }
            }

            if (end.IsCommand("\\\\") || end.IsCommand("\\cr") || end.IsCommand("\\newline"))
            {
                FlushTag(row[^1]);
                node.Rows.Add(row);
                if (_tokens.PeekRaw().IsChar('['))
                {
                    List<Token> length = ReadBracketTokens(end);
                    (double value, bool isMu) = ParseDimension(TokensToText(length), end, end.Position);
                    node.ExtraRowSpace[rowIndex] = isMu ? value / 18 : value;
                }

                rowIndex++;
                continue;
            }

            if (end.IsCommand("\\end"))
            {
                string closing = ReadEnvironmentName(end);
                if (closing != name)
                {
                    throw LatexParseException.Create(RenderErrorCodes.EnvironmentMismatch, RenderMessages.MismatchedEnvironment, end.Text, end.Position, name, closing);
                }

                // A trailing \\ leaves an empty last row that TeX does not typeset.
                FlushTag(row[^1]);
                bool emptyRow = row.Count == 1 && row[0].IsEmpty;
                if (!emptyRow || node.Rows.Count == 0)
                {
                    node.Rows.Add(row);
                }

                break;
            }

            if (end.Kind == TokenKind.End)
            {
                throw LatexParseException.Create(RenderErrorCodes.EnvironmentMismatch, RenderMessages.UnclosedEnvironment, begin.Text, begin.Position, name);
            }

            throw Unexpected(end);
        }

        Leave();
        if (node.Kind == ArrayKind.Array && node.Columns.Count > 0 && node.ColumnCount > node.Columns.Count)
        {
            throw LatexParseException.Create(RenderErrorCodes.Alignment, RenderMessages.TooManyColumns, begin.Text, begin.Position, name);
        }

        return node;
    }

    private void ConsumeHorizontalRules(ArrayNode node, int rowIndex)
    {
        while (_tokens.Peek().IsCommand("\\hline") || _tokens.Peek().IsCommand("\\hdashline"))
        {
            _tokens.Next();
            node.HorizontalRules.Add(rowIndex);
        }
    }

    private string ReadEnvironmentName(Token command)
    {
        _tokens.SkipSpaces();
        if (_tokens.PeekUnexpanded().Kind != TokenKind.BeginGroup)
        {
            throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingOpenBrace, command.Text, command.Position, command.Text);
        }

        _tokens.NextUnexpanded();
        return TokensToText(_tokens.ReadBalanced(command.Text, command.Position)).Trim();
    }

    private void ParseColumnSpec(Token begin, ArrayNode node)
    {
        _tokens.SkipSpaces();
        Token open = _tokens.PeekUnexpanded();
        if (open.Kind != TokenKind.BeginGroup)
        {
            throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingOpenBrace, begin.Text, begin.Position, begin.Text);
        }

        _tokens.NextUnexpanded();
        foreach (Token t in _tokens.ReadBalanced(begin.Text, begin.Position))
        {
            switch (t.Text)
            {
                case "l": node.Columns.Add(ColumnAlign.Left); break;
                case "c": node.Columns.Add(ColumnAlign.Center); break;
                case "r": node.Columns.Add(ColumnAlign.Right); break;
                case "|" or ":": node.VerticalRules.Add(node.Columns.Count); break;
                case " ": break;
                default:
                    throw LatexParseException.Create(RenderErrorCodes.Alignment, RenderMessages.UnexpectedCharacter, begin.Text, t.Position, t.Text);
            }
        }
    }

    private ArrayNode ParseSubstack(Token command)
    {
        _tokens.SkipSpaces();
        Token open = _tokens.Next();
        if (open.Kind != TokenKind.BeginGroup)
        {
            throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingOpenBrace, command.Text, command.Position, command.Text);
        }

        Enter(open);
        var node = new ArrayNode(command.Position, ArrayKind.Substack);
        while (true)
        {
            MathList line = ParseList();
            Token end = _tokens.Next();
            node.Rows.Add([line]);
            if (end.Kind == TokenKind.EndGroup)
            {
                break;
            }

            if (!end.IsCommand("\\\\"))
            {
                if (end.Kind == TokenKind.End)
                {
                    throw LatexParseException.Create(RenderErrorCodes.UnbalancedBraces, RenderMessages.UnclosedGroup, command.Text, open.Position);
                }

                throw Unexpected(end);
            }
        }

        Leave();
        return node;
    }
}
