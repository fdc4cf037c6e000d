using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MathForML.Core.Chat;
using MathForML.Core.Commands;

namespace MathForML.Slack.Adapter;

/// <summary>
/// Core's small Markdown subset → Slack mrkdwn: <c>**bold**</c> → <c>*bold*</c>, <c>*italic*</c> → <c>_italic_</c>,
/// "- " bullets → "• ", <c>&amp; &lt; &gt;</c> escaped, time tokens → Slack date tokens (each reader sees local time),
/// and command names in code spans (<c>`/help`</c>) → the Slack command (<c>`/mfml help`</c>).
/// </summary>
public static partial class SlackText
{
    /// <summary>The one slash command (see docs/slack.md); every Core command is a word after it.</summary>
    public const string SlashCommand = "/mfml";

    /// <summary>Slack's limit for a section block's text.</summary>
    public const int MaxSectionLength = 3000;

    /// <summary>Slack's limit for blocks in one message.</summary>
    public const int MaxBlocks = 50;

    /// <summary>Top-level <c>text</c> (notification fallback) is cut here; the blocks carry the full text.</summary>
    public const int MaxFallbackLength = 3000;

    /// <summary>Slack date format for <c>&lt;t:…:f&gt;</c>: "Today 18:30" / "Nov 24, 2026 18:30" in the reader's zone.</summary>
    public const string DateTimeFormat = "{date_short_pretty} {time}";

    /// <summary>Slack date format for <c>&lt;t:…:R&gt;</c>: "in 2 days", "3 hours ago".</summary>
    public const string RelativeFormat = "{ago}";

    public const string Ellipsis = "…";

    private const char TokenStart = '\u0001';
    private const char TokenEnd = '\u0002';
    private const char BoldMark = '\u0003';

    /// <summary>The whole conversion. <paramref name="markdown"/> is Core text with time tokens.</summary>
    public static string ToMrkdwn(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var dates = new List<string>();
        // Our placeholder characters never come from Core; drop any so they cannot be mistaken for ours.
        var text = ControlMarks().Replace(markdown, "");
        // Time tokens become placeholders first, so escaping cannot touch them and they cannot be mistaken for markup.
        text = ChatTime.Replace(text, (instant, style) =>
        {
            dates.Add(DateToken(instant, style));
            return TokenStart + (dates.Count - 1).ToString(CultureInfo.InvariantCulture) + TokenEnd;
        });
        text = Escape(text);

        var result = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (Match code in CodeSpan().Matches(text))
        {
            result.Append(Emphasis(text[last..code.Index]));
            result.Append(CommandInCode(code.Value));
            last = code.Index + code.Length;
        }

        result.Append(Emphasis(text[last..]));
        var converted = Bullet().Replace(result.ToString(), "$1• ");
        return Placeholder().Replace(converted, m => dates[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]);
    }

    /// <summary><c>&lt;!date^UNIX^format|fallback&gt;</c>; the fallback (for clients that cannot format) is in UTC.</summary>
    public static string DateToken(DateTimeOffset instant, ChatTimeStyle style)
    {
        var fallback = instant.ToUniversalTime().ToString("ddd d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var format = style == ChatTimeStyle.Relative ? RelativeFormat : DateTimeFormat;
        return string.Create(CultureInfo.InvariantCulture, $"<!date^{instant.ToUnixTimeSeconds()}^{format}|{fallback}>");
    }

    /// <summary>Slack's three control characters; everything else (including our date tokens, added later) is literal.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Splits mrkdwn into pieces of at most <paramref name="maxLength"/> characters, preferring line breaks, then
    /// spaces; never inside a Slack token (<c>&lt;…&gt;</c>) or an escape (<c>&amp;amp;</c>).
    /// </summary>
    public static IReadOnlyList<string> Split(string mrkdwn, int maxLength = MaxSectionLength)
    {
        ArgumentNullException.ThrowIfNull(mrkdwn);
        var pieces = new List<string>();
        var rest = mrkdwn.Trim('\n');
        while (rest.Length > maxLength)
        {
            var cut = rest.LastIndexOf('\n', maxLength - 1);
            if (cut <= 0)
            {
                cut = rest.LastIndexOf(' ', maxLength - 1);
            }

            if (cut <= 0)
            {
                cut = maxLength;
            }

            cut = SafeCut(rest, cut);
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', ' ');
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    /// <summary>Plain notification text: the first piece, cut to <see cref="MaxFallbackLength"/>.</summary>
    public static string Fallback(string mrkdwn)
    {
        var pieces = Split(mrkdwn, MaxFallbackLength - Ellipsis.Length);
        return pieces.Count switch
        {
            0 => "",
            1 => pieces[0],
            _ => pieces[0] + Ellipsis,
        };
    }

    /// <summary>Moves a cut back to before an unfinished <c>&lt;…&gt;</c> token or <c>&amp;…;</c> escape.</summary>
    private static int SafeCut(string text, int cut)
    {
        var open = text.LastIndexOf('<', cut - 1);
        if (open >= 0 && text.IndexOf('>', open) is var close && close >= cut && open > 0)
        {
            cut = open;
        }

        var amp = text.LastIndexOf('&', cut - 1);
        if (amp >= 0 && cut - amp <= 5 && text.IndexOf(';', amp) >= cut && amp > 0)
        {
            cut = amp;
        }

        return cut;
    }

    private static string Emphasis(string text)
    {
        var bold = Bold().Replace(text, BoldMark + "$1" + BoldMark);
        var italic = Italic().Replace(bold, "_$1_");
        return italic.Replace(BoldMark, '*');
    }

    /// <summary><c>`/group setup`</c> → <c>`/mfml group setup`</c> when the word is a Core command.</summary>
    private static string CommandInCode(string code)
    {
        var match = CommandReference().Match(code);
        return match.Success && CommandCatalog.Find(match.Groups[1].Value) is not null
            ? "`" + SlashCommand + " " + code[2..]
            : code;
    }

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^`/([A-Za-z][\w-]*)")]
    private static partial Regex CommandReference();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")]
    private static partial Regex Italic();

    [GeneratedRegex(@"(?m)^(\s*)- ")]
    private static partial Regex Bullet();

    [GeneratedRegex("\u0001(\\d+)\u0002")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[\u0001\u0002\u0003]")]
    private static partial Regex ControlMarks();
}
