using System.Text.RegularExpressions;
using MathForML.Core.Reading;
using System.Globalization;
using YamlDotNet.RepresentationModel;
using static MathForML.Content.ContentMessages;
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
        if (YamlFields.LoadRoot(yaml, file, errors) is not { } root)
        {
            return (null, errors);
        }

        var context = new YamlFields(file, "curriculum", errors);
        context.CheckKeys(root, BookKeys);
        var id = context.Required(root, "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            context.Error(root, "id", Format(BadIdFormat, id));
        }

        var title = context.Required(root, "title");
        var authors = context.Optional(root, "authors") ?? "";
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
                var (first, last) = Pages(context, section);
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
            : (new Book(id, title, authors, sections) { ShortTitle = context.Optional(root, "short") ?? id.ToUpperInvariant() }, errors);
    }

    private static (int? First, int? Last) Pages(YamlFields context, YamlMappingNode node)
    {
        var text = context.Optional(node, "pages");
        if (text is null)
        {
            return (null, null);
        }

        var match = PagesPattern().Match(text);
        if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var first
            && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var last && first <= last && first > 0)
        {
            return (first, last);
        }

        context.Error(node, "pages", Format(BadPagesFormat, text));
        return (null, null);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\s*(\d{1,5})\s*[-–]\s*(\d{1,5})\s*$")]
    private static partial Regex PagesPattern();
}
