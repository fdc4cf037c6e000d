namespace MathForML.Rendering.Parsing;

/// <summary>
/// Recursive-descent parser from LaTeX math to a list of atoms. Failures are
/// <see cref="LatexParseException"/>s carrying the command and source position.
/// </summary>
internal sealed partial class LatexParser
{
    private readonly TokenStream _tokens;
    private int _depth;
    private MathVariant _variant = MathVariant.Default;

    /// <summary>An atom read ahead by \not that must follow the slash in the list.</summary>
    private MathNode? _pendingNode;

    public LatexParser(string source, IReadOnlyDictionary<string, string>? macros)
    {
        var definitions = new Dictionary<string, MacroDefinition>(StringComparer.Ordinal)
        {
            ["\\bgroup"] = new MacroDefinition(0, [new Token(TokenKind.BeginGroup, "{", 0)]),
            ["\\egroup"] = new MacroDefinition(0, [new Token(TokenKind.EndGroup, "}", 0)]),
            ["\\implies"] = TokenStream.Define("\\;\\Longrightarrow\\;"),
            ["\\impliedby"] = TokenStream.Define("\\;\\Longleftarrow\\;"),
            ["\\iff"] = TokenStream.Define("\\;\\Longleftrightarrow\\;"),
            ["\\mathstrut"] = TokenStream.Define("\\vphantom{(}"),
            ["\\TeX"] = TokenStream.Define("\\text{T\\kern-.1667em\\raisebox{-.5ex}{E}\\kern-.125em X}"),
            ["\\LaTeX"] = TokenStream.Define("\\text{L\\kern-.36em\\raisebox{.21em}{\\scriptsize A}\\kern-.15em\\TeX}"),
            ["\\KaTeX"] = TokenStream.Define("\\text{K\\kern-.17em\\raisebox{.21em}{\\scriptsize A}\\kern-.15em\\TeX}"),
        };
        DefinePackageMacros(definitions);
        if (macros is not null)
        {
            foreach ((string name, string body) in macros)
            {
                string key = name.StartsWith('\\') ? name : "\\" + name;
                if (key.Length < 2 || !key[1..].All(char.IsAsciiLetter))
                {
                    throw LatexParseException.Create(RenderErrorCodes.InvalidMacro, RenderMessages.InvalidMacroDefinition, key, 0, key);
                }

                definitions[key] = TokenStream.Define(body);
            }
        }

        _tokens = new TokenStream(Tokenizer.Tokenize(source), definitions, source.Length);
    }

    public static MathList Parse(string source, IReadOnlyDictionary<string, string>? macros)
    {
        var parser = new LatexParser(source, macros);
        return parser.ParseAll();
    }

    private MathList ParseAll()
    {
        MathList list = ParseTopLevelLines();
        Token t = _tokens.Peek();
        if (t.Kind != TokenKind.End)
        {
            throw Unexpected(t);
        }

        FlushTag(list);
        return list;
    }

    private static LatexParseException Unexpected(Token t) => t.Kind switch
    {
        TokenKind.EndGroup => LatexParseException.Create(RenderErrorCodes.UnbalancedBraces, RenderMessages.UnbalancedCloseBrace, null, t.Position),
        TokenKind.AlignmentTab => LatexParseException.Create(RenderErrorCodes.Alignment, RenderMessages.MisplacedAlignment, "&", t.Position),
        _ when t.IsCommand("\\right") || t.IsCommand("\\middle") =>
            LatexParseException.Create(RenderErrorCodes.Delimiter, RenderMessages.UnexpectedRight, t.Text, t.Position, t.Text),
        _ when t.IsCommand("\\\\") || t.IsCommand("\\cr") =>
            LatexParseException.Create(RenderErrorCodes.Alignment, RenderMessages.MisplacedAlignment, t.Text, t.Position),
        _ when t.IsCommand("\\end") =>
            LatexParseException.Create(RenderErrorCodes.EnvironmentMismatch, RenderMessages.UnknownCommand, t.Text, t.Position, t.Text),
        _ => LatexParseException.Create(RenderErrorCodes.UnexpectedCharacter, RenderMessages.UnexpectedCharacter, null, t.Position, t.Text),
    };

    private void Enter(Token at)
    {
        if (++_depth > RenderLimits.MaxNestingDepth)
        {
            throw LatexParseException.Create(RenderErrorCodes.NestingTooDeep, RenderMessages.NestingTooDeep, null, at.Position, RenderLimits.MaxNestingDepth);
        }
    }

    private void Leave() => _depth--;

    private static bool IsListTerminator(Token t) =>
        t.Kind is TokenKind.End or TokenKind.EndGroup or TokenKind.AlignmentTab
        || (t.Kind == TokenKind.Command && t.Text is "\\right" or "\\middle" or "\\end" or "\\\\" or "\\cr" or "\\newline");

    /// <summary>Parses atoms until a terminator (left in the stream for the caller).</summary>
    private MathList ParseList()
    {
        var list = new MathList();
        MathList? numerator = null;
        Token infix = default;
        while (true)
        {
            Token t = _tokens.Peek();
            if (IsListTerminator(t))
            {
                break;
            }

            if (t.Kind == TokenKind.Command && t.Text is "\\over" or "\\choose" or "\\atop" or "\\brace" or "\\brack" or "\\above")
            {
                _tokens.Next();
                if (t.Text == "\\above")
                {
                    ParseExplicitSpace(new Token(TokenKind.Command, "\\kern", t.Position));
                }

                numerator = list;
                infix = t;
                list = new MathList();
                continue;
            }

            if (t.Kind == TokenKind.Command && t.Text is "\\color")
            {
                _tokens.Next();
                var color = ParseColorArgument(t);
                MathList rest = ParseList();
                list.Add(new ColorNode(t.Position, color, rest));
                break;
            }

            MathNode? node = ParseAtom();
            if (node is null)
            {
                continue;
            }

            if (_pendingNode is MathNode pending)
            {
                _pendingNode = null;
                list.Add(node);
                node = pending;
            }

            ParseScripts(node);
            list.Add(node);
        }

        if (numerator is null)
        {
            return list;
        }

        var fraction = new FractionNode(infix.Position, numerator, list)
        {
            HasRule = infix.Text is "\\over" or "\\above",
            LeftDelimiter = infix.Text switch { "\\choose" => "(", "\\brace" => "{", "\\brack" => "[", _ => null },
            RightDelimiter = infix.Text switch { "\\choose" => ")", "\\brace" => "}", "\\brack" => "]", _ => null },
        };
        var result = new MathList();
        result.Add(fraction);
        return result;
    }

    /// <summary>
    /// Reads a group's contents after its opening brace, through the closing brace. A plain group may
    /// hold \\ (KaTeX breaks the formula there); a command's argument may not, as in LaTeX math.
    /// </summary>
    private MathList ParseGroupBody(Token open, bool allowLineBreaks = false)
    {
        Enter(open);
        MathVariant saved = _variant;
        MathList body = ParseList();
        while (allowLineBreaks && _tokens.Peek() is { Kind: TokenKind.Command, Text: "\\\\" or "\\newline" } lineBreak)
        {
            _tokens.Next();
            body.Add(new LineBreakNode(lineBreak.Position, ReadLineBreakSpace(lineBreak)));
            body.Items.AddRange(ParseList().Items);
        }

        _variant = saved;
        Token close = _tokens.Next();
        if (close.Kind != TokenKind.EndGroup)
        {
            if (close.Kind == TokenKind.End)
            {
                throw LatexParseException.Create(RenderErrorCodes.UnbalancedBraces, RenderMessages.UnclosedGroup, null, open.Position);
            }

            throw Unexpected(close);
        }

        Leave();
        return body;
    }

    /// <summary>One atom's nucleus, or null for commands that produce nothing (definitions).</summary>
    private MathNode? ParseAtom()
    {
        Token t = _tokens.Next();
        switch (t.Kind)
        {
            case TokenKind.BeginGroup:
                return new GroupNode(AtomType.Ord, t.Position, ParseGroupBody(t, allowLineBreaks: true));
            case TokenKind.Superscript or TokenKind.Subscript:
                // A script with no nucleus attaches to an empty atom, as in TeX.
                _tokens.PushFront([t]);
                return new GroupNode(AtomType.Ord, t.Position, new MathList());
            case TokenKind.Character:
                return CharacterAtom(t);
            case TokenKind.Command:
                return ParseCommand(t);
            case TokenKind.Verbatim:
                return VerbatimAtom(t);
            case TokenKind.Parameter:
                throw LatexParseException.Create(RenderErrorCodes.UnexpectedCharacter, RenderMessages.UnexpectedCharacter, null, t.Position, t.Text);
            default:
                throw Unexpected(t);
        }
    }

    private MathNode CharacterAtom(Token t)
    {
        string c = t.Text;
        if (c.Length == 1)
        {
            char ch = c[0];
            if (char.IsAsciiLetter(ch) || char.IsAsciiDigit(ch))
            {
                return new SymbolNode(AtomType.Ord, t.Position, c, _variant);
            }

            (AtomType type, string text)? mapped = ch switch
            {
                '+' => (AtomType.Bin, "+"),
                '-' => (AtomType.Bin, "\u2212"),
                '*' => (AtomType.Bin, "\u2217"),
                '=' or '<' or '>' or ':' => (AtomType.Rel, c),
                ',' or ';' => (AtomType.Punct, c),
                '(' or '[' => (AtomType.Open, c),
                ')' or ']' or '!' or '?' => (AtomType.Close, c),
                '.' or '/' or '|' or '@' or '"' or '`' => (AtomType.Ord, c),
                '\'' => (AtomType.Ord, "\u2032"),
                _ => null,
            };
            if (ch == '~')
            {
                return new SpaceNode(t.Position, SpaceWidths.InterWord, isMu: false);
            }

            if (mapped is { } m)
            {
                return new SymbolNode(m.type, t.Position, m.text, _variant);
            }
        }

        if (SymbolTable.TryGetByText(c, out SymbolInfo? info))
        {
            return new SymbolNode(info.Type, t.Position, info.Text, _variant) { IsLargeOperator = info.IsLargeOperator };
        }

        if (char.IsLetterOrDigit(c, 0) || char.IsSymbol(c, 0) || char.IsPunctuation(c, 0))
        {
            return new SymbolNode(AtomType.Ord, t.Position, c, _variant);
        }

        throw LatexParseException.Create(RenderErrorCodes.UnexpectedCharacter, RenderMessages.UnexpectedCharacter, null, t.Position, c);
    }
}
