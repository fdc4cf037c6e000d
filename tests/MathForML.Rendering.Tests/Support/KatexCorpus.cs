using System.Text;

namespace MathForML.Rendering.Tests.Support;

/// <summary>KaTeX's screenshot formulas (MIT; see Corpus/README-katex.md for source and escaping).</summary>
internal static class KatexCorpus
{
    /// <summary>Cases that KaTeX's YAML marks for display mode.</summary>
    public static readonly HashSet<string> DisplayCases = ["Align", "ArrayMode", "CD", "DisplayMode", "Equation", "Gather", "Tag"];

    /// <summary>The comparison preamble defines \\blue; GroupMacros adds its own macros.</summary>
    public static IReadOnlyDictionary<string, string> Macros(string name)
    {
        var macros = new Dictionary<string, string> { ["\\blue"] = "\\textcolor{##6495ed}{#1}" };
        if (name == "GroupMacros")
        {
            macros["\\startExp"] = "e^\\bgroup";
            macros["\\endExp"] = "\\egroup";
        }

        return macros;
    }

    public static List<(string Name, string Tex)> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Corpus", "katex-ss-formulas.tsv");
        var rows = new List<(string, string)>();
        foreach (string line in File.ReadAllLines(path).Skip(1))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            rows.Add((line[..tab], Unescape(line[(tab + 1)..])));
        }

        return rows;
    }

    /// <summary>Backslash-escape TSV decoding, scanning left to right as the README specifies.</summary>
    public static string Unescape(string field)
    {
        var text = new StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 1 < field.Length)
            {
                char next = field[++i];
                text.Append(next switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => next });
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }
}
