using System.Text;

namespace MathForML.Rendering.Parsing;

internal enum SegmentKind
{
    Text,
    InlineMath,
    DisplayMath,
    ParagraphBreak,
}

/// <summary>A run of a statement: plain text, $…$ / \(…\) inline math, $$…$$ / \[…\] display math.</summary>
internal readonly record struct DocumentSegment(SegmentKind Kind, string Content, int Position);

/// <summary>Splits a problem statement into text and math segments; blank lines separate paragraphs.</summary>
internal static class DocumentParser
{
    public static List<DocumentSegment> Split(string text)
    {
        var segments = new List<DocumentSegment>();
        var run = new StringBuilder();
        int runStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '%' or '\\')
            {
                run.Append(text[i + 1] == '\\' ? '\\' : text[i + 1]);
                i += 2;
                continue;
            }

            (string? open, string? close, SegmentKind kind) = c switch
            {
                '$' when i + 1 < text.Length && text[i + 1] == '$' => ("$$", "$$", SegmentKind.DisplayMath),
                '$' => ("$", "$", SegmentKind.InlineMath),
                '\\' when i + 1 < text.Length && text[i + 1] == '[' => ("\\[", "\\]", SegmentKind.DisplayMath),
                '\\' when i + 1 < text.Length && text[i + 1] == '(' => ("\\(", "\\)", SegmentKind.InlineMath),
                _ => ((string?)null, (string?)null, SegmentKind.Text),
            };
            if (open is not null)
            {
                int contentStart = i + open.Length;
                int end = FindClose(text, contentStart, close!);
                if (end < 0)
                {
                    throw LatexParseException.Create(RenderErrorCodes.UnbalancedBraces, RenderMessages.UnclosedMath, open, i, open);
                }

                Flush(segments, run, runStart);
                segments.Add(new DocumentSegment(kind, text[contentStart..end], contentStart));
                i = end + close!.Length;
                runStart = i;
                continue;
            }

            if (c == '\n' && IsBlankLineAhead(text, i))
            {
                Flush(segments, run, runStart);
                segments.Add(new DocumentSegment(SegmentKind.ParagraphBreak, string.Empty, i));
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                runStart = i;
                continue;
            }

            if (run.Length == 0)
            {
                runStart = i;
            }

            run.Append(c);
            i++;
        }

        Flush(segments, run, runStart);
        return segments;
    }

    /// <summary>The closing delimiter, skipping escaped characters (so \$ inside math does not close it).</summary>
    private static int FindClose(string text, int from, string close)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\\' && close[0] != '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, close, 0, close.Length) == 0)
            {
                return i;
            }

            if (text[i] == '\\')
            {
                i++;
            }
        }

        return -1;
    }

    private static bool IsBlankLineAhead(string text, int newline)
    {
        for (int i = newline + 1; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return false;
    }

    private static void Flush(List<DocumentSegment> segments, StringBuilder run, int start)
    {
        if (run.Length > 0)
        {
            segments.Add(new DocumentSegment(SegmentKind.Text, run.ToString(), start));
            run.Clear();
        }
    }
}
