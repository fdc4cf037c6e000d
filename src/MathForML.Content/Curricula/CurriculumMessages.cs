using System.Globalization;

namespace MathForML.Content.Curricula;

/// <summary>Texts of curriculum-file errors.</summary>
public static class CurriculumMessages
{
    public const string NotYamlFormat = "is not valid YAML: {0}";
    public const string MissingKeyFormat = "'{0}' is required";
    public const string NotAMappingFormat = "'{0}' must be a mapping (key: value lines)";
    public const string NotAListFormat = "'{0}' must be a list";
    public const string UnknownKeyFormat = "'{0}' is not a curriculum key; known keys here: {1}";
    public const string BadIdFormat = "id '{0}' must be lowercase letters, digits and dashes (e.g. mml, esl, cs229)";
    public const string DuplicateIdFormat = "id '{0}' is already used by {1}";
    public const string DuplicateSectionFormat = "section {0} appears twice";
    public const string BadPagesFormat = "pages '{0}' must be a range like 17-40 with the first page not after the last";
    public const string PagesGoBackFormat = "pages of section {0} start before the previous section ends (sections may share a page, not go back)";
    public const string NoSections = "a curriculum needs at least one chapter with sections";
    public const string TooManySectionsFormat = "a curriculum has at most {0} sections";

    public static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
