using System.Globalization;

namespace MathForML.Rendering.Parsing;

/// <summary>Less common commands: sizes, rules, laps, smash, boxes, \genfrac, \mathchoice, \tag.</summary>
internal sealed partial class LatexParser
{
    /// <summary>Size commands as a factor of the normal size.</summary>
    private static double? SizeCommand(string command) => command switch
    {
        "\\tiny" => 0.5, "\\scriptsize" => 0.7, "\\footnotesize" => 0.8, "\\small" => 0.9, "\\normalsize" => 1,
        "\\large" => 1.2, "\\Large" => 1.44, "\\LARGE" => 1.728, "\\huge" => 2.074, "\\Huge" => 2.488,
        _ => null,
    };

    private static readonly Dictionary<string, string> TextAccents = new(StringComparer.Ordinal)
    {
        ["\\'"] = "\u0301", ["\\`"] = "\u0300", ["\\^"] = "\u0302", ["\\\""] = "\u0308", ["\\~"] = "\u0303",
        ["\\="] = "\u0304", ["\\."] = "\u0307", ["\\H"] = "\u030B", ["\\r"] = "\u030A", ["\\u"] = "\u0306",
        ["\\v"] = "\u030C", ["\\c"] = "\u0327",
    };

    /// <summary>Triples of base letter, combining mark and precomposed letter (NFC data for Latin letters).</summary>
    private const string ComposedLatin = "a\u0301\u00E1a\u0300\u00E0a\u0302\u00E2a\u0308\u00E4a\u0303\u00E3a\u0304\u0101a\u0307\u0227a\u030A\u00E5a\u0306\u0103a\u030C\u01CEe\u0301\u00E9e\u0300\u00E8e\u0302\u00EAe\u0308\u00EBe\u0303\u1EBDe\u0304\u0113e\u0307\u0117e\u0306\u0115e\u030C\u011Be\u0327\u0229i\u0301\u00EDi\u0300\u00ECi\u0302\u00EEi\u0308\u00EFi\u0303\u0129i\u0304\u012Bi\u0306\u012Di\u030C\u01D0o\u0301\u00F3o\u0300\u00F2o\u0302\u00F4o\u0308\u00F6o\u0303\u00F5o\u0304\u014Do\u0307\u022Fo\u030B\u0151o\u0306\u014Fo\u030C\u01D2u\u0301\u00FAu\u0300\u00F9u\u0302\u00FBu\u0308\u00FCu\u0303\u0169u\u0304\u016Bu\u030B\u0171u\u030A\u016Fu\u0306\u016Du\u030C\u01D4y\u0301\u00FDy\u0300\u1EF3y\u0302\u0177y\u0308\u00FFy\u0303\u1EF9y\u0304\u0233y\u0307\u1E8Fy\u030A\u1E99A\u0301\u00C1A\u0300\u00C0A\u0302\u00C2A\u0308\u00C4A\u0303\u00C3A\u0304\u0100A\u0307\u0226A\u030A\u00C5A\u0306\u0102A\u030C\u01CDE\u0301\u00C9E\u0300\u00C8E\u0302\u00CAE\u0308\u00CBE\u0303\u1EBCE\u0304\u0112E\u0307\u0116E\u0306\u0114E\u030C\u011AE\u0327\u0228I\u0301\u00CDI\u0300\u00CCI\u0302\u00CEI\u0308\u00CFI\u0303\u0128I\u0304\u012AI\u0307\u0130I\u0306\u012CI\u030C\u01CFO\u0301\u00D3O\u0300\u00D2O\u0302\u00D4O\u0308\u00D6O\u0303\u00D5O\u0304\u014CO\u0307\u022EO\u030B\u0150O\u0306\u014EO\u030C\u01D1U\u0301\u00DAU\u0300\u00D9U\u0302\u00DBU\u0308\u00DCU\u0303\u0168U\u0304\u016AU\u030B\u0170U\u030A\u016EU\u0306\u016CU\u030C\u01D3Y\u0301\u00DDY\u0300\u1EF2Y\u0302\u0176Y\u0308\u0178Y\u0303\u1EF8Y\u0304\u0232Y\u0307\u1E8Ec\u0301\u0107c\u0302\u0109c\u0307\u010Bc\u030C\u010Dc\u0327\u00E7C\u0301\u0106C\u0302\u0108C\u0307\u010AC\u030C\u010CC\u0327\u00C7n\u0301\u0144n\u0300\u01F9n\u0303\u00F1n\u0307\u1E45n\u030C\u0148n\u0327\u0146N\u0301\u0143N\u0300\u01F8N\u0303\u00D1N\u0307\u1E44N\u030C\u0147N\u0327\u0145s\u0301\u015Bs\u0302\u015Ds\u0307\u1E61s\u030C\u0161s\u0327\u015FS\u0301\u015AS\u0302\u015CS\u0307\u1E60S\u030C\u0160S\u0327\u015Ez\u0301\u017Az\u0302\u1E91z\u0307\u017Cz\u030C\u017EZ\u0301\u0179Z\u0302\u1E90Z\u0307\u017BZ\u030C\u017Dg\u0301\u01F5g\u0302\u011Dg\u0304\u1E21g\u0307\u0121g\u0306\u011Fg\u030C\u01E7g\u0327\u0123G\u0301\u01F4G\u0302\u011CG\u0304\u1E20G\u0307\u0120G\u0306\u011EG\u030C\u01E6G\u0327\u0122r\u0301\u0155r\u0307\u1E59r\u030C\u0159r\u0327\u0157R\u0301\u0154R\u0307\u1E58R\u030C\u0158R\u0327\u0156l\u0301\u013Al\u030C\u013El\u0327\u013CL\u0301\u0139L\u030C\u013DL\u0327\u013Bt\u0308\u1E97t\u0307\u1E6Bt\u030C\u0165t\u0327\u0163T\u0307\u1E6AT\u030C\u0164T\u0327\u0162d\u0307\u1E0Bd\u030C\u010Fd\u0327\u1E11D\u0307\u1E0AD\u030C\u010ED\u0327\u1E10k\u0301\u1E31k\u030C\u01E9k\u0327\u0137K\u0301\u1E30K\u030C\u01E8K\u0327\u0136h\u0302\u0125h\u0308\u1E27h\u0307\u1E23h\u030C\u021Fh\u0327\u1E29H\u0302\u0124H\u0308\u1E26H\u0307\u1E22H\u030C\u021EH\u0327\u1E28j\u0302\u0135j\u030C\u01F0J\u0302\u0134w\u0301\u1E83w\u0300\u1E81w\u0302\u0175w\u0308\u1E85w\u0307\u1E87w\u030A\u1E98W\u0301\u1E82W\u0300\u1E80W\u0302\u0174W\u0308\u1E84W\u0307\u1E86";

    private MathList? _pendingTag;

    private bool TryParseExtra(Token t, out MathNode? node)
    {
        node = null;
        if (SizeCommand(t.Text) is double size)
        {
            node = new SizeNode(t.Position, size);
            return true;
        }

        switch (t.Text)
        {
            case "\\rule":
            {
                double raise = 0;
                if (_tokens.Peek().IsChar('['))
                {
                    raise = ToEm(ParseDimension(TokensToText(ReadBracketTokens(t)), t, t.Position));
                }

                double width = ToEm(ReadDimensionArgument(t));
                double height = ToEm(ReadDimensionArgument(t));
                node = new RuleNode(t.Position, width, height, raise);
                return true;
            }

            case "\\llap" or "\\rlap" or "\\clap" or "\\mathllap" or "\\mathrlap" or "\\mathclap":
            {
                AdjustKind kind = t.Text[^4] switch { 'l' => AdjustKind.LapLeft, 'r' => AdjustKind.LapRight, _ => AdjustKind.LapCenter };
                MathList body = t.Text.StartsWith("\\math", StringComparison.Ordinal) ? ParseArgument(t) : ParseTextArgument(t, MathVariant.Normal);
                node = new AdjustNode(t.Position, kind, body);
                return true;
            }

            case "\\smash":
            {
                AdjustKind kind = AdjustKind.SmashBoth;
                if (_tokens.Peek().IsChar('['))
                {
                    string which = TokensToText(ReadBracketTokens(t)).Trim();
                    kind = which switch { "t" => AdjustKind.SmashTop, "b" => AdjustKind.SmashBottom, _ => AdjustKind.SmashBoth };
                }

                node = new AdjustNode(t.Position, kind, ParseArgument(t));
                return true;
            }

            case "\\vcenter":
                node = new AdjustNode(t.Position, AdjustKind.VerticalCenter, ParseArgument(t));
                return true;
            case "\\raisebox":
            {
                double amount = ToEm(ReadDimensionArgument(t));
                node = new AdjustNode(t.Position, AdjustKind.Raise, ParseTextArgument(t, MathVariant.Normal), amount);
                return true;
            }

            case "\\colorbox":
            {
                var background = ParseColorArgument(t);
                node = new ColorBoxNode(t.Position, background, null, ParseTextArgument(t, MathVariant.Normal));
                return true;
            }

            case "\\fcolorbox":
            {
                var frame = ParseColorArgument(t);
                var background = ParseColorArgument(t);
                node = new ColorBoxNode(t.Position, background, frame, ParseTextArgument(t, MathVariant.Normal));
                return true;
            }

            case "\\cancel" or "\\bcancel" or "\\xcancel" or "\\sout":
            {
                CancelKind kind = t.Text switch { "\\cancel" => CancelKind.Up, "\\bcancel" => CancelKind.Down, "\\xcancel" => CancelKind.Cross, _ => CancelKind.Strike };
                MathList body = kind == CancelKind.Strike ? ParseTextArgument(t, MathVariant.Normal) : ParseArgument(t);
                node = new CancelNode(t.Position, kind, body);
                return true;
            }

            case "\\genfrac":
                node = ParseGenfrac(t);
                return true;
            case "\\mathchoice":
                node = new MathChoiceNode(t.Position, [ParseArgument(t), ParseArgument(t), ParseArgument(t), ParseArgument(t)]);
                return true;
            case "\\tag" or "\\tag*":
            {
                bool starred = t.Text == "\\tag*";
                if (_tokens.Peek().IsChar('*'))
                {
                    _tokens.Next();
                    starred = true;
                }

                MathList content = ParseTextArgument(t, MathVariant.Normal);
                var tag = new MathList();
                tag.Add(new SpaceNode(t.Position, 2, isMu: false));
                if (!starred)
                {
                    tag.Add(new TextNode(t.Position, "(", MathVariant.Normal));
                }

                tag.Items.AddRange(content.Items);
                if (!starred)
                {
                    tag.Add(new TextNode(t.Position, ")", MathVariant.Normal));
                }

                _pendingTag = tag;
                return true;
            }

            default:
                return false;
        }
    }

    /// <summary>Moves a pending \tag to the end of a list (the formula or the current row).</summary>
    private void FlushTag(MathList list)
    {
        if (_pendingTag is not null)
        {
            list.Items.AddRange(_pendingTag.Items);
            _pendingTag = null;
        }
    }

    private FractionNode ParseGenfrac(Token t)
    {
        string left = TokensToText(_tokens.ReadRawArgument(t.Text, t.Position)).Trim();
        string right = TokensToText(_tokens.ReadRawArgument(t.Text, t.Position)).Trim();
        string thickness = TokensToText(_tokens.ReadRawArgument(t.Text, t.Position)).Trim();
        string style = TokensToText(_tokens.ReadRawArgument(t.Text, t.Position)).Trim();
        MathList numerator = ParseArgument(t);
        MathList denominator = ParseArgument(t);
        bool hasRule = thickness.Length == 0 || ToEm(ParseDimension(thickness, t, t.Position)) > 0;
        return new FractionNode(t.Position, numerator, denominator)
        {
            HasRule = hasRule,
            LeftDelimiter = DelimiterFromText(left),
            RightDelimiter = DelimiterFromText(right),
            ForcedStyle = style switch { "0" => MathStyle.Display, "1" => MathStyle.Text, "2" => MathStyle.Script, "3" => MathStyle.ScriptScript, _ => null },
        };
    }

    private static string? DelimiterFromText(string text)
    {
        string trimmed = text.TrimStart('\\');
        if (trimmed.Length == 0 || trimmed == ".")
        {
            return null;
        }

        if (text.Length == 1)
        {
            return text;
        }

        return SymbolTable.TryGet(text, out SymbolInfo? info) ? info.Text : trimmed;
    }

    private (double Value, bool IsMu) ReadDimensionArgument(Token t)
    {
        Token open = _tokens.Peek();
        return ParseDimension(TokensToText(_tokens.ReadRawArgument(t.Text, t.Position)), t, open.Position);
    }

    private static double ToEm((double Value, bool IsMu) dimension) => dimension.IsMu ? dimension.Value / 18 : dimension.Value;

    /// <summary>Applies a text accent (\' \" \^ …) to the next character, composing where Unicode can.</summary>
    private string ParseTextAccent(Token accent, string mark)
    {
        List<Token> argument = _tokens.ReadRawArgument(accent.Text, accent.Position);
        string text = TokensToText(argument);
        text = text switch { "\\i" => "\u0131", "\\j" => "\u0237", _ => text };
        if (text.Length == 0)
        {
            return mark;
        }

        int index = 0;
        while ((index = ComposedLatin.IndexOf(text[0], index)) >= 0)
        {
            if (index % 3 == 0 && ComposedLatin[index + 1] == mark[0])
            {
                return ComposedLatin[index + 2] + text[1..];
            }

            index++;
        }

        // No precomposed form: keep the base with a combining mark.
        return text[..1] + mark + text[1..];
    }

    private static bool TryTextSymbol(string command, out string text)
    {
        text = command switch
        {
            "\\i" => "\u0131",
            "\\j" => "\u0237",
            "\\textdollar" => "$",
            "\\pounds" or "\\textsterling" => "\u00A3",
            "\\yen" => "\u00A5",
            "\\copyright" or "\\textcopyright" => "\u00A9",
            "\\textregistered" => "\u00AE",
            "\\dag" or "\\textdagger" => "\u2020",
            "\\ddag" or "\\textdaggerdbl" => "\u2021",
            "\\textbullet" => "\u2022",
            "\\textasciitilde" => "~",
            "\\textunderscore" => "_",
            "\\ss" => "\u00DF",
            "\\ae" => "\u00E6",
            "\\oe" => "\u0153",
            "\\o" => "\u00F8",
            "\\aa" => "\u00E5",
            "\\textellipsis" or "\\ldots" or "\\dots" => "\u2026",
            "\\maltese" => "\u2720",
            "\\degree" or "\\textdegree" => "\u00B0",
            _ => string.Empty,
        };
        return text.Length > 0;
    }
}
