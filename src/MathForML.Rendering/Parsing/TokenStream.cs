namespace MathForML.Rendering.Parsing;

/// <summary>A user or inline-defined macro: parameter count and pre-tokenized body.</summary>
internal sealed record MacroDefinition(int ParameterCount, IReadOnlyList<Token> Body);

/// <summary>
/// Token source with macro expansion at the head. Expansion is bounded by a step count and an
/// expanded-token budget so that recursive macros fail with an error instead of looping.
/// </summary>
internal sealed class TokenStream
{
    private readonly List<Token> _source;
    private readonly Stack<Token> _pending = new();
    private readonly Dictionary<string, MacroDefinition> _macros;
    private readonly int _endPosition;
    private int _index;
    private int _expansions;
    private int _expandedTokens;

    public TokenStream(List<Token> source, Dictionary<string, MacroDefinition> macros, int endPosition)
    {
        _source = source;
        _macros = macros;
        _endPosition = endPosition;
    }

    public Dictionary<string, MacroDefinition> Macros => _macros;

    /// <summary>The next token after macro expansion (spaces included).</summary>
    public Token PeekRaw()
    {
        while (true)
        {
            Token t = PeekUnexpanded();
            if (t.Kind == TokenKind.Command && _macros.TryGetValue(t.Text, out MacroDefinition? macro))
            {
                NextUnexpanded();
                Expand(t, macro);
                continue;
            }

            return t;
        }
    }

    public Token NextRaw()
    {
        Token t = PeekRaw();
        NextUnexpanded();
        return t;
    }

    /// <summary>The next non-space token after expansion.</summary>
    public Token Peek()
    {
        SkipSpaces();
        return PeekRaw();
    }

    public Token Next()
    {
        SkipSpaces();
        return NextRaw();
    }

    public void SkipSpaces()
    {
        while (PeekRaw().Kind == TokenKind.Space)
        {
            NextUnexpanded();
        }
    }

    public Token PeekUnexpanded() =>
        _pending.Count > 0 ? _pending.Peek()
        : _index < _source.Count ? _source[_index]
        : new Token(TokenKind.End, string.Empty, _endPosition);

    public Token NextUnexpanded()
    {
        if (_pending.Count > 0)
        {
            return _pending.Pop();
        }

        return _index < _source.Count ? _source[_index++] : new Token(TokenKind.End, string.Empty, _endPosition);
    }

    /// <summary>Reads one unexpanded argument: a balanced group without its braces, or one token.</summary>
    public List<Token> ReadRawArgument(string command, int position)
    {
        while (PeekUnexpanded().Kind == TokenKind.Space)
        {
            NextUnexpanded();
        }

        Token first = NextUnexpanded();
        if (first.Kind == TokenKind.End || first.Kind == TokenKind.EndGroup)
        {
            throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingArgument, command, position, command);
        }

        return first.Kind == TokenKind.BeginGroup ? ReadBalanced(command, position) : [first];
    }

    /// <summary>Reads unexpanded tokens up to the matching close brace (already past the open brace).</summary>
    public List<Token> ReadBalanced(string command, int position)
    {
        var tokens = new List<Token>();
        int depth = 1;
        while (true)
        {
            Token t = NextUnexpanded();
            switch (t.Kind)
            {
                case TokenKind.End:
                    throw LatexParseException.Create(RenderErrorCodes.UnbalancedBraces, RenderMessages.UnclosedGroup, command, position);
                case TokenKind.BeginGroup:
                    depth++;
                    break;
                case TokenKind.EndGroup:
                    depth--;
                    if (depth == 0)
                    {
                        return tokens;
                    }

                    break;
            }

            tokens.Add(t);
        }
    }

    public void PushFront(IReadOnlyList<Token> tokens)
    {
        _expandedTokens += tokens.Count;
        if (_expandedTokens > RenderLimits.MaxExpandedTokens)
        {
            Token at = tokens.Count > 0 ? tokens[0] : PeekUnexpanded();
            throw LatexParseException.Create(
                RenderErrorCodes.MacroExpansionLimit, RenderMessages.MacroExpansionLimit, at.Text, at.Position, RenderLimits.MaxMacroExpansions, at.Text);
        }

        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            _pending.Push(tokens[i]);
        }
    }

    private void Expand(Token call, MacroDefinition macro)
    {
        if (++_expansions > RenderLimits.MaxMacroExpansions)
        {
            throw LatexParseException.Create(
                RenderErrorCodes.MacroExpansionLimit, RenderMessages.MacroExpansionLimit, call.Text, call.Position, RenderLimits.MaxMacroExpansions, call.Text);
        }

        var arguments = new List<Token>[macro.ParameterCount];
        for (int i = 0; i < macro.ParameterCount; i++)
        {
            arguments[i] = ReadRawArgument(call.Text, call.Position);
        }

        var result = new List<Token>(macro.Body.Count);
        for (int i = 0; i < macro.Body.Count; i++)
        {
            Token t = macro.Body[i];
            if (t.Kind == TokenKind.Parameter && i + 1 < macro.Body.Count && macro.Body[i + 1].Kind == TokenKind.Parameter)
            {
                // "##" in a body stands for a literal "#", as in TeX.
                result.Add(new Token(TokenKind.Character, "#", call.Position));
                i++;
                continue;
            }

            if (t.Kind == TokenKind.Parameter && i + 1 < macro.Body.Count
                && macro.Body[i + 1].Kind == TokenKind.Character && char.IsAsciiDigit(macro.Body[i + 1].Text[0]))
            {
                int n = macro.Body[i + 1].Text[0] - '1';
                if (n >= 0 && n < arguments.Length)
                {
                    result.AddRange(arguments[n]);
                }

                i++;
                continue;
            }

            // Expanded tokens report the macro call's position: that is where the user can fix things.
            result.Add(t with { Position = call.Position });
        }

        PushFront(result);
    }

    /// <summary>Builds a definition; the parameter count is the highest #n in the body unless given.</summary>
    public static MacroDefinition Define(string body, int? parameterCount = null)
    {
        List<Token> tokens = Tokenizer.Tokenize(body);
        int highest = 0;
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Parameter && tokens[i + 1].Kind == TokenKind.Parameter)
            {
                i++;
                continue;
            }

            if (tokens[i].Kind == TokenKind.Parameter && tokens[i + 1].Kind == TokenKind.Character && char.IsAsciiDigit(tokens[i + 1].Text[0]))
            {
                highest = int.Max(highest, tokens[i + 1].Text[0] - '0');
            }
        }

        return new MacroDefinition(parameterCount ?? highest, tokens);
    }
}
