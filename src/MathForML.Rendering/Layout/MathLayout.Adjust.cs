using MathForML.Rendering.Boxes;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Rules, laps, smash, raised boxes, colour boxes and \mathchoice.</summary>
internal sealed partial class MathLayout
{
    /// <summary>\fboxsep (3pt) and \fboxrule (0.4pt).</summary>
    private const double BoxSeparation = 0.3;
    private const double BoxRule = 0.04;

    private static RuleBox LayoutRule(RuleNode rule, StyleState style, Rgba? color)
    {
        double scale = style.Size;
        return new RuleBox(rule.Width * scale, (rule.Height + rule.Raise) * scale, -rule.Raise * scale, color);
    }

    private ContainerBox LayoutAdjust(AdjustNode node, StyleState style, Rgba? color)
    {
        Box body = LayoutList(node.Body, style, color);
        var box = new ContainerBox();
        switch (node.Kind)
        {
            case AdjustKind.LapLeft:
                box.Place(body, -body.Width, 0);
                break;
            case AdjustKind.LapRight:
                box.Place(body, 0, 0);
                break;
            case AdjustKind.LapCenter:
                box.Place(body, -body.Width / 2, 0);
                break;
            case AdjustKind.Raise:
                box.Width = body.Width;
                box.Place(body, 0, node.Amount * style.Size);
                break;
            case AdjustKind.VerticalCenter:
                box.Width = body.Width;
                box.Place(body, 0, Axis(style) - ((body.Height - body.Depth) / 2));
                break;
            default:
                box.Width = body.Width;
                box.Place(body, 0, 0);
                if (node.Kind is AdjustKind.SmashTop or AdjustKind.SmashBoth)
                {
                    box.Height = 0;
                }

                if (node.Kind is AdjustKind.SmashBottom or AdjustKind.SmashBoth)
                {
                    box.Depth = 0;
                }

                break;
        }

        return box;
    }

    private ContainerBox LayoutColorBox(ColorBoxNode node, StyleState style, Rgba? color)
    {
        Box body = LayoutList(node.Body, style, color);
        double pad = BoxSeparation * style.Size;
        double rule = node.Frame is null ? 0 : BoxRule * style.Size;
        double width = body.Width + (2 * (pad + rule));
        double top = body.Height + pad + rule;
        double bottom = body.Depth + pad + rule;
        var box = new ContainerBox { Width = width };
        if (node.Frame is Rgba frame)
        {
            box.Place(new RuleBox(width, top, bottom, frame), 0, 0);
        }

        // Painted in order: frame, then background inside it, then the body.
        box.Place(new RuleBox(width - (2 * rule), top - rule, bottom - rule, node.Background), rule, 0);
        box.Place(body, pad + rule, 0);
        return box;
    }

    private ContainerBox LayoutCancel(CancelNode node, StyleState style, Rgba? color)
    {
        Box body = LayoutList(node.Body, style, color);
        double thickness = 0.04 * style.Size;
        var box = new ContainerBox { Width = body.Width };
        box.Place(body, 0, 0);
        if (node.Kind == CancelKind.Strike)
        {
            double middle = Axis(style);
            box.Place(new RuleBox(body.Width, middle + (thickness / 2), -(middle - (thickness / 2)), color), 0, 0);
            return box;
        }

        // The strokes reach a little past the body's corners, as the cancel package draws them.
        double pad = 0.1 * Scale(style);
        double bottom = -body.Depth - pad;
        double top = body.Height + pad;
        if (node.Kind is CancelKind.Up or CancelKind.Cross)
        {
            box.Place(new StrokeBox(body.Width, top - bottom, thickness, color), 0, bottom);
        }

        if (node.Kind is CancelKind.Down or CancelKind.Cross)
        {
            box.Place(new StrokeBox(body.Width, bottom - top, thickness, color), 0, top);
        }

        return box;
    }

    private ContainerBox LayoutChoice(MathChoiceNode node, StyleState style, Rgba? color) =>
        LayoutList(node.Choices[(int)style.Style], style, color);
}
