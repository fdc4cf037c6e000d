using MathForML.Rendering.Boxes;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Layout;

/// <summary>Matrices, arrays, cases and alignments: TeX's \halign with struts, column gaps and delimiters.</summary>
internal sealed partial class MathLayout
{
    /// <summary>TeX's \strut inside arrays (8.5pt high, 3.5pt deep at 10pt).</summary>
    private const double StrutHeight = 0.85;
    private const double StrutDepth = 0.35;

    /// <summary>amsmath's \jot: extra space between rows of display alignments.</summary>
    private const double Jot = 0.3;

    /// <summary>Two \arraycolsep (5pt each): the gap between matrix columns.</summary>
    private const double ColumnGap = 1.0;

    private const double AlignedPairGap = 2.0;
    private const double ArrayRuleThickness = 0.04;

    private ContainerBox LayoutArray(ArrayNode array, StyleState style, Rgba? color)
    {
        double scale = Scale(style);
        StyleState cellStyle = array.CellStyle is MathStyle forced ? style with { Style = forced } : array.Kind switch
        {
            ArrayKind.Aligned or ArrayKind.Gather => style with { Style = MathStyle.Display },
            ArrayKind.Lines => style,
            ArrayKind.Substack => style,
            _ => style with { Style = style.Style == MathStyle.Display ? MathStyle.Text : style.Style },
        };
        int columns = array.ColumnCount;
        int rows = array.Rows.Count;
        var cells = new Box?[rows, columns];
        var widths = new double[columns];
        var heights = new double[rows];
        var depths = new double[rows];
        double cellScale = Scale(cellStyle);
        for (int r = 0; r < rows; r++)
        {
            heights[r] = StrutHeight * cellScale;
            depths[r] = StrutDepth * cellScale;
            for (int c = 0; c < array.Rows[r].Count; c++)
            {
                MathList cellList = array.Rows[r][c];
                if (array.Kind == ArrayKind.Aligned && c % 2 == 1)
                {
                    // The right-hand column of a pair starts after "&": TeX inserts an empty ord so "= x" spaces as a relation.
                    var withLead = new MathList();
                    withLead.Add(new GroupNode(AtomType.Ord, 0, new MathList()));
                    withLead.Items.AddRange(cellList.Items);
                    cellList = withLead;
                }

                Box cell = LayoutList(cellList, cellStyle, color);
                cells[r, c] = cell;
                widths[c] = double.Max(widths[c], cell.Width);
                heights[r] = double.Max(heights[r], cell.Height);
                depths[r] = double.Max(depths[r], cell.Depth);
            }
        }

        // Column x positions with the gaps each kind of environment uses.
        var x = new double[columns];
        double position = array.Kind == ArrayKind.Array ? ColumnGap / 2 * scale : 0;
        for (int c = 0; c < columns; c++)
        {
            if (array.VerticalRules.Contains(c) && array.Kind == ArrayKind.Array)
            {
                position += ArrayRuleThickness;
            }

            x[c] = position;
            position += widths[c];
            if (c < columns - 1)
            {
                position += array.Kind switch
                {
                    ArrayKind.Aligned => c % 2 == 0 ? 0 : AlignedPairGap * scale,
                    ArrayKind.Cases => ColumnGap * scale,
                    ArrayKind.CommutativeDiagram => CdLabelGap * scale,
                    ArrayKind.Gather or ArrayKind.Substack or ArrayKind.Lines => 0,
                    _ => ColumnGap * scale,
                };
            }
        }

        if (array.Kind == ArrayKind.Array)
        {
            position += ColumnGap / 2 * scale;
        }

        double totalWidth = position + (array.VerticalRules.Contains(columns) ? ArrayRuleThickness : 0);

        // Row baselines from the top; rows touch at their struts, with \jot between display rows.
        double rowGap = array.Kind is ArrayKind.Aligned or ArrayKind.Gather ? Jot : 0;
        var baselines = new double[rows];
        double y = 0;
        for (int r = 0; r < rows; r++)
        {
            y += heights[r];
            baselines[r] = y;
            y += depths[r] + (r < rows - 1 ? rowGap + (array.ExtraRowSpace.GetValueOrDefault(r) * scale) : 0);
        }

        double totalHeight = y;
        double axis = Axis(style);
        double top = (totalHeight / 2) + axis;
        var grid = new ContainerBox { Width = totalWidth };
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (cells[r, c] is not Box cell)
                {
                    continue;
                }

                double offset = array.AlignOf(c) switch
                {
                    ColumnAlign.Left => 0,
                    ColumnAlign.Right => widths[c] - cell.Width,
                    _ => (widths[c] - cell.Width) / 2,
                };
                grid.Place(cell, x[c] + offset, top - baselines[r]);
            }
        }

        grid.Height = double.Max(grid.Height, top);
        grid.Depth = double.Max(grid.Depth, totalHeight - top);
        AddRules(array, grid, x, baselines, heights, top, totalHeight, color);
        return WrapDelimiters(array, grid, style, color);
    }

    private static void AddRules(ArrayNode array, ContainerBox grid, double[] x, double[] baselines, double[] heights, double top, double totalHeight, Rgba? color)
    {
        foreach (int c in array.VerticalRules)
        {
            double ruleX = c < x.Length ? x[c] - (ColumnGap / 2) - ArrayRuleThickness : grid.Width - ArrayRuleThickness;
            ruleX = double.Max(0, ruleX);
            grid.Place(new RuleBox(ArrayRuleThickness, top, totalHeight - top, color), ruleX, 0);
        }

        foreach (int r in array.HorizontalRules)
        {
            double fromTop = r < baselines.Length ? baselines[r] - heights[r] : totalHeight;
            double ruleY = top - fromTop;
            grid.Place(new RuleBox(grid.Width, ruleY + (ArrayRuleThickness / 2), -(ruleY - (ArrayRuleThickness / 2)), color), 0, 0);
        }
    }

    private ContainerBox WrapDelimiters(ArrayNode array, ContainerBox grid, StyleState style, Rgba? color)
    {
        if (array.LeftDelimiter is null && array.RightDelimiter is null)
        {
            return grid;
        }

        var node = new LeftRightNode(array.Position, [array.LeftDelimiter ?? string.Empty, array.RightDelimiter ?? string.Empty], []);
        double axis = Axis(style);
        double delta = double.Max(grid.Height - axis, grid.Depth + axis);
        double target = double.Max(2 * delta * DelimiterFactor, (2 * delta) - (DelimiterShortfall * Scale(style)));
        var result = new ContainerBox();
        result.Append(Delimiter(node.Delimiters[0], target, style, color));
        result.Append(grid);
        result.Append(Delimiter(node.Delimiters[1], target, style, color));
        return result;
    }

    private Box Delimiter(string delimiter, double target, StyleState style, Rgba? color) =>
        delimiter.Length == 0 ? new KernBox(NullDelimiterSpace * Scale(style)) : StretchDelimiter(delimiter, target, style, color);
}
