namespace MathForML.Rendering.Parsing;

/// <summary>Scripts, primes, limits and the argument forms commands take.</summary>
internal sealed partial class LatexParser
{
    /// <summary>Attaches primes, ^, _ and \limits/\nolimits following a nucleus.</summary>
    private void ParseScripts(MathNode node)
    {
        bool superscriptFromPrimesOnly = false;
        while (true)
        {
            Token t = _tokens.Peek();
            if (t.IsChar('\''))
            {
                _tokens.Next();
                if (node.Superscript is not null && !superscriptFromPrimesOnly)
                {
                    throw LatexParseException.Create(RenderErrorCodes.Script, RenderMessages.DoubleSuperscript, "'", t.Position);
                }

                node.Superscript ??= new MathList();
                node.Superscript.Add(new SymbolNode(AtomType.Ord, t.Position, "\u2032", MathVariant.Normal));
                superscriptFromPrimesOnly = true;
            }
            else if (t.Kind == TokenKind.Superscript)
            {
                _tokens.Next();
                if (node.Superscript is not null && !superscriptFromPrimesOnly)
                {
                    throw LatexParseException.Create(RenderErrorCodes.Script, RenderMessages.DoubleSuperscript, "^", t.Position);
                }

                MathList script = ParseScriptArgument(t);
                if (node.Superscript is null)
                {
                    node.Superscript = script;
                }
                else
                {
                    node.Superscript.Items.AddRange(script.Items);
                }

                superscriptFromPrimesOnly = false;
            }
            else if (t.Kind == TokenKind.Subscript)
            {
                _tokens.Next();
                if (node.Subscript is not null)
                {
                    throw LatexParseException.Create(RenderErrorCodes.Script, RenderMessages.DoubleSubscript, "_", t.Position);
                }

                node.Subscript = ParseScriptArgument(t);
            }
            else if (t.IsCommand("\\limits") || t.IsCommand("\\nolimits"))
            {
                _tokens.Next();
                if (node.Type != AtomType.Op)
                {
                    throw LatexParseException.Create(RenderErrorCodes.Script, RenderMessages.LimitsMisplaced, t.Text, t.Position, t.Text);
                }

                node.Limits = t.Text == "\\limits" ? LimitsMode.Limits : LimitsMode.NoLimits;
            }
            else
            {
                return;
            }
        }
    }

    private MathList ParseScriptArgument(Token script)
    {
        Token next = _tokens.Peek();
        if (IsListTerminator(next) || next.Kind is TokenKind.Superscript or TokenKind.Subscript)
        {
            throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingArgument, script.Text, script.Position, script.Text);
        }

        Enter(script);
        MathNode? atom = ParseAtom();
        Leave();
        var list = new MathList();
        if (atom is GroupNode { Type: AtomType.Ord } group && atom.Superscript is null)
        {
            return group.Body;
        }

        if (atom is not null)
        {
            list.Add(atom);
        }

        return list;
    }

    /// <summary>A mandatory argument: a braced group or a single token's atom.</summary>
    private MathList ParseArgument(Token command)
    {
        Token next = _tokens.Peek();
        if (IsListTerminator(next) || next.Kind is TokenKind.Superscript or TokenKind.Subscript)
        {
            throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingArgument, command.Text, command.Position, command.Text);
        }

        if (next.Kind == TokenKind.BeginGroup)
        {
            _tokens.Next();
            return ParseGroupBody(next);
        }

        Enter(command);
        MathNode? atom = ParseAtom();
        Leave();
        var list = new MathList();
        if (atom is not null)
        {
            list.Add(atom);
        }

        return list;
    }

    /// <summary>An optional [..] argument parsed as math, or null.</summary>
    private MathList? ParseOptionalMathArgument(Token command)
    {
        if (!_tokens.Peek().IsChar('['))
        {
            return null;
        }

        Token open = _tokens.Next();
        Enter(command);
        var list = new MathList();
        while (true)
        {
            Token t = _tokens.Peek();
            if (t.IsChar(']'))
            {
                _tokens.Next();
                break;
            }

            if (IsListTerminator(t))
            {
                throw LatexParseException.Create(RenderErrorCodes.MissingArgument, RenderMessages.MissingArgument, command.Text, open.Position, command.Text);
            }

            MathNode? node = ParseAtom();
            if (node is not null)
            {
                ParseScripts(node);
                list.Add(node);
            }
        }

        Leave();
        return list;
    }
}
