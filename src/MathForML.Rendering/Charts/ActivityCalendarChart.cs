using System.Globalization;
using MathForML.Rendering.Font;

namespace MathForML.Rendering.Charts;

/// <summary>
/// The activity heatmap: weeks as columns (the first starts on the data's first day of the week), weekdays
/// as rows, month names above, three weekday names on the left, a summary and a "Less … More" legend
/// below. Shades follow a logarithmic scale from one action (the palest) to the busiest day (the
/// strongest), so one unusually busy day does not wash out the rest of the year.
/// </summary>
internal static class ActivityCalendarChart
{
    private const int Levels = 4;

    /// <summary>Sizes at scale 1: cell, gap between cells.</summary>
    private const double Cell = 11, Gap = 3;

    public static ChartResult Render(MathFont font, ActivityCalendarData data, ChartOptions options)
    {
        if (data.To < data.From)
        {
            return ChartResult.Failed(ChartRenderer.Format(ChartMessages.RangeReversed, ChartFrame.Date(data.From), ChartFrame.Date(data.To)));
        }

        int days = data.To.DayNumber - data.From.DayNumber + 1;
        if (days > ChartLimits.MaxCalendarDays)
        {
            return ChartResult.Failed(ChartRenderer.Format(ChartMessages.RangeTooLong, days, ChartLimits.MaxCalendarDays));
        }

        var counts = new long[days];
        foreach ((DateOnly day, int count) in data.Days)
        {
            if (count < 0)
            {
                return ChartResult.Failed(ChartRenderer.Format(ChartMessages.NegativeCount, ChartFrame.Date(day)));
            }

            if (day >= data.From && day <= data.To)
            {
                counts[day.DayNumber - data.From.DayNumber] += count;
            }
        }

        DateOnly start = data.From.AddDays(-(((int)data.From.DayOfWeek - (int)data.FirstDayOfWeek + 7) % 7));
        int columns = ((data.To.DayNumber - start.DayNumber) / 7) + 1;
        var stats = Summarize(counts, data.From, start);
        string alt = AltText(data, stats);

        // Natural width at scale 1: weekday labels plus the grid, at least room for the footer.
        double labelColumn = 34;
        double natural = double.Max(labelColumn + (columns * (Cell + Gap)), 420);
        ChartFrame frame = ChartFrame.Create(font, options, natural);
        return Draw(frame, data, counts, start, columns, stats, alt);
    }

    private static ChartResult Draw(ChartFrame f, ActivityCalendarData data, long[] counts, DateOnly start, int columns, CalendarStats stats, string alt)
    {
        ChartPalette p = f.Palette;
        int cell = f.Px(Cell, 2), gap = f.Px(Gap), pitch = cell + gap;
        string[] dayNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames;
        double labelWidth = 0;
        for (int row = 1; row < 7; row += 2)
        {
            labelWidth = double.Max(labelWidth, f.Measure(dayNames[((int)data.FirstDayOfWeek + row) % 7], f.SmallSize));
        }

        int gridLeft = (int)double.Ceiling(labelWidth) + f.Px(6);
        int gridWidth = (columns * pitch) - gap;
        string summary = stats.Total == 0
            ? ChartMessages.NoActivity
            : ChartRenderer.Format(
                ChartMessages.CalendarSummary,
                stats.ActiveDays,
                ChartFrame.Plural(stats.ActiveDays, ChartMessages.DayWord, ChartMessages.DaysWord),
                stats.Total,
                ChartFrame.Plural(stats.Total, ChartMessages.ActionWord, ChartMessages.ActionsWord));
        int swatch = cell, legendGap = f.Px(3);
        double legendWidth = f.Measure(ChartMessages.Less, f.SmallSize) + f.Measure(ChartMessages.More, f.SmallSize)
            + (2 * f.Px(5)) + ((Levels + 1) * swatch) + (Levels * legendGap);
        if (stats.Total == 0)
        {
            legendWidth = 0;
        }

        double footerWidth = f.Measure(summary, f.SmallSize) + f.Px(16) + legendWidth;
        int contentWidth = (int)double.Min(f.MaxContentWidth, double.Ceiling(double.Max(gridLeft + gridWidth, footerWidth)));

        double titleLine = double.Ceiling(f.TitleSize * 1.35);
        double monthLine = double.Ceiling(f.SmallSize * 1.5);
        int gridTop = f.Padding + (int)titleLine + f.Px(4) + (int)monthLine;
        int gridBottom = gridTop + (7 * pitch) - gap;
        int footerTop = gridBottom + f.Px(10);
        double footerLine = double.Max(swatch, f.SmallSize * 1.2);
        int width = contentWidth + (2 * f.Padding);
        int height = footerTop + (int)double.Ceiling(footerLine) + f.Padding;
        if (ChartFrame.CheckSize(width, height) is string tooLarge)
        {
            return ChartResult.Failed(tooLarge);
        }

        var surface = new ChartSurface(f.Font, width, height, p.Background);
        int left = f.Padding;
        surface.Text(f.Fit(data.Title, f.TitleSize, contentWidth), left, f.Padding + (f.TitleSize * 0.95), f.TitleSize, p.Ink);

        // Weekday names on rows 1, 3, 5, vertically centred on the cells.
        double capSmall = f.CapHeight(f.SmallSize);
        for (int row = 1; row < 7; row += 2)
        {
            double baseline = gridTop + (row * pitch) + ((cell + capSmall) / 2);
            surface.Text(dayNames[((int)data.FirstDayOfWeek + row) % 7], left, baseline, f.SmallSize, p.MutedInk);
        }

        DrawMonthLabels(surface, f, data, start, columns, left + gridLeft, pitch, gridTop - f.Px(5));
        for (int i = 0; i < counts.Length; i++)
        {
            int offset = data.From.DayNumber - start.DayNumber + i;
            int x = left + gridLeft + (offset / 7 * pitch);
            int y = gridTop + (offset % 7 * pitch);
            surface.Rect(x, y, cell, cell, p.Ramp[Level(counts[i], stats.Max)]);
        }

        double footerBaseline = footerTop + ((footerLine + capSmall) / 2);
        surface.Text(f.Fit(summary, f.SmallSize, contentWidth - legendWidth - f.Px(16)), left, footerBaseline, f.SmallSize, p.MutedInk);
        if (stats.Total > 0)
        {
            DrawLegend(surface, f, left + contentWidth - legendWidth, footerTop, footerLine, swatch, legendGap);
        }

        return ChartResult.Ok(surface.EncodePng(), width, height, alt);
    }

    private static void DrawLegend(ChartSurface surface, ChartFrame f, double lx, double top, double line, int swatch, int legendGap)
    {
        ChartPalette p = f.Palette;
        double footerBaseline = top + ((line + f.CapHeight(f.SmallSize)) / 2);
        surface.Text(ChartMessages.Less, lx, footerBaseline, f.SmallSize, p.MutedInk);
        lx += f.Measure(ChartMessages.Less, f.SmallSize) + f.Px(5);
        double swatchTop = top + ((line - swatch) / 2);
        for (int level = 0; level <= Levels; level++)
        {
            surface.Rect(lx, swatchTop, swatch, swatch, p.Ramp[level]);
            lx += swatch + legendGap;
        }

        surface.Text(ChartMessages.More, lx - legendGap + f.Px(5), footerBaseline, f.SmallSize, p.MutedInk);
    }

    /// <summary>Month names over the first column whose top day is in that month; the range's first month
    /// is named over column 0 when there is room before the next name.</summary>
    private static void DrawMonthLabels(ChartSurface surface, ChartFrame f, ActivityCalendarData data, DateOnly start, int columns, int gridX, int pitch, double baseline)
    {
        string[] names = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
        var labels = new List<(int Column, string Text)>();
        for (int column = 0; column < columns; column++)
        {
            DateOnly top = start.AddDays(column * 7);
            if (top >= data.From && top.Day <= 7 && top <= data.To)
            {
                labels.Add((column, names[top.Month - 1]));
            }
        }

        DateOnly first = data.From;
        if (labels.Count == 0 || labels[0].Column > 0)
        {
            labels.Insert(0, (0, names[first.Month - 1]));
        }

        double nextFree = double.MinValue;
        for (int i = 0; i < labels.Count; i++)
        {
            double x = gridX + (labels[i].Column * pitch);
            double textWidth = f.Measure(labels[i].Text, f.SmallSize);
            double limit = i + 1 < labels.Count ? gridX + (labels[i + 1].Column * pitch) - f.Px(8) : surface.Width - f.Padding;
            if (x < nextFree || x + textWidth > limit)
            {
                continue;
            }

            surface.Text(labels[i].Text, x, baseline, f.SmallSize, f.Palette.MutedInk);
            nextFree = x + textWidth + f.Px(4);
        }
    }

    /// <summary>0 for no activity; else 1 + round(3 · ln count / ln max), so 1 action is level 1 and the busiest day level 4.</summary>
    internal static int Level(long count, long max)
    {
        if (count <= 0 || max <= 0)
        {
            return 0;
        }

        if (max == 1)
        {
            return Levels;
        }

        double position = double.Log(long.Min(count, max)) / double.Log(max);
        return int.Clamp(1 + (int)double.Round((Levels - 1) * position, MidpointRounding.AwayFromZero), 1, Levels);
    }

    private static CalendarStats Summarize(long[] counts, DateOnly from, DateOnly start)
    {
        long total = 0, max = 0, bestWeek = 0;
        int active = 0, run = 0, longestRun = 0, busiestDay = -1, bestWeekColumn = -1;
        var weeks = new Dictionary<int, long>();
        for (int i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            total += c;
            run = c > 0 ? run + 1 : 0;
            longestRun = int.Max(longestRun, run);
            if (c > 0)
            {
                active++;
            }

            if (c > max)
            {
                max = c;
                busiestDay = i;
            }

            int column = (from.DayNumber - start.DayNumber + i) / 7;
            weeks[column] = weeks.GetValueOrDefault(column) + c;
            if (weeks[column] > bestWeek)
            {
                bestWeek = weeks[column];
                bestWeekColumn = column;
            }
        }

        DateOnly? busiest = busiestDay < 0 ? null : from.AddDays(busiestDay);
        DateOnly? weekStart = bestWeekColumn < 0 ? null : DateOnly.FromDayNumber(int.Max(from.DayNumber, start.DayNumber + (bestWeekColumn * 7)));
        return new CalendarStats(total, max, active, longestRun, busiest, weekStart, bestWeek);
    }

    private static string AltText(ActivityCalendarData data, CalendarStats s)
    {
        string title = TextMetrics.Clean(data.Title);
        if (s.Total == 0)
        {
            return ChartRenderer.Format(ChartMessages.CalendarEmptyAlt, title, ChartFrame.Date(data.From), ChartFrame.Date(data.To));
        }

        return ChartRenderer.Format(
            ChartMessages.CalendarAlt,
            title,
            ChartFrame.Date(data.From),
            ChartFrame.Date(data.To),
            s.ActiveDays,
            ChartFrame.Plural(s.ActiveDays, ChartMessages.DayWord, ChartMessages.DaysWord),
            s.Total,
            ChartFrame.Plural(s.Total, ChartMessages.ActionWord, ChartMessages.ActionsWord),
            ChartFrame.Date(s.BusiestDay!.Value),
            Actions(s.Max),
            ChartFrame.Date(s.BusiestWeekStart!.Value),
            Actions(s.BusiestWeek),
            s.LongestRun,
            ChartFrame.Plural(s.LongestRun, ChartMessages.DayWord, ChartMessages.DaysWord));
    }

    private static string Actions(long count) => count.ToString(CultureInfo.InvariantCulture) + " " + ChartFrame.Plural(count, ChartMessages.ActionWord, ChartMessages.ActionsWord);

    private sealed record CalendarStats(long Total, long Max, int ActiveDays, int LongestRun, DateOnly? BusiestDay, DateOnly? BusiestWeekStart, long BusiestWeek);
}
