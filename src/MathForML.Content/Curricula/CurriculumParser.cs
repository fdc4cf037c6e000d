using System.Text.RegularExpressions;
using MathForML.Core.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static MathForML.Content.Curricula.CurriculumMessages;

namespace MathForML.Content.Curricula;

/// <summary>
/// Reads one curriculum file (format: config/curricula/README.md). Every problem found is reported
/// with its line; a file with any error yields no book, so a half-read book never reaches a group.
/// </summary>
public static partial class CurriculumParser
{
    public const int MaxSections = 2000;
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly string[] BookKeys = ["id", "title", "short", "authors", "edition", "url", "chapters"];
    private static readonly string[] ChapterKeys = ["number", "title", "sections"];
    private static readonly string[] SectionKeys = ["number", "title", "pages", "topics"];

    public static (Book? Book, IReadOnlyList<ContentError> Errors) Parse(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<ContentError>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return (null, [new ContentError(file, 1, Format(NotAMappingFormat, "the file"))]);
            }

            root = mapping;
        }
        catch (YamlException exception)
        {
            return (null, [new ContentError(file, (int)exception.Start.Line, Format(NotYamlFormat, exception.InnerException?.Message ?? exception.Message))]);
        }

        var context = new Reader(file, errors);
        context.CheckKeys(root, BookKeys);
        var id = context.Required(root, "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Error(root, "id", Format(BadIdFormat, id));
        }

        var title = context.Required(root, "title");
        var authors = Reader.Optional(root, "authors") ?? "";
        var sections = new List<BookSection>();
        foreach (var chapter in context.List(root, "chapters", required: true))
        {
            context.CheckKeys(chapter, ChapterKeys);
            var chapterNumber = context.Required(chapter, "number") ?? "?";
            context.Required(chapter, "title");
            foreach (var section in context.List(chapter, "sections", required: true))
            {
                context.CheckKeys(section, SectionKeys);
                var number = context.Required(section, "number");
                var sectionTitle = context.Required(section, "title");
                var (first, last) = context.Pages(section);
                if (number is null || sectionTitle is null)
                {
                    continue;
                }

                if (sections.Any(s => string.Equals(s.Number, number, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Error(section, "number", Format(DuplicateSectionFormat, number));
                }
                else if (first is not null && sections.LastOrDefault(s => s.FirstPage is not null) is { } previous && first < previous.LastPage)
                {
                    context.Error(section, "pages", Format(PagesGoBackFormat, number));
                }

                sections.Add(new BookSection(number, sectionTitle, chapterNumber, first, last) { Topics = context.Strings(section, "topics") });
            }
        }

        if (sections.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ContentError(file, (int)root.Start.Line, NoSections));
        }

        if (sections.Count > MaxSections)
        {
            errors.Add(new ContentError(file, (int)root.Start.Line, Format(TooManySectionsFormat, MaxSections)));
        }

        return errors.Count > 0 || id is null || title is null
            ? (null, errors)
            : (new Book(id, title, authors, sections) { ShortTitle = Reader.Optional(root, "short") ?? id.ToUpperInvariant() }, errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\s*(\d{1,5})\s*[-–]\s*(\d{1,5})\s*$")]
    private static partial Regex PagesPattern();

    /// <summary>Navigation helpers that record errors with the line of the offending node.</summary>
    private sealed class Reader(string file, List<ContentError> errors)
    {
        public void Error(YamlNode node, string key, string message)
        {
            var at = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : node;
            errors.Add(new ContentError(file, (int)at.Start.Line, message));
        }

        public void CheckKeys(YamlMappingNode node, string[] allowed)
        {
            foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
            {
                if (!allowed.Contains(key.Value, StringComparer.Ordinal))
                {
                    errors.Add(new ContentError(file, (int)key.Start.Line, Format(UnknownKeyFormat, key.Value ?? "", string.Join(", ", allowed))));
                }
            }
        }

        public string? Required(YamlMappingNode node, string key)
        {
            var value = Optional(node, key);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new ContentError(file, (int)node.Start.Line, Format(MissingKeyFormat, key)));
                return null;
            }

            return value;
        }

        public static string? Optional(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value?.Trim() : null;

        public List<YamlMappingNode> List(YamlMappingNode node, string key, bool required)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                if (required)
                {
                    errors.Add(new ContentError(file, (int)node.Start.Line, Format(MissingKeyFormat, key)));
                }

                return [];
            }

            if (value is not YamlSequenceNode sequence)
            {
                errors.Add(new ContentError(file, (int)value.Start.Line, Format(NotAListFormat, key)));
                return [];
            }

            var items = new List<YamlMappingNode>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlMappingNode map)
                {
                    items.Add(map);
                }
                else
                {
                    errors.Add(new ContentError(file, (int)item.Start.Line, Format(NotAMappingFormat, key + " entry")));
                }
            }

            return items;
        }

        public IReadOnlyList<string> Strings(YamlMappingNode node, string key)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return [];
            }

            if (value is YamlSequenceNode sequence)
            {
                return [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0)];
            }

            errors.Add(new ContentError(file, (int)value.Start.Line, Format(NotAListFormat, key)));
            return [];
        }

        public (int? First, int? Last) Pages(YamlMappingNode node)
        {
            var text = Optional(node, "pages");
            if (text is null)
            {
                return (null, null);
            }

            var match = PagesPattern().Match(text);
            if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var first
                && int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) is var last && first <= last && first > 0)
            {
                return (first, last);
            }

            Error(node, "pages", Format(BadPagesFormat, text));
            return (null, null);
        }
    }
}
