using System.Text;

namespace MathForML.Rendering.Parsing;

/// <summary>Text mode inside \text and friends: runs of characters, accents, spacing, nested math.</summary>
internal sealed partial class LatexParser
{
    /// <summary>Reads a braced text argument into text runs, with $…$ switching back to math.</summary>
    private MathList ParseTextArgument(Token command, MathVariant variant)
    {
        Enter(command);
        _tokens.SkipSpaces();
        Token open = _tokens.NextRaw();
        var list = new MathList();
        if (open.Kind != TokenKind.BeginGroup)
        {
            if (open.Kind is TokenKind.End or TokenKind.EndGroup)
            {
                throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingArgument, command.Text, command.Position, command.Text);
            }

            list.Add(new TextNode(open.Position, open.Text, variant));
            Leave();
            return list;
        }

        var run = new StringBuilder();
        int runStart = open.Position;
        int depth = 0;
        while (true)
        {
            Token t = _tokens.NextRaw();
            if (t.Kind == TokenKind.End)
            {
                throw LatexParseException.Create(RenderErrorCodes.UnbalancedBraces, RenderMessages.UnclosedGroup, command.Text, open.Position);
            }

            if (t.Kind == TokenKind.EndGroup && depth == 0)
            {
                break;
            }

            if (t.Kind is TokenKind.BeginGroup or TokenKind.EndGroup)
            {
                depth += t.Kind == TokenKind.BeginGroup ? 1 : -1;
                continue;
            }

            if (t.Kind == TokenKind.Space)
            {
                run.Append(' ');
                continue;
            }

            if (t.IsChar('$'))
            {
                Flush(list, run, runStart, variant);
                list.Add(new GroupNode(AtomType.Ord, t.Position, ParseInlineMathInText(t)));
                runStart = t.Position;
                continue;
            }

            if (t.Kind == TokenKind.Command)
            {
                MathVariant? switchedVariant = t.Text switch
                {
                    "\\em" or "\\itshape" => MathVariant.Italic,
                    "\\upshape" => MathVariant.Normal,
                    "\\bfseries" => MathVariant.Bold,
                    _ => FontSwitch(t.Text),
                };
                if (switchedVariant is MathVariant switched)
                {
                    Flush(list, run, runStart, variant);
                    variant = switched;
                    continue;
                }

                if (t.Text is "\\\\" or "\\newline")
                {
                    // LaTeX's \\ removes the space before it (\unskip) and skips spaces after it.
                    TrimTrailingSpaces(run);
                    Flush(list, run, runStart, variant);
                    list.Add(new LineBreakNode(t.Position, ReadLineBreakSpace(t)));
                    _tokens.SkipSpaces();
                    continue;
                }

                if (t.Text is "\\phantom" or "\\hphantom" or "\\vphantom")
                {
                    // In text the argument of a phantom is text too (LaTeX typesets it in the current mode).
                    Flush(list, run, runStart, variant);
                    PhantomKind kind = t.Text switch { "\\hphantom" => PhantomKind.Horizontal, "\\vphantom" => PhantomKind.Vertical, _ => PhantomKind.Full };
                    list.Add(new PhantomNode(t.Position, ParseTextArgument(t, variant), kind));
                    continue;
                }

                if (t.Text == "\\sout")
                {
                    Flush(list, run, runStart, variant);
                    list.Add(new CancelNode(t.Position, CancelKind.Strike, ParseTextArgument(t, variant)));
                    continue;
                }

                if (TextAccents.TryGetValue(t.Text, out string? mark))
                {
                    run.Append(ParseTextAccent(t, mark));
                    continue;
                }

                if (TryTextSymbol(t.Text, out string symbolText))
                {
                    run.Append(symbolText);
                    continue;
                }

                if (SizeCommand(t.Text) is double textSize)
                {
                    Flush(list, run, runStart, variant);
                    list.Add(new SizeNode(t.Position, textSize));
                    continue;
                }

                if (t.Text is "\\kern" or "\\hspace" or "\\hspace*" or "\\hskip")
                {
                    Flush(list, run, runStart, variant);
                    list.Add(ParseExplicitSpace(t));
                    continue;
                }

                if (t.Text == "\\raisebox")
                {
                    Flush(list, run, runStart, variant);
                    double amount = ToEm(ReadDimensionArgument(t));
                    list.Add(new AdjustNode(t.Position, AdjustKind.Raise, ParseTextArgument(t, variant), amount));
                    continue;
                }

                if (TextCommand(t.Text) is MathVariant inner)
                {
                    Flush(list, run, runStart, variant);
                    list.Items.AddRange(ParseTextArgument(t, inner == MathVariant.Normal ? variant : inner).Items);
                    continue;
                }

                string? replacement = t.Text switch
                {
                    "\\ " or "\\space" or "\\," or "\\;" or "\\:" => " ",
                    "\\quad" => "\u2003",
                    "\\qquad" => "\u2003\u2003",
                    "\\textbackslash" => "\\",
                    "\\{" or "\\}" or "\\$" or "\\%" or "\\&" or "\\_" or "\\#" => t.Text[1..],
                    "\\textendash" => "\u2013",
                    "\\textemdash" => "\u2014",
                    _ => SymbolTable.TryGet(t.Text, out SymbolInfo? s) ? s.Text : null,
                };
                if (replacement is null)
                {
                    throw LatexParseException.Create(RenderErrorCodes.UnknownCommand, RenderMessages.UnknownCommand, t.Text, t.Position, t.Text);
                }

                run.Append(replacement);
                continue;
            }

            run.Append(t.Kind == TokenKind.Character && t.Text == "~" ? "\u00A0" : t.Text);
        }

        Flush(list, run, runStart, variant);
        Leave();
        return list;
    }

    private MathList ParseInlineMathInText(Token dollar)
    {
        var list = new MathList();
        while (true)
        {
            Token t = _tokens.Peek();
            if (t.IsChar('$'))
            {
                _tokens.Next();
                return list;
            }

            if (IsListTerminator(t))
            {
                throw LatexParseException.Create(RenderErrorCodes.UnbalancedBraces, RenderMessages.UnclosedMath, "$", dollar.Position, "$");
            }

            MathNode? node = ParseAtom();
            if (node is not null)
            {
                ParseScripts(node);
                list.Add(node);
            }
        }
    }

    private static void TrimTrailingSpaces(StringBuilder run)
    {
        while (run.Length > 0 && run[^1] == ' ')
        {
            run.Length--;
        }
    }

    private static void Flush(MathList list, StringBuilder run, int position, MathVariant variant)
    {
        if (run.Length > 0)
        {
            string text = run.ToString();
            if (variant != MathVariant.Monospace)
            {
                // TeX's text ligatures for dashes and quotes.
                text = text.Replace("---", "\u2014", StringComparison.Ordinal).Replace("--", "\u2013", StringComparison.Ordinal)
                    .Replace("``", "\u201C", StringComparison.Ordinal).Replace("''", "\u201D", StringComparison.Ordinal)
                    .Replace('`', '\u2018').Replace('\'', '\u2019');
            }

            list.Add(new TextNode(position, text, variant));
            run.Clear();
        }
    }
}
