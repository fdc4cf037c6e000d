namespace MathForML.Rendering.Parsing;

/// <summary>Dispatch of control sequences to atoms.</summary>
internal sealed partial class LatexParser
{
    private static readonly Dictionary<string, string> LiteralCommands = new(StringComparer.Ordinal)
    {
        ["\\#"] = "#",
        ["\\$"] = "$",
        ["\\%"] = "%",
        ["\\&"] = "&",
        ["\\_"] = "_",
        ["\\|"] = "\u2016",
    };

    private MathNode? ParseCommand(Token t)
    {
        string name = t.Text;
        if (SymbolTable.TryGet(name, out SymbolInfo? symbol))
        {
            bool integral = symbol.Text is "\u222B" or "\u222C" or "\u222D" or "\u222E" or "\u222F" or "\u2230" or "\u2A0C";
            return new SymbolNode(symbol.Type, t.Position, symbol.Text, _variant)
            {
                IsLargeOperator = symbol.IsLargeOperator,
                Limits = integral ? LimitsMode.NoLimits : LimitsMode.Default,
            };
        }

        if (name is "\\{" or "\\}")
        {
            return new SymbolNode(name == "\\{" ? AtomType.Open : AtomType.Close, t.Position, name[1..], MathVariant.Normal);
        }

        if (name is "\\maltese" or "\\pounds" or "\\yen" or "\\copyright" or "\\dag" or "\\ddag" or "\\minuso" or "\\textdollar")
        {
            string text = name == "\\maltese" ? "\u2720" : name == "\\minuso" ? "\u29B5" : TryTextSymbol(name, out string s) ? s : name;
            return new SymbolNode(AtomType.Ord, t.Position, text, MathVariant.Normal);
        }

        if (LiteralCommands.TryGetValue(name, out string? literal))
        {
            return new SymbolNode(AtomType.Ord, t.Position, literal, MathVariant.Normal);
        }

        if (MuSpace(name) is double mu)
        {
            return new SpaceNode(t.Position, mu, isMu: true);
        }

        if (EmSpace(name) is double em)
        {
            return new SpaceNode(t.Position, em, isMu: false);
        }

        if (StyleCommand(name) is MathStyle style)
        {
            return new StyleNode(t.Position, style);
        }

        if (OperatorName(name) is { } op)
        {
            return NamedOperator(t.Position, op.Text, op.Limits);
        }

        if (FontCommand(name) is MathVariant variant)
        {
            MathVariant saved = _variant;
            _variant = variant;
            MathList body = ParseArgument(t);
            _variant = saved;
            return new GroupNode(AtomType.Ord, t.Position, body);
        }

        if (FontSwitch(name) is MathVariant switched)
        {
            _variant = switched;
            return null;
        }

        if (TextCommand(name) is MathVariant textVariant)
        {
            return new GroupNode(AtomType.Ord, t.Position, ParseTextArgument(t, textVariant));
        }

        if (ClassCommand(name) is AtomType type)
        {
            MathList body = ParseArgument(t);
            return new GroupNode(type, t.Position, body);
        }

        return ParseStructureCommand(t);
    }

    private MathNode? ParseStructureCommand(Token t)
    {
        switch (t.Text)
        {
            case "\\frac" or "\\dfrac" or "\\tfrac" or "\\cfrac":
            {
                MathList numerator = ParseArgument(t);
                MathList denominator = ParseArgument(t);
                return new FractionNode(t.Position, numerator, denominator)
                {
                    ForcedStyle = t.Text switch { "\\dfrac" or "\\cfrac" => MathStyle.Display, "\\tfrac" => MathStyle.Text, _ => null },
                    Continued = t.Text == "\\cfrac",
                };
            }

            case "\\binom" or "\\dbinom" or "\\tbinom":
            {
                MathList top = ParseArgument(t);
                MathList bottom = ParseArgument(t);
                return new FractionNode(t.Position, top, bottom)
                {
                    HasRule = false,
                    LeftDelimiter = "(",
                    RightDelimiter = ")",
                    ForcedStyle = t.Text switch { "\\dbinom" => MathStyle.Display, "\\tbinom" => MathStyle.Text, _ => null },
                };
            }

            case "\\sqrt":
            {
                MathList? index = ParseOptionalMathArgument(t);
                MathList body = ParseArgument(t);
                return new RadicalNode(t.Position, body, index);
            }

            case "\\left":
                return ParseLeftRight(t);
            case "\\operatorname" or "\\operatorname*" or "\\operatornamewithlimits":
            {
                bool limits = t.Text != "\\operatorname";
                if (_tokens.Peek().IsChar('*'))
                {
                    _tokens.Next();
                    limits = true;
                }

                MathVariant saved = _variant;
                _variant = MathVariant.Normal;
                MathList name = ParseArgument(t);
                _variant = saved;
                return new NamedOperatorNode(t.Position, name) { Limits = limits ? LimitsMode.Default : LimitsMode.NoLimits };
            }

            case "\\textcolor":
            {
                var color = ParseColorArgument(t);
                return new ColorNode(t.Position, color, ParseArgument(t));
            }

            case "\\begin":
                return ParseEnvironment(t);
            case "\\substack":
                return ParseSubstack(t);
            case "\\overset" or "\\underset" or "\\stackrel":
            {
                MathList annotation = ParseArgument(t);
                MathList body = ParseArgument(t);
                var kind = t.Text == "\\underset" ? OverUnderKind.UnderSet : OverUnderKind.OverSet;
                var node = new OverUnderNode(t.Position, kind, body) { Annotation = annotation };

                // amsmath gives the result the class of a single-atom base (so \overset{def}{=} is a relation).
                node.Type = t.Text == "\\stackrel" ? AtomType.Rel
                    : body.Items is [MathNode only] && only is not GroupNode ? only.Type : AtomType.Ord;

                return node;
            }

            case "\\phantom" or "\\hphantom" or "\\vphantom":
            {
                PhantomKind kind = t.Text switch { "\\hphantom" => PhantomKind.Horizontal, "\\vphantom" => PhantomKind.Vertical, _ => PhantomKind.Full };
                return new PhantomNode(t.Position, ParseArgument(t), kind);
            }

            case "\\boxed":
                return new BoxedNode(t.Position, ParseArgument(t));
            case "\\newcommand" or "\\renewcommand" or "\\def":
                ParseDefinition(t);
                return null;
            case "\\not":
                return ParseNegation(t);
            case "\\bmod":
                return NamedOperatorAs(t.Position, "mod", AtomType.Bin);
            case "\\pmod" or "\\pod" or "\\mod":
                return ParseModulo(t);
            case "\\hspace" or "\\hspace*" or "\\kern" or "\\mkern" or "\\hskip" or "\\mskip":
                return ParseExplicitSpace(t);
            case "\\nonumber" or "\\notag" or "\\displaylimits" or "\\relax" or "\\allowbreak" or "\\nobreak":
                return null;
            default:
                if (TryParsePackageCommand(t, out MathNode? package))
                {
                    return package;
                }

                if (TryParseExtra(t, out MathNode? extra))
                {
                    return extra;
                }

                if (TryParseAccentOrOverUnder(t, out MathNode? accent))
                {
                    return accent;
                }

                if (TryParseSizedDelimiter(t, out MathNode? sized))
                {
                    return sized;
                }

                throw LatexParseException.Create(RenderErrorCodes.UnknownCommand, RenderMessages.UnknownCommand, t.Text, t.Position, t.Text);
        }
    }

    private static NamedOperatorNode NamedOperator(int position, string text, bool limits)
    {
        var name = new MathList();
        foreach (char c in text)
        {
            if (c == ' ')
            {
                name.Add(new SpaceNode(position, SpaceWidths.ThinMu, isMu: true));
            }
            else
            {
                name.Add(new SymbolNode(AtomType.Ord, position, c.ToString(), MathVariant.Normal));
            }
        }

        return new NamedOperatorNode(position, name) { Limits = limits ? LimitsMode.Default : LimitsMode.NoLimits };
    }

    private static NamedOperatorNode NamedOperatorAs(int position, string text, AtomType type)
    {
        NamedOperatorNode node = NamedOperator(position, text, limits: false);
        node.Type = type;
        return node;
    }

    private GroupNode ParseModulo(Token t)
    {
        MathList argument = ParseArgument(t);
        var list = new MathList();
        double gap = t.Text == "\\mod" ? 12 : 18;
        list.Add(new SpaceNode(t.Position, gap, isMu: true));
        if (t.Text == "\\pmod" || t.Text == "\\pod")
        {
            list.Add(new SymbolNode(AtomType.Open, t.Position, "(", MathVariant.Normal));
        }

        if (t.Text != "\\pod")
        {
            list.Add(NamedOperatorAs(t.Position, "mod", AtomType.Ord));
            list.Add(new SpaceNode(t.Position, 6, isMu: true));
        }

        list.Add(new GroupNode(AtomType.Ord, t.Position, argument));
        if (t.Text == "\\pmod" || t.Text == "\\pod")
        {
            list.Add(new SymbolNode(AtomType.Close, t.Position, ")", MathVariant.Normal));
        }

        return new GroupNode(AtomType.Ord, t.Position, list);
    }

    private SymbolNode ParseNegation(Token t)
    {
        Token next = _tokens.Peek();
        if (next.Kind is TokenKind.Character or TokenKind.Command && !IsListTerminator(next))
        {
            MathNode? atom = ParseAtom();
            if (atom is SymbolNode symbol)
            {
                return new SymbolNode(symbol.Type, symbol.Position, symbol.Text, symbol.Variant) { Negated = true };
            }

            _pendingNode = atom;
        }

        // TeX's \not is a zero-width relation whose slash overprints whatever follows.
        return new SymbolNode(AtomType.Rel, t.Position, NotSlash, MathVariant.Normal);
    }

    /// <summary>Marker text of a standalone \not (laid out as a zero-width overprinting slash).</summary>
    public const string NotSlash = "\u0338";
}
