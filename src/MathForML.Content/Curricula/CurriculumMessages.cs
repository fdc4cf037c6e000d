namespace MathForML.Content.Curricula;

/// <summary>Texts of curriculum-file errors.</summary>
public static class CurriculumMessages
{
    public const string BadIdFormat = "id '{0}' must be lowercase letters, digits and dashes (e.g. mml, esl, cs229)";
    public const string DuplicateIdFormat = "id '{0}' is already used by {1}";
    public const string DuplicateSectionFormat = "section {0} appears twice";
    public const string BadPagesFormat = "pages '{0}' must be a range like 17-40 with the first page not after the last";
    public const string PagesGoBackFormat = "pages of section {0} start before the previous section ends (sections may share a page, not go back)";
    public const string NoSections = "a curriculum needs at least one chapter with sections";
    public const string TooManySectionsFormat = "a curriculum has at most {0} sections";
}
