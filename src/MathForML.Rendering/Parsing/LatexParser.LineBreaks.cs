namespace MathForML.Rendering.Parsing;

/// <summary>
/// Line breaks outside environments. KaTeX and MathJax break a formula at a top-level \\ and also at a
/// \\ inside a plain group or \text (KaTeX's newline is a block-level break wherever it sits on the
/// outer line), so {a \\ b} and \text{a \\ b} give two lines. Elsewhere (inside a fraction, a script, a
/// box) a break from a group or text is inert, as LaTeX's \\ is in a box that cannot break a line.
/// </summary>
internal sealed partial class LatexParser
{
    private static bool IsLineBreak(Token t) => t.IsCommand("\\\\") || t.IsCommand("\\newline") || t.IsCommand("\\cr");

    /// <summary>Parses the top-level list; with line breaks anywhere on its outer line, a left-aligned stack of lines.</summary>
    private MathList ParseTopLevelLines()
    {
        MathList list = ParseList();
        Token t = _tokens.Peek();
        if (!IsLineBreak(t) && !ContainsLineBreak(list))
        {
            return list;
        }

        var splitter = new LineSplitter();
        splitter.AddLine(list);
        int position = splitter.FirstBreakPosition ?? t.Position;
        while (IsLineBreak(t))
        {
            _tokens.Next();
            splitter.Break(t.IsCommand("\\\\") ? ReadLineBreakSpace(t) : 0);
            splitter.AddLine(ParseList());
            t = _tokens.Peek();
        }

        var lines = new ArrayNode(position, ArrayKind.Lines);
        foreach (MathList line in splitter.Finish())
        {
            lines.Rows.Add([line]);
        }

        foreach ((int row, double space) in splitter.ExtraSpace)
        {
            lines.ExtraRowSpace[row] = space;
        }

        var result = new MathList();
        result.Add(lines);
        return result;
    }

    /// <summary>The optional [length] after \\ (extra space below the line, in em).</summary>
    private double ReadLineBreakSpace(Token lineBreak)
    {
        if (!lineBreak.IsCommand("\\\\") || !_tokens.PeekRaw().IsChar('['))
        {
            return 0;
        }

        (double value, bool isMu) = ParseDimension(TokensToText(ReadBracketTokens(lineBreak)), lineBreak, lineBreak.Position);
        return isMu ? value / 18 : value;
    }

    private static bool ContainsLineBreak(MathList list)
    {
        foreach (MathNode node in list.Items)
        {
            if (node is LineBreakNode || (node is GroupNode { Type: AtomType.Ord } group && ContainsLineBreak(group.Body)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Distributes atoms over lines. A group cut by a break becomes one group per line, each keeping the
    /// group's class (so spacing inside each part is unchanged); its scripts go with the last part.
    /// </summary>
    private sealed class LineSplitter
    {
        private readonly List<MathList> _lines = [new MathList()];
        private readonly List<GroupNode> _openGroups = [];
        private readonly List<MathList> _openPieces = [];

        public Dictionary<int, double> ExtraSpace { get; } = [];

        public int? FirstBreakPosition { get; private set; }

        private MathList Target => _openPieces.Count > 0 ? _openPieces[^1] : _lines[^1];

        public void AddLine(MathList line)
        {
            foreach (MathNode node in line.Items)
            {
                Emit(node);
            }
        }

        /// <summary>Ends the current line. Empty lines after a break are dropped (the first line is always kept).</summary>
        public void Break(double extraSpace)
        {
            var groups = new List<GroupNode>(_openGroups);
            while (_openPieces.Count > 0)
            {
                CloseInnermost(withScripts: false);
            }

            if (!_lines[^1].IsEmpty || _lines.Count == 1)
            {
                if (extraSpace != 0)
                {
                    ExtraSpace[_lines.Count - 1] = extraSpace;
                }

                _lines.Add(new MathList());
            }
            else if (extraSpace != 0)
            {
                ExtraSpace[_lines.Count - 2] = extraSpace;
            }

            foreach (GroupNode group in groups)
            {
                _openGroups.Add(group);
                _openPieces.Add(new MathList());
            }
        }

        public List<MathList> Finish()
        {
            if (_lines.Count > 1 && _lines[^1].IsEmpty)
            {
                _lines.RemoveAt(_lines.Count - 1);
            }

            return _lines;
        }

        private void Emit(MathNode node)
        {
            if (node is LineBreakNode lineBreak)
            {
                FirstBreakPosition ??= lineBreak.Position;
                Break(lineBreak.ExtraSpace);
                return;
            }

            if (node is GroupNode { Type: AtomType.Ord } group && ContainsLineBreak(group.Body))
            {
                _openGroups.Add(group);
                _openPieces.Add(new MathList());
                foreach (MathNode item in group.Body.Items)
                {
                    Emit(item);
                }

                CloseInnermost(withScripts: true);
                return;
            }

            Target.Add(node);
        }

        private void CloseInnermost(bool withScripts)
        {
            GroupNode group = _openGroups[^1];
            MathList piece = _openPieces[^1];
            _openGroups.RemoveAt(_openGroups.Count - 1);
            _openPieces.RemoveAt(_openPieces.Count - 1);
            bool scripts = withScripts && (group.Superscript is not null || group.Subscript is not null);
            if (piece.IsEmpty && !scripts)
            {
                return;
            }

            var part = new GroupNode(group.Type, group.Position, piece);
            if (scripts)
            {
                part.Superscript = group.Superscript;
                part.Subscript = group.Subscript;
            }

            Target.Add(part);
        }
    }
}
