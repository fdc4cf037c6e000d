using System.Text.RegularExpressions;
using MathForML.Core.Reading;
using YamlDotNet.RepresentationModel;
using static MathForML.Content.ContentMessages;
using static MathForML.Content.Problems.ProblemMessages;

namespace MathForML.Content.Problems;

/// <summary>What a bank folder holds: the problems that parsed, its macros, and every error with file and line.</summary>
public sealed record LoadedBank(IReadOnlyList<ParsedProblem> Problems, IReadOnlyDictionary<string, string> Macros, IReadOnlyList<ContentError> Errors);

/// <summary>
/// Reads a problem bank folder: every *.yml below it is one problem, except <see cref="MacrosFileName"/> at
/// its root (LaTeX macros for the whole bank). Files are read in path order so ids clash the same way each time.
/// </summary>
public static partial class ProblemBankLoader
{
    public const string MacrosFileName = "macros.yml";
    public const int MaxProblems = 5000;

    /// <summary>Loads the bank in <paramref name="directory"/>; macros come from its macros.yml, or from the nearest folder above that has one (so one area folder can be checked alone).</summary>
    public static LoadedBank Load(string directory, TopicVocabulary topics, IBookCatalog books)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var errors = new List<ContentError>();
        var problems = new List<ParsedProblem>();
        if (!Directory.Exists(directory))
        {
            return new LoadedBank(problems, new Dictionary<string, string>(), [new ContentError(directory, 1, MissingFile)]);
        }

        var macros = LoadMacros(Path.Combine(FolderWithMacros(directory) ?? directory, MacrosFileName), errors);
        var files = Directory.EnumerateFiles(directory, "*.yml", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFullPath(f), Path.GetFullPath(Path.Combine(directory, MacrosFileName)), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(MaxProblems);
        foreach (var path in files)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            if (new FileInfo(path).Length > ProblemParser.MaxFileBytes)
            {
                errors.Add(new ContentError(display, 1, Format(TooLargeFormat, ProblemParser.MaxFileBytes / 1024)));
                continue;
            }

            var (parsed, fileErrors) = ProblemParser.Parse(File.ReadAllText(path), display, topics, books);
            errors.AddRange(fileErrors);
            if (parsed is null)
            {
                continue;
            }

            if (problems.FirstOrDefault(p => p.Problem.Id == parsed.Problem.Id) is { } clash)
            {
                errors.Add(new ContentError(display, parsed.LineOf("id"), Format(DuplicateIdFormat, parsed.Problem.Id, clash.Problem.Source)));
                continue;
            }

            problems.Add(parsed);
        }

        return new LoadedBank(problems, macros, errors);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> (a folder or a file) holding the bank's macros.yml.</summary>
    public static string? FolderWithMacros(string start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var full = Path.GetFullPath(start);
        for (var directory = Directory.Exists(full) ? full : Path.GetDirectoryName(full); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, MacrosFileName)))
            {
                return directory;
            }
        }

        return null;
    }

    private static Dictionary<string, string> LoadMacros(string path, List<ContentError> errors)
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return macros;
        }

        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        if (YamlFields.LoadRoot(File.ReadAllText(path), display, errors) is not { } root)
        {
            return macros;
        }

        foreach (var (key, value) in root.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!MacroName().IsMatch(name) || value is not YamlScalarNode { Value: { } body })
            {
                errors.Add(new ContentError(display, YamlFields.LineOf(key), Format(MacroFormat, name)));
                continue;
            }

            macros[name] = body;
        }

        return macros;
    }

    [GeneratedRegex(@"^\\[A-Za-z]{1,32}$")]
    private static partial Regex MacroName();
}
