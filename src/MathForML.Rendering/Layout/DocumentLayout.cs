using MathForML.Rendering.Boxes;
using MathForML.Rendering.Parsing;

namespace MathForML.Rendering.Layout;

/// <summary>
/// Sets a statement as paragraphs: words and inline formulas on a shared baseline, broken greedily
/// at spaces to fit the width; display formulas centred on their own lines.
/// </summary>
internal sealed class DocumentLayout
{
    /// <summary>\baselineskip (12pt at 10pt) and \lineskip (1pt) for text lines.</summary>
    private const double BaselineSkip = 1.2;
    private const double LineSkip = 0.1;
    private const double ParagraphSkip = 0.6;
    private const double DisplaySkip = 0.5;

    private readonly MathLayout _math;

    public DocumentLayout(MathLayout math)
    {
        _math = math;
    }

    private readonly record struct Item(Box Box, bool SpaceBefore);

    /// <summary>Lays out the document into a painter; widthEm is the line width (null: no wrapping).</summary>
    public BoxPainter Layout(string text, double? widthEm, IReadOnlyDictionary<string, string>? macros)
    {
        var painter = new BoxPainter(_math.Font);
        var textStyle = new StyleState(MathStyle.Text, false);
        var line = new List<Item>();
        double y = 0;
        bool firstLine = true;
        double previousDepth = 0;
        bool pendingSpace = false;
        double lineWidth = 0;

        void EmitLine(bool centered, Box? single = null)
        {
            List<Item> items = single is null ? line : [new Item(single, false)];
            if (items.Count == 0)
            {
                return;
            }

            double height = items.Max(i => i.Box.Height);
            double depth = items.Max(i => i.Box.Depth);
            if (!firstLine)
            {
                y -= double.Max(BaselineSkip, previousDepth + height + LineSkip);
            }

            double x = 0;
            double total = items.Sum(i => i.Box.Width + (i.SpaceBefore ? SpaceWidths.InterWord : 0));
            if (centered && widthEm is double w)
            {
                x = double.Max(0, (w - total) / 2);
            }

            foreach (Item item in items)
            {
                x += item.SpaceBefore ? SpaceWidths.InterWord : 0;
                painter.Add(item.Box, x, y);
                x += item.Box.Width;
            }

            firstLine = false;
            previousDepth = depth;
            if (single is null)
            {
                line.Clear();
                lineWidth = 0;
            }
        }

        void AddItem(Box box, bool spaceBefore)
        {
            spaceBefore &= line.Count > 0;
            double added = box.Width + (spaceBefore ? SpaceWidths.InterWord : 0);
            if (widthEm is double w && line.Count > 0 && lineWidth + added > w)
            {
                EmitLine(centered: false);
                spaceBefore = false;
                added = box.Width;
            }

            line.Add(new Item(box, spaceBefore));
            lineWidth += added;
        }

        foreach (DocumentSegment segment in DocumentParser.Split(text))
        {
            switch (segment.Kind)
            {
                case SegmentKind.Text:
                {
                    string content = segment.Content;
                    int i = 0;
                    while (i < content.Length)
                    {
                        if (char.IsWhiteSpace(content[i]))
                        {
                            pendingSpace = true;
                            i++;
                            continue;
                        }

                        int start = i;
                        while (i < content.Length && !char.IsWhiteSpace(content[i]))
                        {
                            i++;
                        }

                        var word = new MathList();
                        word.Add(new TextNode(segment.Position + start, content[start..i], MathVariant.Normal));
                        AddItem(_math.LayoutList(word, textStyle, null), pendingSpace);
                        pendingSpace = false;
                    }

                    break;
                }

                case SegmentKind.InlineMath:
                {
                    bool first = true;
                    foreach (Box piece in BreakableInline(ParseAt(segment, macros), textStyle))
                    {
                        AddItem(piece, first && pendingSpace);
                        first = false;
                    }

                    pendingSpace = false;
                    break;
                }
                case SegmentKind.DisplayMath:
                {
                    EmitLine(centered: false);
                    Box display = _math.LayoutList(ParseAt(segment, macros), new StyleState(MathStyle.Display, false), null);
                    if (!firstLine)
                    {
                        y -= DisplaySkip;
                    }

                    EmitLine(centered: true, single: display);
                    y -= DisplaySkip;
                    pendingSpace = false;
                    break;
                }

                default:
                    EmitLine(centered: false);
                    y -= ParagraphSkip;
                    pendingSpace = false;
                    break;
            }
        }

        EmitLine(centered: false);
        return painter;
    }

    /// <summary>
    /// Splits inline math after top-level relations, where TeX allows a line break. The thick space
    /// that follows a relation is kept at the end of its piece, so an unbroken line measures the same.
    /// </summary>
    private IEnumerable<Box> BreakableInline(MathList list, StyleState style)
    {
        bool splittable = list.Items.All(n => n is not StyleNode and not SizeNode and not ColorNode);
        var piece = new MathList();
        for (int i = 0; i < list.Items.Count; i++)
        {
            MathNode node = list.Items[i];
            piece.Add(node);
            bool breakHere = splittable && node.Type == AtomType.Rel && i + 1 < list.Items.Count
                && list.Items[i + 1].Type != AtomType.Rel && list.Items[i + 1].Type != AtomType.Punct;
            if (breakHere)
            {
                ContainerBox box = _math.LayoutList(piece, style, null);
                box.Append(new KernBox(SpaceWidths.ThickMu / 18));
                yield return box;
                piece = new MathList();
            }
        }

        if (!piece.IsEmpty)
        {
            yield return _math.LayoutList(piece, style, null);
        }
    }

    /// <summary>Parses a math segment, moving error positions from the segment to the whole document.</summary>
    private static MathList ParseAt(DocumentSegment segment, IReadOnlyDictionary<string, string>? macros)
    {
        try
        {
            return LatexParser.Parse(segment.Content, macros);
        }
        catch (LatexParseException e)
        {
            throw new LatexParseException(e.Code, e.Message, e.Command, e.Position + segment.Position);
        }
    }
}
