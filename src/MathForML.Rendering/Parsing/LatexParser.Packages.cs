namespace MathForML.Rendering.Parsing;

/// <summary>
/// Commands from packages LaTeX users load for them: \verb (LaTeX kernel), braket's \bra/\ket/\braket/\set,
/// actuarialangle's \angl and steinmetz's \phase. (amscd's CD is in LatexParser.CommutativeDiagram.)
/// </summary>
internal sealed partial class LatexParser
{
    /// <summary>
    /// braket's commands that treat | inside their argument specially: the text before the argument, what
    /// a top-level | and \| become, the text after it, and whether only the first bar is replaced.
    /// </summary>
    private static (string Open, string Bar, string DoubleBar, string Close, bool FirstOnly)? BraketCommand(string command) => command switch
    {
        "\\braket" => ("\\mathinner{\\langle{", "}\\,\\vert\\,{", "}\\,\\Vert\\,{", "}\\rangle}", false),
        "\\Braket" => ("\\left\\langle{", "}\\,\\middle\\vert\\,{", "}\\,\\middle\\Vert\\,{", "}\\right\\rangle", false),
        "\\set" => ("\\mathinner{\\{\\,{", "}\\mid{", "}\\parallel{", "}\\,\\}}", true),
        "\\Set" => ("\\left\\{\\,{", "}\\;\\middle\\vert\\;{", "}\\;\\middle\\Vert\\;{", "}\\,\\right\\}", true),
        _ => null,
    };

    /// <summary>Package commands that are plain macros (added to every parser's definitions).</summary>
    private static void DefinePackageMacros(Dictionary<string, MacroDefinition> definitions)
    {
        definitions["\\bra"] = TokenStream.Define("\\mathinner{\\langle{#1}\\vert}", 1);
        definitions["\\ket"] = TokenStream.Define("\\mathinner{\\vert{#1}\\rangle}", 1);
        definitions["\\Bra"] = TokenStream.Define("\\left\\langle{#1}\\right\\vert", 1);
        definitions["\\Ket"] = TokenStream.Define("\\left\\vert{#1}\\right\\rangle", 1);
        definitions["\\angln"] = TokenStream.Define("\\angl{n}");
    }

    private bool TryParsePackageCommand(Token t, out MathNode? node)
    {
        node = null;
        if (BraketCommand(t.Text) is { } braket)
        {
            node = ParseBraket(t, braket.Open, braket.Bar, braket.DoubleBar, braket.Close, braket.FirstOnly);
            return true;
        }

        switch (t.Text)
        {
            case "\\angl":
                node = new EnclosureNode(t.Position, EnclosureKind.ActuarialAngle, ParseArgument(t));
                return true;
            case "\\phase":
                node = new EnclosureNode(t.Position, EnclosureKind.Phase, ParseArgument(t));
                return true;
            case "\\verb":
                // The tokenizer turns every well-formed \verb into a Verbatim token; this one had no closing delimiter.
                throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.UnterminatedVerb, t.Text, t.Position);
            default:
                return false;
        }
    }

    /// <summary>Rewrites the argument's top-level bars and parses the result in place of the command.</summary>
    private MathNode? ParseBraket(Token t, string open, string bar, string doubleBar, string close, bool firstOnly)
    {
        List<Token> argument = _tokens.ReadRawArgument(t.Text, t.Position);
        var rewritten = new List<Token>(argument.Count + 16);
        rewritten.Add(new Token(TokenKind.BeginGroup, "{", t.Position));
        rewritten.AddRange(Tokenizer.Tokenize(open, t.Position));
        int depth = 0;
        bool replaced = false;
        foreach (Token token in argument)
        {
            depth += token.Kind switch { TokenKind.BeginGroup => 1, TokenKind.EndGroup => -1, _ => 0 };
            bool single = token.IsChar('|');
            if (depth == 0 && (single || token.IsCommand("\\|")) && !(firstOnly && replaced))
            {
                rewritten.AddRange(Tokenizer.Tokenize(single ? bar : doubleBar, token.Position));
                replaced = true;
                continue;
            }

            rewritten.Add(token);
        }

        rewritten.AddRange(Tokenizer.Tokenize(close, t.Position));
        rewritten.Add(new Token(TokenKind.EndGroup, "}", t.Position));
        _tokens.PushFront(rewritten);

        // The outer braces keep the rewritten text one atom, so scripts after \Set{…} attach to all of it.
        Token group = _tokens.Next();
        MathList body = ParseGroupBody(group);
        return body.Items is [MathNode only] ? only : new GroupNode(AtomType.Inner, t.Position, body);
    }

    /// <summary>\verb|…|: the literal text in typewriter cells, as LaTeX sets it (an \hbox in math).</summary>
    private static TextNode VerbatimAtom(Token t) => new(t.Position, t.Text, MathVariant.Monospace) { Monospaced = true };
}
