using System.Globalization;
using MathForML.Rendering.Font;

namespace MathForML.Rendering.Charts;

/// <summary>
/// Reading progress: one row per member in the given order with the name (cut with an ellipsis when
/// long), a bar filled to sessions read of the total, and "done/total · percent" after it.
/// </summary>
internal static class ReadingProgressChart
{
    /// <summary>Sizes at scale 1: name column cap, preferred bar track, row pitch, bar thickness.</summary>
    private const double MaxNameWidth = 170, PreferredTrack = 320, MinTrack = 80, RowPitch = 24, BarHeight = 12;

    public static ChartResult Render(MathFont font, ReadingProgressData data, ChartOptions options)
    {
        foreach ((string name, int done, int total) in data.Members)
        {
            if (done < 0 || total < 0 || done > total)
            {
                return ChartResult.Failed(ChartRenderer.Format(ChartMessages.InvalidProgress, TextMetrics.Clean(name ?? string.Empty), done, total));
            }
        }

        ChartFrame frame = ChartFrame.Create(font, options, 420);
        return Draw(frame, data);
    }

    private static ChartResult Draw(ChartFrame f, ReadingProgressData data)
    {
        ChartPalette p = f.Palette;
        var all = data.Members;
        int rowPitch = f.Px(RowPitch, 4), barHeight = f.Px(BarHeight, 2);
        double titleLine = double.Ceiling(f.TitleSize * 1.6);
        double noteLine = double.Ceiling(f.SmallSize * 1.8);
        int header = f.Padding + (int)titleLine;

        // The first members, up to the item limit and then as many rows as the height bound allows.
        int maxHeight = ChartFrame.MaxHeightFor(f.Options.MaxWidthPixels);
        int rowsFit = int.Max(1, (int)((maxHeight - header - noteLine - f.Padding) / rowPitch));
        int keep = int.Min(int.Min(all.Count, ChartLimits.MaxItems), rowsFit);
        string? note = keep < all.Count ? ChartRenderer.Format(ChartMessages.MoreNotShownMembers, keep, all.Count) : null;

        var values = new string[keep];
        double valueWidth = 0, nameWidth = 0;
        double nameCap = double.Min(f.Px(MaxNameWidth), f.MaxContentWidth * 0.4);
        var names = new string[keep];
        for (int i = 0; i < keep; i++)
        {
            (string name, int done, int total) = all[i];
            values[i] = ChartRenderer.Format(ChartMessages.ReadingValue, done, total, ChartFrame.Percent(done, total));
            valueWidth = double.Max(valueWidth, f.Measure(values[i], f.LabelSize));
            names[i] = f.Fit(name, f.LabelSize, nameCap);
            nameWidth = double.Max(nameWidth, f.Measure(names[i], f.LabelSize));
        }

        int gap = f.Px(10);
        double fixedWidth = double.Ceiling(nameWidth) + gap + gap + double.Ceiling(valueWidth);
        double track = double.Clamp(f.MaxContentWidth - fixedWidth, f.Px(MinTrack), f.Px(PreferredTrack));
        double emptyWidth = keep == 0 ? f.Measure(ChartMessages.NoReading, f.LabelSize) + f.Px(40) : 0;
        double titleWidth = f.Measure(TextMetrics.Clean(data.Title), f.TitleSize);
        int contentWidth = (int)double.Min(f.MaxContentWidth, double.Ceiling(double.Max(double.Max(keep == 0 ? 0 : fixedWidth + track, emptyWidth), titleWidth)));
        int width = contentWidth + (2 * f.Padding);
        int rows = int.Max(keep, 1);
        int height = header + (rows * rowPitch) + (note is null ? 0 : (int)noteLine) + f.Padding;
        if (ChartFrame.CheckSize(width, height) is string tooLarge)
        {
            return ChartResult.Failed(tooLarge);
        }

        var s = new ChartSurface(f.Font, width, height, p.Background);
        int left = f.Padding;
        s.Text(f.Fit(data.Title, f.TitleSize, contentWidth), left, f.Padding + (f.TitleSize * 0.95), f.TitleSize, p.Ink);
        double cap = f.CapHeight(f.LabelSize);
        if (keep == 0)
        {
            s.Text(ChartMessages.NoReading, left, header + ((rowPitch + cap) / 2), f.LabelSize, p.MutedInk);
        }

        double trackX = left + double.Ceiling(nameWidth) + gap;
        for (int i = 0; i < keep; i++)
        {
            (_, int done, int total) = all[i];
            double rowTop = header + (i * rowPitch);
            double baseline = rowTop + ((rowPitch + cap) / 2);
            double barTop = rowTop + ((rowPitch - barHeight) / 2.0);
            s.Text(names[i], left, baseline, f.LabelSize, p.Ink);
            s.Rect(trackX, barTop, track, barHeight, p.Track);
            double filled = total == 0 ? 0 : double.Round(track * done / total);
            s.Rect(trackX, barTop, filled, barHeight, p.Primary);
            s.Text(values[i], trackX + track + gap, baseline, f.LabelSize, p.MutedInk);
        }

        if (note is not null)
        {
            s.Text(f.Fit(note, f.SmallSize, contentWidth), left, header + (rows * rowPitch) + (noteLine * 0.6), f.SmallSize, p.MutedInk);
        }

        return ChartResult.Ok(s.EncodePng(), width, height, AltText(data, keep, note));
    }

    private static string AltText(ReadingProgressData data, int shown, string? note)
    {
        string title = TextMetrics.Clean(data.Title);
        if (shown == 0)
        {
            return ChartRenderer.Format(ChartMessages.ReadingEmptyAlt, title);
        }

        var items = new List<string>(shown);
        int finished = 0;
        double sum = 0;
        for (int i = 0; i < shown; i++)
        {
            (string name, int done, int total) = data.Members[i];
            int percent = ChartFrame.Percent(done, total);
            finished += total > 0 && done == total ? 1 : 0;
            sum += percent;
            items.Add(ChartRenderer.Format(ChartMessages.ReadingItem, TextMetrics.Clean(name), done, total, percent));
        }

        string summary = ChartRenderer.Format(
            ChartMessages.ReadingAlt,
            title,
            shown,
            ChartFrame.Plural(shown, ChartMessages.MemberWord, ChartMessages.MembersWord),
            finished,
            ((int)double.Round(sum / shown, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture));
        return ChartFrame.AltText(summary, items, note);
    }
}
