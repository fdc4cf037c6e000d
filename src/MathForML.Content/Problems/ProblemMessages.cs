namespace MathForML.Content.Problems;

/// <summary>Texts of problem-bank errors (each is prefixed with file and line when reported).</summary>
public static class ProblemMessages
{
    public const string BadIdFormat = "id '{0}' must be 3-64 lowercase letters, digits and dashes, starting with a letter or digit";
    public const string FileNameMismatchFormat = "the file must be named after the id: '{0}.yml' (is '{1}')";
    public const string DuplicateIdFormat = "id '{0}' is already used by {1}";
    public const string UnknownTopicFormat = "topic '{0}' is not in config/topics.yml{1}";
    public const string NoTopics = "'topics' needs at least one tag from config/topics.yml";
    public const string NoSections = "'sections' needs at least one curriculum section, e.g. mml:4.1";
    public const string BadSectionFormat = "section '{0}' must be book:section, e.g. mml:4.1";
    public const string UnknownBookFormat = "section '{0}': there is no book '{1}' in the curricula{2}";
    public const string UnknownSectionFormat = "section '{0}': {1} has no section {2}";
    public const string TooLongFormat = "'{0}' is {1:N0} characters; the limit is {2:N0}";
    public const string TooManyFormat = "'{0}' has {1} entries; the limit is {2}";
    public const string HintIsMapping = "this hint reads as a mapping because it contains ': '; put the text in quotes, or write it as a block after '- |'";
    public const string NoHints = "'hints' needs at least one hint";
    public const string BadDurationFormat = "'after' must be a duration like 30m, 6h or 1d between 1 minute and 7 days (was '{0}')";
    public const string AnswerFormat = "answer: {0}";
    public const string VerifyFormat = "verify: {0}";
    public const string AtPositionFormat = "{0} (at position {1})";
    public const string BadParameterKindFormat = "parameter '{0}': kind must be integer, real or choice (was '{1}')";
    public const string UnknownSlotFormat = "{0} uses {{{{{1}}}}}, which is not a parameter";
    public const string StatementHasHeadingFormat = "the statement contains '{0}': hints and solutions belong in 'hints' and 'solution', not the statement";
    public const string StatementContainsHintFormat = "the statement contains the text of hint {0}";
    public const string StatementContainsSolution = "the statement contains part of the solution";
    public const string RenderFailedFormat = "{0} does not render: {1}";
    public const string InstanceFailedFormat = "seed {0}: no valid draw of the parameters: {1}";
    public const string VerifyRejectedFormat = "seed {0}: the verify computation gives {1}, which the answer key {2} does not accept ({3})";
    public const string VerifyFailedFormat = "seed {0}: the verify computation has no value: {1}";
    public const string ParametersDifferFormat = "seed {0}: answer and verify drew different parameters (a bug in the checker, not the file)";
    public const string KeyAcceptsWrongFormat = "seed {0}: the answer key also accepts clearly wrong values; tighten 'options' (tolerance, mode)";
    public const string MacroFormat = "macro '{0}' must be a backslash and letters, e.g. \\R";
}
