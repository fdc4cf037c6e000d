using MathForML.Rendering.Boxes;
using MathForML.Rendering.Layout;
using MathForML.Rendering.Parsing;
using MathForML.Rendering.Png;
using MathForML.Rendering.Raster;

namespace MathForML.Rendering.Tests.Support;

/// <summary>Renders many formulas into one numbered PNG (the contact sheet) with the engine's own pipeline.</summary>
internal static class SheetComposer
{
    public static (byte[] Png, List<string> Failures) Compose(MathRenderer renderer, IReadOnlyList<string> formulas, double scale, int columns = 1)
    {
        double pixelsPerEm = RenderOptions.BaseFontPixels * scale;
        const int margin = 16;
        var painters = new List<(BoxPainter Formula, BoxPainter Label)>();
        var failures = new List<string>();
        for (int i = 0; i < formulas.Count; i++)
        {
            var formula = new BoxPainter(renderer.Font);
            try
            {
                formula.Add(renderer.Layout.Layout(LatexParser.Parse(formulas[i], null), display: true), 0, 0);
            }
            catch (LatexParseException e)
            {
                failures.Add($"{i + 1}: {e.ToError().FormatWithCaret(formulas[i])}");
                formula = new BoxPainter(renderer.Font);
                formula.Add(renderer.Layout.Layout(LatexParser.Parse("\\text{(error)}", null), display: false), 0, 0);
            }

            var label = new BoxPainter(renderer.Font);
            label.Add(renderer.Layout.Layout(LatexParser.Parse($"\\scriptstyle\\text{{{i + 1}}}", null), display: false), 0, 0);
            painters.Add((formula, label));
        }

        int rows = (painters.Count + columns - 1) / columns;
        double cellWidth = painters.Max(p => p.Formula.Right - p.Formula.Left) * pixelsPerEm + 60;
        var rowHeights = new double[rows];
        for (int i = 0; i < painters.Count; i++)
        {
            BoxPainter f = painters[i].Formula;
            rowHeights[i / columns] = double.Max(rowHeights[i / columns], ((f.Top - f.Bottom) * pixelsPerEm) + margin);
        }

        int width = (int)double.Ceiling((cellWidth * columns) + (2 * margin));
        int height = (int)double.Ceiling(rowHeights.Sum() + (2 * margin));
        var canvas = new Canvas(width, height, new Rgba(255, 255, 255));
        double y = margin;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns && (r * columns) + c < painters.Count; c++)
            {
                (BoxPainter f, BoxPainter label) = painters[(r * columns) + c];
                double x = margin + (c * cellWidth);
                double baseline = y + (margin / 2.0) + (f.Top * pixelsPerEm);
                label.Paint(canvas, pixelsPerEm, x, baseline, new Rgba(150, 150, 150));
                f.Paint(canvas, pixelsPerEm, x + 50 - (f.Left * pixelsPerEm), baseline, new Rgba(0, 0, 0));
            }

            // A faint separator between rows makes each formula's extent visible.
            canvas.FillRectangle(margin, y + rowHeights[r] - 1, width - margin, y + rowHeights[r], new Rgba(235, 235, 235));
            y += rowHeights[r];
        }

        return (PngEncoder.EncodeRgb(canvas.Pixels, canvas.Width, canvas.Height), failures);
    }
}
