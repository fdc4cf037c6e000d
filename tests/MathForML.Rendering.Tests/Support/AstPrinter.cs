using System.Text;
using MathForML.Rendering.Parsing;

namespace MathForML.Rendering.Tests.Support;

/// <summary>A compact text form of a parsed math list so parser tests can compare whole trees.</summary>
internal static class AstPrinter
{
    public static string Print(MathList list)
    {
        var text = new StringBuilder();
        Append(text, list);
        return text.ToString();
    }

    private static void Append(StringBuilder text, MathList list)
    {
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            Append(text, list.Items[i]);
        }
    }

    private static void Group(StringBuilder text, MathList list)
    {
        text.Append('{');
        Append(text, list);
        text.Append('}');
    }

    private static void Append(StringBuilder text, MathNode node)
    {
        switch (node)
        {
            case SymbolNode s:
                text.Append(s.Type.ToString().ToLowerInvariant()).Append(':').Append(s.Text);
                if (s.Variant != MathVariant.Default)
                {
                    text.Append('[').Append(s.Variant).Append(']');
                }

                if (s.Negated)
                {
                    text.Append("[not]");
                }

                break;
            case GroupNode g:
                text.Append(g.Type == AtomType.Ord ? "group" : g.Type.ToString().ToLowerInvariant());
                Group(text, g.Body);
                break;
            case FractionNode f:
                text.Append(f.HasRule ? "frac" : "stack");
                if (f.ForcedStyle is MathStyle forced)
                {
                    text.Append('[').Append(forced).Append(']');
                }

                if (f.LeftDelimiter is not null)
                {
                    text.Append(f.LeftDelimiter).Append(f.RightDelimiter);
                }

                Group(text, f.Numerator);
                Group(text, f.Denominator);
                break;
            case RadicalNode r:
                text.Append("sqrt");
                if (r.Index is not null)
                {
                    text.Append('[');
                    Append(text, r.Index);
                    text.Append(']');
                }

                Group(text, r.Body);
                break;
            case LeftRightNode lr:
                text.Append("left").Append(lr.Delimiters[0].Length == 0 ? "." : lr.Delimiters[0]);
                for (int i = 0; i < lr.Bodies.Count; i++)
                {
                    Group(text, lr.Bodies[i]);
                    string d = lr.Delimiters[i + 1];
                    text.Append(i + 1 < lr.Bodies.Count ? "middle" : "right").Append(d.Length == 0 ? "." : d);
                }

                break;
            case SizedDelimiterNode sd:
                text.Append("big").Append(sd.Size).Append(sd.Type.ToString().ToLowerInvariant()).Append(sd.Delimiter);
                break;
            case NamedOperatorNode op:
                text.Append("op");
                Group(text, op.Name);
                break;
            case AccentNode a:
                text.Append(a.Stretchy ? "wideaccent" : "accent").Append(':').Append(((int)a.Accent[0]).ToString("X4"));
                Group(text, a.Body);
                break;
            case OverUnderNode ou:
                text.Append(ou.Kind.ToString().ToLowerInvariant());
                if (ou.Annotation is not null)
                {
                    Group(text, ou.Annotation);
                }

                Group(text, ou.Body);
                break;
            case SpaceNode sp:
                text.Append("space:").Append(sp.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(sp.IsMu ? "mu" : "em");
                break;
            case StyleNode st:
                text.Append("style:").Append(st.Style);
                break;
            case ColorNode c:
                text.Append("color:").Append(c.Color);
                Group(text, c.Body);
                break;
            case TextNode t:
                text.Append(t.Monospaced ? "verb\"" : "text\"").Append(t.Text).Append('"');
                if (t.Variant != MathVariant.Normal)
                {
                    text.Append('[').Append(t.Variant).Append(']');
                }

                break;
            case ArrayNode arr:
                text.Append(arr.Kind.ToString().ToLowerInvariant());
                if (arr.LeftDelimiter is not null || arr.RightDelimiter is not null)
                {
                    text.Append(arr.LeftDelimiter).Append(arr.RightDelimiter);
                }

                text.Append('[');
                for (int r = 0; r < arr.Rows.Count; r++)
                {
                    if (r > 0)
                    {
                        text.Append(" \\\\ ");
                    }

                    for (int c = 0; c < arr.Rows[r].Count; c++)
                    {
                        if (c > 0)
                        {
                            text.Append(" & ");
                        }

                        Append(text, arr.Rows[r][c]);
                    }
                }

                text.Append(']');
                break;
            case LineBreakNode lineBreak:
                text.Append("break");
                if (lineBreak.ExtraSpace != 0)
                {
                    text.Append('[').Append(lineBreak.ExtraSpace.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                }

                break;
            case PhantomNode ph:
                text.Append("phantom:").Append(ph.Kind);
                Group(text, ph.Body);
                break;
            case BoxedNode b:
                text.Append("boxed");
                Group(text, b.Body);
                break;
            case SizeNode size:
                text.Append("size:").Append(size.Factor.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case RuleNode rule:
                text.Append("rule:").Append(rule.Width.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append('x').Append(rule.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case AdjustNode adjust:
                text.Append(adjust.Kind.ToString().ToLowerInvariant());
                Group(text, adjust.Body);
                break;
            case ColorBoxNode colorBox:
                text.Append("colorbox:").Append(colorBox.Background).Append(colorBox.Frame is null ? string.Empty : "/" + colorBox.Frame);
                Group(text, colorBox.Body);
                break;
            case MathChoiceNode choice:
                text.Append("choice");
                foreach (MathList option in choice.Choices)
                {
                    Group(text, option);
                }

                break;
            case EnclosureNode enclosure:
                text.Append("enclose:").Append(enclosure.Kind);
                Group(text, enclosure.Body);
                break;
            case CdVerticalArrowNode cdArrow:
                text.Append("cdarrow:").Append(cdArrow.Glyph);
                Group(text, cdArrow.Left);
                Group(text, cdArrow.Right);
                break;
            case CancelNode cancel:
                text.Append("cancel:").Append(cancel.Kind);
                Group(text, cancel.Body);
                break;
            default:
                text.Append(node.GetType().Name);
                break;
        }

        if (node.Limits != LimitsMode.Default && node.Type == AtomType.Op)
        {
            text.Append('[').Append(node.Limits).Append(']');
        }

        if (node.Subscript is not null)
        {
            text.Append('_');
            Group(text, node.Subscript);
        }

        if (node.Superscript is not null)
        {
            text.Append('^');
            Group(text, node.Superscript);
        }
    }
}
