namespace MathForML.Rendering.Parsing;

/// <summary>\left…\right, \big-family delimiters, accents and over/under constructions.</summary>
internal sealed partial class LatexParser
{
    private static readonly HashSet<string> DelimiterTexts =
    [
        "(", ")", "[", "]", "{", "}", "|", "/", "\\", "\u27E8", "\u27E9", "\u2308", "\u2309", "\u230A", "\u230B",
        "\u2016", "\u2191", "\u2193", "\u2195", "\u21D1", "\u21D3", "\u21D5", "\u27EE", "\u27EF", "\u23B0", "\u23B1",
        "\u27E6", "\u27E7", "\u231C", "\u231D", "\u231E", "\u231F",
    ];

    /// <summary>Accent commands: the combining mark and whether it stretches over the whole base.</summary>
    private static (string Accent, bool Stretchy)? AccentCommand(string command) => command switch
    {
        "\\hat" => ("\u0302", false),
        "\\check" => ("\u030C", false),
        "\\tilde" => ("\u0303", false),
        "\\acute" => ("\u0301", false),
        "\\grave" => ("\u0300", false),
        "\\dot" => ("\u0307", false),
        "\\ddot" => ("\u0308", false),
        "\\dddot" => ("\u20DB", false),
        "\\breve" => ("\u0306", false),
        "\\bar" => ("\u0304", false),
        "\\vec" => ("\u20D7", false),
        "\\mathring" => ("\u030A", false),
        "\\widehat" => ("\u0302", true),
        "\\widetilde" => ("\u0303", true),
        "\\widecheck" => ("\u030C", true),
        _ => null,
    };

    /// <summary>Over/under constructions: rules, braces, stretchy arrows and extensible arrows.</summary>
    private static (OverUnderKind Kind, string? Glyph)? OverUnderCommand(string command) => command switch
    {
        "\\overline" => (OverUnderKind.Overline, null),
        "\\underline" => (OverUnderKind.Underline, null),
        "\\overbrace" => (OverUnderKind.OverBrace, "\u23DE"),
        "\\underbrace" => (OverUnderKind.UnderBrace, "\u23DF"),
        "\\overparen" => (OverUnderKind.OverBrace, "\u23DC"),
        "\\underparen" => (OverUnderKind.UnderBrace, "\u23DD"),
        "\\overbracket" => (OverUnderKind.OverBrace, "\u23B4"),
        "\\underbracket" => (OverUnderKind.UnderBrace, "\u23B5"),
        "\\overrightarrow" => (OverUnderKind.OverStretchy, "\u2192"),
        "\\overleftarrow" => (OverUnderKind.OverStretchy, "\u2190"),
        "\\overleftrightarrow" => (OverUnderKind.OverStretchy, "\u2194"),
        "\\underrightarrow" => (OverUnderKind.UnderStretchy, "\u2192"),
        "\\underleftarrow" => (OverUnderKind.UnderStretchy, "\u2190"),
        "\\underleftrightarrow" => (OverUnderKind.UnderStretchy, "\u2194"),
        "\\underbar" => (OverUnderKind.Underline, null),
        "\\overgroup" => (OverUnderKind.OverBrace, "\u23E0"),
        "\\undergroup" => (OverUnderKind.UnderBrace, "\u23E1"),
        "\\Overrightarrow" => (OverUnderKind.OverStretchy, "\u21D2"),
        "\\overleftharpoon" => (OverUnderKind.OverStretchy, "\u21BC"),
        "\\overrightharpoon" => (OverUnderKind.OverStretchy, "\u21C0"),
        "\\xrightarrow" => (OverUnderKind.ExtensibleArrow, "\u2192"),
        "\\xleftarrow" => (OverUnderKind.ExtensibleArrow, "\u2190"),
        "\\xRightarrow" => (OverUnderKind.ExtensibleArrow, "\u21D2"),
        "\\xLeftarrow" => (OverUnderKind.ExtensibleArrow, "\u21D0"),
        "\\xleftrightarrow" => (OverUnderKind.ExtensibleArrow, "\u2194"),
        "\\xLeftrightarrow" => (OverUnderKind.ExtensibleArrow, "\u21D4"),
        "\\xhookleftarrow" => (OverUnderKind.ExtensibleArrow, "\u21A9"),
        "\\xhookrightarrow" => (OverUnderKind.ExtensibleArrow, "\u21AA"),
        "\\xmapsto" => (OverUnderKind.ExtensibleArrow, "\u21A6"),
        "\\xrightharpoonup" => (OverUnderKind.ExtensibleArrow, "\u21C0"),
        "\\xrightharpoondown" => (OverUnderKind.ExtensibleArrow, "\u21C1"),
        "\\xleftharpoonup" => (OverUnderKind.ExtensibleArrow, "\u21BC"),
        "\\xleftharpoondown" => (OverUnderKind.ExtensibleArrow, "\u21BD"),
        "\\xrightleftharpoons" => (OverUnderKind.ExtensibleArrow, "\u21CC"),
        "\\xleftrightharpoons" => (OverUnderKind.ExtensibleArrow, "\u21CB"),
        "\\xtwoheadrightarrow" => (OverUnderKind.ExtensibleArrow, "\u21A0"),
        "\\xtwoheadleftarrow" => (OverUnderKind.ExtensibleArrow, "\u219E"),
        "\\xlongequal" => (OverUnderKind.ExtensibleArrow, "="),
        "\\xtofrom" => (OverUnderKind.ExtensibleArrow, "\u21C4"),

        // mhchem's reaction arrows (<-->, <=>>, <<=>) under KaTeX's names; the lopsided equilibria are drawn
        // with the font's equal-length harpoon pairs (Unicode has no lopsided forms).
        "\\xrightleftarrows" => (OverUnderKind.ExtensibleArrow, "\u21C4"),
        "\\xrightequilibrium" => (OverUnderKind.ExtensibleArrow, "\u21CC"),
        "\\xleftequilibrium" => (OverUnderKind.ExtensibleArrow, "\u21CB"),
        _ => null,
    };

    private LeftRightNode ParseLeftRight(Token left)
    {
        Enter(left);
        var delimiters = new List<string> { ParseDelimiter(left) };
        var bodies = new List<MathList>();
        while (true)
        {
            bodies.Add(ParseList());
            Token t = _tokens.Next();
            if (t.IsCommand("\\middle"))
            {
                delimiters.Add(ParseDelimiter(t));
                continue;
            }

            if (t.IsCommand("\\right"))
            {
                delimiters.Add(ParseDelimiter(t));
                break;
            }

            if (t.Kind == TokenKind.End)
            {
                throw LatexParseException.Create(RenderErrorCodes.Delimiter, RenderMessages.MissingRight, "\\left", left.Position);
            }

            throw Unexpected(t);
        }

        Leave();
        return new LeftRightNode(left.Position, delimiters, bodies);
    }

    /// <summary>Reads the delimiter after \left, \right, \big…; "." gives the empty string.</summary>
    private string ParseDelimiter(Token command)
    {
        Token t = _tokens.Next();
        string? text = null;
        if (t.Kind == TokenKind.Character)
        {
            text = t.Text switch { "." => string.Empty, "<" => "\u27E8", ">" => "\u27E9", _ => t.Text };
        }
        else if (t.Kind == TokenKind.Command)
        {
            if (t.Text is "\\{" or "\\}")
            {
                text = t.Text[1..];
            }
            else if (t.Text == "\\|")
            {
                text = "\u2016";
            }
            else if (t.Text == "\\backslash")
            {
                text = "\\";
            }
            else if (SymbolTable.TryGet(t.Text, out SymbolInfo? info))
            {
                text = info.Text;
            }
        }

        if (t.Kind is TokenKind.End or TokenKind.EndGroup)
        {
            throw LatexParseException.Create(RenderErrorCodes.Delimiter, RenderMessages.MissingDelimiter, command.Text, command.Position, command.Text);
        }

        if (text is null || (text.Length > 0 && !DelimiterTexts.Contains(text)))
        {
            throw LatexParseException.Create(RenderErrorCodes.Delimiter, RenderMessages.InvalidDelimiter, t.Text, t.Position, t.Text);
        }

        return text;
    }

    private bool TryParseSizedDelimiter(Token t, out MathNode? node)
    {
        if (SizedDelimiterCommand(t.Text) is not { } sized)
        {
            node = null;
            return false;
        }

        string delimiter = ParseDelimiter(t);
        AtomType type = sized.Type;
        if (type == AtomType.Ord)
        {
            // Plain \big takes the class of the delimiter itself.
            type = DelimiterTexts.Contains(delimiter) && delimiter is "(" or "[" or "{" or "\u27E8" or "\u2308" or "\u230A" ? AtomType.Open
                : delimiter is ")" or "]" or "}" or "\u27E9" or "\u2309" or "\u230B" ? AtomType.Close : AtomType.Ord;
        }

        node = new SizedDelimiterNode(type, t.Position, delimiter, sized.Size);
        return true;
    }

    private bool TryParseAccentOrOverUnder(Token t, out MathNode? node)
    {
        if (AccentCommand(t.Text) is { } accent)
        {
            node = new AccentNode(t.Position, ParseArgument(t), accent.Accent, accent.Stretchy);
            return true;
        }

        if (OverUnderCommand(t.Text) is { } overUnder)
        {
            if (overUnder.Kind == OverUnderKind.ExtensibleArrow)
            {
                MathList? below = ParseOptionalMathArgument(t);
                MathList above = ParseArgument(t);
                node = new OverUnderNode(t.Position, OverUnderKind.ExtensibleArrow, above) { Glyph = overUnder.Glyph, Annotation = below, Type = AtomType.Rel };
                return true;
            }

            var built = new OverUnderNode(t.Position, overUnder.Kind, ParseArgument(t)) { Glyph = overUnder.Glyph };
            if (overUnder.Kind is OverUnderKind.OverBrace or OverUnderKind.UnderBrace)
            {
                // TeX makes braces operators with limits, so ^ and _ label the brace.
                built.Type = AtomType.Op;
                built.Limits = LimitsMode.Limits;
            }

            node = built;
            return true;
        }

        node = null;
        return false;
    }

    /// <summary>\big-family commands: the size step (1–4) and the class the l/r/m suffix gives.</summary>
    private static (int Size, AtomType Type)? SizedDelimiterCommand(string command) => command switch
    {
        "\\big" => (1, AtomType.Ord), "\\bigl" => (1, AtomType.Open), "\\bigr" => (1, AtomType.Close), "\\bigm" => (1, AtomType.Rel),
        "\\Big" => (2, AtomType.Ord), "\\Bigl" => (2, AtomType.Open), "\\Bigr" => (2, AtomType.Close), "\\Bigm" => (2, AtomType.Rel),
        "\\bigg" => (3, AtomType.Ord), "\\biggl" => (3, AtomType.Open), "\\biggr" => (3, AtomType.Close), "\\biggm" => (3, AtomType.Rel),
        "\\Bigg" => (4, AtomType.Ord), "\\Biggl" => (4, AtomType.Open), "\\Biggr" => (4, AtomType.Close), "\\Biggm" => (4, AtomType.Rel),
        _ => null,
    };
}
