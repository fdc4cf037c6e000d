using MathForML.Rendering.Boxes;
using MathForML.Rendering.Font;
using MathForML.Rendering.Font.MathTable;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>
/// Turns a math list into boxes following TeXbook Appendix G, with the OpenType MATH constants in
/// place of TeX's font parameters (as MathML Core describes). All lengths are in em of the base size.
/// </summary>
internal sealed partial class MathLayout
{
    /// <summary>TeX's \nulldelimiterspace (1.2pt at 10pt), put on both sides of a fraction.</summary>
    private const double NullDelimiterSpace = 0.12;

    private readonly MathFont _font;
    private readonly GlyphFactory _glyphs;

    public MathLayout(MathFont font)
    {
        _font = font;
        _glyphs = new GlyphFactory(font);
    }

    public MathFont Font => _font;

    public Box Layout(MathList list, bool display) =>
        LayoutList(list, new StyleState(display ? MathStyle.Display : MathStyle.Text, Cramped: false), null);

    public double Scale(StyleState style) => style.Size * style.Style switch
    {
        MathStyle.Script => _font.Table.ScriptPercentScaleDown / 100.0,
        MathStyle.ScriptScript => _font.Table.ScriptScriptPercentScaleDown / 100.0,
        _ => 1.0,
    };

    public double Constant(MathConstant constant, StyleState style) => _font.Constant(constant) * Scale(style);

    public double Axis(StyleState style) => Constant(MathConstant.AxisHeight, style);

    private readonly record struct Entry(MathNode Node, Rgba? Color);

    /// <summary>Script sizes use the font's 'ssty' optical variants, as TeX uses its 7pt and 5pt designs.</summary>
    private int Optical(int glyph, StyleState style) => style.Style switch
    {
        MathStyle.Script => _font.ForScriptLevel(glyph, 1),
        MathStyle.ScriptScript => _font.ForScriptLevel(glyph, 2),
        _ => glyph,
    };

    /// <summary>Lays out a math list as a horizontal box with inter-atom spacing.</summary>
    public ContainerBox LayoutList(MathList list, StyleState style, Rgba? color)
    {
        var entries = new List<Entry>(list.Items.Count);
        Flatten(list, color, entries);

        var atomIndices = new List<int>();
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i].Node is not SpaceNode and not StyleNode and not SizeNode and not LineBreakNode)
            {
                atomIndices.Add(i);
            }
        }

        var types = new AtomType[atomIndices.Count];
        for (int a = 0; a < types.Length; a++)
        {
            types[a] = entries[atomIndices[a]].Node.Type;
        }

        Spacing.ReclassifyBinaries(types);

        var box = new ContainerBox();
        StyleState current = style;
        AtomType? previous = null;
        int atom = 0;
        foreach (Entry entry in entries)
        {
            switch (entry.Node)
            {
                case StyleNode change:
                    current = current with { Style = change.Style };
                    continue;
                case SizeNode size:
                    current = current with { Size = size.Factor };
                    continue;
                case SpaceNode space:
                    box.Append(new KernBox(space.IsMu ? space.Width / 18 * Scale(current) : space.Width * Scale(current)));
                    continue;
                case LineBreakNode:
                    // Only the outer line breaks (the parser splits it); inside a box a break is inert.
                    continue;
            }

            AtomType type = types[atom++];
            if (previous is AtomType left)
            {
                double mu = Spacing.Mu(left, type, current);
                if (mu > 0)
                {
                    box.Append(new KernBox(mu / 18 * Scale(current)));
                }
            }

            box.Append(LayoutAtom(entry.Node, current, entry.Color));
            previous = type;
        }

        return box;
    }

    /// <summary>Colour groups without scripts are transparent to spacing, as in TeX.</summary>
    private static void Flatten(MathList list, Rgba? color, List<Entry> entries)
    {
        foreach (MathNode node in list.Items)
        {
            if (node is ColorNode colored && colored.Superscript is null && colored.Subscript is null)
            {
                Flatten(colored.Body, colored.Color, entries);
            }
            else
            {
                entries.Add(new Entry(node, color));
            }
        }
    }

    private Box LayoutAtom(MathNode node, StyleState style, Rgba? color)
    {
        Box nucleus = LayoutNucleus(node, style, color, out bool isCharacter);
        if (node.Superscript is null && node.Subscript is null)
        {
            return nucleus;
        }

        bool limits = node.Type == AtomType.Op
            && (node.Limits == LimitsMode.Limits || (node.Limits == LimitsMode.Default && style.IsDisplay));
        return limits
            ? LayoutLimits(nucleus, node.Superscript, node.Subscript, style, color)
            : LayoutScripts(nucleus, isCharacter, node.Superscript, node.Subscript, style, color);
    }

    private Box LayoutNucleus(MathNode node, StyleState style, Rgba? color, out bool isCharacter)
    {
        isCharacter = false;
        switch (node)
        {
            case SymbolNode symbol:
                isCharacter = !symbol.IsLargeOperator;
                return LayoutSymbol(symbol, style, color);
            case GroupNode { Type: AtomType.Op, Body.Items: [SymbolNode single] } when single.Superscript is null && single.Subscript is null:
                return LayoutSymbol(new SymbolNode(AtomType.Op, single.Position, single.Text, single.Variant) { IsLargeOperator = true }, style, color);
            case GroupNode group:
                return LayoutList(group.Body, style, color);
            case NamedOperatorNode named:
                return LayoutList(named.Name, style, color);
            case ColorNode colored:
                return LayoutList(colored.Body, style, colored.Color);
            case FractionNode fraction:
                return LayoutFraction(fraction, style, color);
            case RadicalNode radical:
                return LayoutRadical(radical, style, color);
            case LeftRightNode leftRight:
                return LayoutLeftRight(leftRight, style, color);
            case SizedDelimiterNode sized:
                return LayoutSizedDelimiter(sized, style, color);
            case AccentNode accent:
                return LayoutAccent(accent, style, color);
            case OverUnderNode overUnder:
                return LayoutOverUnder(overUnder, style, color);
            case ArrayNode array:
                return LayoutArray(array, style, color);
            case TextNode { Monospaced: true } verbatim:
                return LayoutVerbatim(verbatim, style, color);
            case TextNode text:
                return LayoutText(text, style, color);
            case EnclosureNode enclosure:
                return LayoutEnclosure(enclosure, style, color);
            case CdVerticalArrowNode cdArrow:
                return LayoutCdVerticalArrow(cdArrow, style, color);
            case PhantomNode phantom:
                return LayoutPhantom(this, phantom, style, color);
            case BoxedNode boxed:
                return LayoutBoxed(boxed, style, color);
            case RuleNode rule:
                return LayoutRule(rule, style, color);
            case AdjustNode adjust:
                return LayoutAdjust(adjust, style, color);
            case ColorBoxNode colorBox:
                return LayoutColorBox(colorBox, style, color);
            case MathChoiceNode choice:
                return LayoutChoice(choice, style, color);
            case CancelNode cancel:
                return LayoutCancel(cancel, style, color);
            default:
                throw new InvalidOperationException($"No layout for {node.GetType().Name}.");
        }
    }

    private Box LayoutSymbol(SymbolNode symbol, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        if (symbol.Text == LatexParser.NotSlash)
        {
            // Zero width, slash centred over roughly where the next character's middle will be.
            var slash = new ContainerBox();
            slash.Place(Negate(new KernBox(0.55 * scale), scale, color), 0, 0);
            return slash;
        }

        int codePoint = char.ConvertToUtf32(symbol.Text, 0);
        int mapped = MathAlphabet.Map(codePoint, symbol.Variant);
        int glyph = _glyphs.HasGlyph(mapped) ? _glyphs.GlyphOf(mapped) : _glyphs.GlyphOf(codePoint);

        Box box;
        if (symbol.IsLargeOperator)
        {
            box = style.IsDisplay
                ? _glyphs.Vertical(glyph, _font.Em(_font.Table.DisplayOperatorMinHeight) * scale, scale, color)
                : _glyphs.Glyph(glyph, scale, color);

            // Large operators are centred on the math axis.
            double raise = Axis(style) - ((box.Height - box.Depth) / 2);
            var centered = new ContainerBox();
            centered.Append(box, raise);
            centered.Italic = box.Italic;
            box = centered;
        }
        else
        {
            box = _glyphs.Glyph(Optical(glyph, style), scale, color);
        }

        return symbol.Negated ? Negate(box, scale, color) : box;
    }

    private ContainerBox Negate(Box box, double scale, Rgba? color)
    {
        int slash = _glyphs.HasGlyph(0x0338) ? _glyphs.GlyphOf(0x0338) : _glyphs.GlyphOf('/');
        GlyphOutline outline = _font.Outline(slash);
        GlyphBox overlay = _glyphs.Glyph(slash, scale, color);
        double inkCenter = _font.Em((int)((outline.XMin + outline.XMax) / 2)) * scale;
        var result = new ContainerBox { Width = box.Width };
        result.Place(box, 0, 0);
        result.Place(overlay, (box.Width / 2) - inkCenter, 0);
        result.Italic = box.Italic;
        return result;
    }

    private ContainerBox LayoutText(TextNode text, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        var box = new ContainerBox();
        string s = text.Text;
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
        {
            int c = char.ConvertToUtf32(s, i);
            switch (c)
            {
                case ' ' or 0xA0:
                    box.Append(new KernBox(SpaceWidths.InterWord * scale));
                    continue;
                case 0x2003:
                    box.Append(new KernBox(scale));
                    continue;
            }

            int mapped = text.Variant == MathVariant.Normal ? c : MathAlphabet.Map(c, text.Variant);
            int glyph = _glyphs.HasGlyph(mapped) ? _glyphs.GlyphOf(mapped) : _glyphs.GlyphOf(c);
            GlyphBox g = _glyphs.Glyph(Optical(glyph, style), scale, color);
            g.Width -= g.Italic;
            g.Italic = 0;
            box.Append(g);
        }

        return box;
    }

    private static KernBox LayoutPhantom(MathLayout layout, PhantomNode phantom, StyleState style, Rgba? color)
    {
        Box body = layout.LayoutList(phantom.Body, style, color);
        return phantom.Kind switch
        {
            PhantomKind.Horizontal => new KernBox(body.Width),
            PhantomKind.Vertical => new KernBox(0, body.Height, body.Depth),
            _ => new KernBox(body.Width, body.Height, body.Depth),
        };
    }

    private ContainerBox LayoutBoxed(BoxedNode boxed, StyleState style, Rgba? color)
    {
        const double separation = 0.3;
        const double rule = 0.04;
        Box body = LayoutList(boxed.Body, style, color);
        double width = body.Width + (2 * (separation + rule));
        double top = body.Height + separation + rule;
        double bottom = body.Depth + separation + rule;
        var box = new ContainerBox { Width = width };
        box.Place(new RuleBox(width, top, -(top - rule), color), 0, 0);
        box.Place(new RuleBox(width, -(bottom - rule), bottom, color), 0, 0);
        box.Place(new RuleBox(rule, top, bottom, color), 0, 0);
        box.Place(new RuleBox(rule, top, bottom, color), width - rule, 0);
        box.Place(body, separation + rule, 0);
        return box;
    }
}
