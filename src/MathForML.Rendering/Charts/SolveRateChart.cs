using MathForML.Rendering.Font;

namespace MathForML.Rendering.Charts;

/// <summary>
/// Solve rate per problem: one stacked bar per problem (solved, then tried but not solved) measured as a
/// share of the members, a 0/50/100% axis, the problem labels below (every k-th when they do not fit)
/// and the percentage above each bar when there is room. Many problems wrap onto several panels.
/// </summary>
internal static class SolveRateChart
{
    /// <summary>Sizes at scale 1: preferred and smallest bar pitch, panel plot height.</summary>
    private const double PreferredPitch = 36, MinPitch = 9, PlotHeight = 120, MinNaturalWidth = 420;

    private static readonly int[] LabelSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 400];

    public static ChartResult Render(MathFont font, SolveRateData data, ChartOptions options)
    {
        foreach ((string label, int solved, int tried, int members) in data.Problems)
        {
            if (solved < 0 || tried < solved || members < 0)
            {
                return ChartResult.Failed(ChartRenderer.Format(ChartMessages.InvalidSolveCounts, TextMetrics.Clean(label ?? string.Empty), solved, tried, members));
            }
        }

        // Bars adapt to the width; the scale only shrinks when the legend and a few bars would not fit.
        ChartFrame frame = ChartFrame.Create(font, options, MinNaturalWidth);
        return new Layout(frame, data).Draw();
    }

    private static int Denominator(int tried, int members) => int.Max(tried, members);

    private static string AltText(SolveRateData data, IReadOnlyList<(string Label, int Solved, int Tried, int Members)> shown, string? note)
    {
        string title = TextMetrics.Clean(data.Title);
        if (shown.Count == 0)
        {
            return ChartRenderer.Format(ChartMessages.SolveRateEmptyAlt, title);
        }

        var items = new List<string>(shown.Count);
        var percents = new int[shown.Count];
        int best = 0, worst = 0;
        for (int i = 0; i < shown.Count; i++)
        {
            (string label, int solved, int tried, int members) = shown[i];
            percents[i] = ChartFrame.Percent(solved, Denominator(tried, members));
            best = percents[i] > percents[best] ? i : best;
            worst = percents[i] < percents[worst] ? i : worst;
            items.Add(ChartRenderer.Format(ChartMessages.SolveRateItem, TextMetrics.Clean(label), solved, Denominator(tried, members), percents[i], tried));
        }

        string summary = ChartRenderer.Format(
            ChartMessages.SolveRateAlt,
            title,
            shown.Count,
            ChartFrame.Plural(shown.Count, ChartMessages.ProblemWord, ChartMessages.ProblemsWord),
            (int)double.Round(percents.Average(), MidpointRounding.AwayFromZero),
            TextMetrics.Clean(shown[best].Label),
            percents[best],
            TextMetrics.Clean(shown[worst].Label),
            percents[worst]);
        return ChartFrame.AltText(summary, items, note);
    }

    private sealed class Layout
    {
        private readonly ChartFrame _f;
        private readonly SolveRateData _data;

        public Layout(ChartFrame frame, SolveRateData data)
        {
            _f = frame;
            _data = data;
        }

        public ChartResult Draw()
        {
            ChartFrame f = _f;
            ChartPalette p = f.Palette;
            var all = _data.Problems;
            double axisWidth = double.Ceiling(f.Measure("100%", f.SmallSize)) + f.Px(6);
            double plotAvailable = f.MaxContentWidth - axisWidth;
            int minPitch = f.Px(MinPitch, 3), preferredPitch = f.Px(PreferredPitch, 3);
            int perPanel = int.Max(1, (int)(plotAvailable / minPitch));
            double titleLine = double.Ceiling(f.TitleSize * 1.35);
            double legendLine = double.Ceiling(f.SmallSize * 1.6);
            int plotHeight = f.Px(PlotHeight);
            double valueLine = double.Ceiling(f.SmallSize * 1.3);
            double labelLine = double.Ceiling(f.SmallSize * 1.6);
            int panelHeight = (int)(valueLine + plotHeight + labelLine + f.Px(14));
            double noteLine = double.Ceiling(f.SmallSize * 1.6);
            int header = f.Padding + (int)titleLine + (int)legendLine;

            // Keep the most recent problems: the item limit first, then as many panels as the height bound allows.
            int keep = int.Min(all.Count, ChartLimits.MaxItems);
            int maxHeight = ChartFrame.MaxHeightFor(f.Options.MaxWidthPixels);
            int panelsFit = int.Max(1, (int)((maxHeight - header - noteLine - f.Padding) / panelHeight));
            keep = int.Min(keep, panelsFit * perPanel);
            var shown = new List<(string Label, int Solved, int Tried, int Members)>(keep);
            for (int i = all.Count - keep; i < all.Count; i++)
            {
                shown.Add(all[i]);
            }

            string? note = keep < all.Count ? ChartRenderer.Format(ChartMessages.MoreNotShownProblems, keep, all.Count) : null;
            string alt = AltText(_data, shown, note);
            int panels = int.Max(1, (shown.Count + perPanel - 1) / perPanel);
            int barsPerPanel = int.Max(1, (shown.Count + panels - 1) / panels);
            int pitch = int.Clamp((int)(plotAvailable / barsPerPanel), minPitch, preferredPitch);
            int bar = int.Max(2, pitch - int.Max(1, (int)double.Round(pitch * 0.28)));

            string legendSolved = ChartMessages.Solved, legendTried = ChartMessages.TriedNotSolved, legendUnit = ChartMessages.ShareOfMembers;
            int swatch = f.Px(10, 2);
            double legendWidth = (2 * (swatch + f.Px(5))) + f.Measure(legendSolved, f.SmallSize) + f.Measure(legendTried, f.SmallSize)
                + f.Measure(legendUnit, f.SmallSize) + (2 * f.Px(14));
            double plotWidth = shown.Count == 0 ? 0 : barsPerPanel * pitch;
            double emptyWidth = shown.Count == 0 ? f.Measure(ChartMessages.NoProblems, f.LabelSize) + f.Px(40) : 0;
            int contentWidth = (int)double.Min(f.MaxContentWidth, double.Ceiling(double.Max(axisWidth + double.Max(plotWidth, emptyWidth), legendWidth)));
            int width = contentWidth + (2 * f.Padding);
            int height = header + (panels * panelHeight) + (note is null ? 0 : (int)noteLine) + f.Padding;
            if (ChartFrame.CheckSize(width, height) is string tooLarge)
            {
                return ChartResult.Failed(tooLarge);
            }

            var s = new ChartSurface(f.Font, width, height, p.Background);
            int left = f.Padding;
            s.Text(f.Fit(_data.Title, f.TitleSize, contentWidth), left, f.Padding + (f.TitleSize * 0.95), f.TitleSize, p.Ink);
            double legendBaseline = f.Padding + titleLine + (legendLine * 0.6);
            DrawLegend(s, left, legendBaseline, swatch, (legendSolved, legendTried, legendUnit));
            int top = header;
            if (shown.Count == 0)
            {
                DrawAxis(s, left, axisWidth, top + valueLine, plotHeight, contentWidth);
                s.Text(ChartMessages.NoProblems, left + axisWidth + ((contentWidth - axisWidth) / 2), top + valueLine + (plotHeight / 2.0), f.LabelSize, p.MutedInk, TextAlign.Center);
            }

            for (int panel = 0; panel < panels; panel++)
            {
                int first = panel * barsPerPanel;
                int count = int.Min(barsPerPanel, shown.Count - first);
                if (count <= 0)
                {
                    break;
                }

                double plotTop = top + valueLine;
                DrawAxis(s, left, axisWidth, plotTop, plotHeight, axisWidth + (count * pitch));
                DrawBars(s, shown, first, count, left + axisWidth, plotTop, plotHeight, pitch, bar);
                top += panelHeight;
            }

            if (note is not null)
            {
                s.Text(f.Fit(note, f.SmallSize, contentWidth), left, top + (noteLine * 0.6), f.SmallSize, p.MutedInk);
            }

            return ChartResult.Ok(s.EncodePng(), width, height, alt);
        }

        private void DrawLegend(ChartSurface s, double x, double baseline, int swatch, (string Solved, string Tried, string Unit) text)
        {
            ChartFrame f = _f;
            double cap = f.CapHeight(f.SmallSize);
            double swatchTop = baseline - ((cap + swatch) / 2);
            s.Rect(x, swatchTop, swatch, swatch, f.Palette.Primary);
            x += swatch + f.Px(5);
            s.Text(text.Solved, x, baseline, f.SmallSize, f.Palette.MutedInk);
            x += f.Measure(text.Solved, f.SmallSize) + f.Px(14);
            s.Rect(x, swatchTop, swatch, swatch, f.Palette.Secondary);
            x += swatch + f.Px(5);
            s.Text(text.Tried, x, baseline, f.SmallSize, f.Palette.MutedInk);
            x += f.Measure(text.Tried, f.SmallSize) + f.Px(14);
            s.Text(text.Unit, x, baseline, f.SmallSize, f.Palette.MutedInk);
        }

        /// <summary>Grid lines at 0, 50 and 100% with their labels right-aligned in the axis column.</summary>
        private void DrawAxis(ChartSurface s, double left, double axisWidth, double plotTop, int plotHeight, double lineRight)
        {
            ChartFrame f = _f;
            double cap = f.CapHeight(f.SmallSize);
            int line = f.Px(1);
            foreach (int percent in (int[])[0, 50, 100])
            {
                double y = double.Round(plotTop + plotHeight - (plotHeight * percent / 100.0));
                s.Rect(left + axisWidth - f.Px(2), y - (percent == 0 ? 0 : line), lineRight - axisWidth + f.Px(2), line, percent == 0 ? f.Palette.MutedInk : f.Palette.Grid);
                s.Text(percent.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%", left + axisWidth - f.Px(6), y + (cap / 2), f.SmallSize, f.Palette.MutedInk, TextAlign.Right);
            }
        }

        private void DrawBars(ChartSurface s, List<(string Label, int Solved, int Tried, int Members)> shown, int first, int count, double x0, double plotTop, int plotHeight, int pitch, int bar)
        {
            ChartFrame f = _f;
            double maxLabel = f.Px(80);
            var labels = new string[count];
            double widest = 0;
            for (int i = 0; i < count; i++)
            {
                labels[i] = f.Fit(shown[first + i].Label, f.SmallSize, maxLabel);
                widest = double.Max(widest, f.Measure(labels[i], f.SmallSize));
            }

            int step = LabelSteps.FirstOrDefault(k => k * pitch >= widest + f.Px(6), LabelSteps[^1]);
            bool values = pitch >= f.Measure("100%", f.SmallSize) + f.Px(4);
            double baseY = plotTop + plotHeight;
            for (int i = 0; i < count; i++)
            {
                (_, int solved, int tried, int members) = shown[first + i];
                int denominator = Denominator(tried, members);
                double x = x0 + (i * pitch) + ((pitch - bar) / 2.0);
                double solvedHeight = denominator == 0 ? 0 : double.Round(plotHeight * solved / (double)denominator);
                double triedHeight = denominator == 0 ? 0 : double.Round(plotHeight * tried / (double)denominator);
                s.Rect(x, baseY - triedHeight, bar, triedHeight - solvedHeight, f.Palette.Secondary);
                s.Rect(x, baseY - solvedHeight, bar, solvedHeight, f.Palette.Primary);
                double center = x + (bar / 2.0);
                if (values)
                {
                    string value = ChartFrame.Percent(solved, denominator).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
                    s.Text(value, center, baseY - solvedHeight - f.Px(4), f.SmallSize, f.Palette.Ink, TextAlign.Center);
                }

                if (i % step == 0)
                {
                    // Centred under the bar but kept inside the plot, clear of the axis labels.
                    double half = f.Measure(labels[i], f.SmallSize) / 2;
                    double labelCenter = double.Clamp(center, x0 + half, double.Max(x0 + half, x0 + (count * pitch) - half));
                    s.Text(labels[i], labelCenter, baseY + f.Px(4) + f.CapHeight(f.SmallSize) + f.Px(2), f.SmallSize, f.Palette.MutedInk, TextAlign.Center);
                }
            }
        }
    }
}
