using System.Globalization;

namespace MathForML.Content;

/// <summary>Texts of errors common to every content file (curricula, topics, problems).</summary>
public static class ContentMessages
{
    public const string NotYamlFormat = "is not valid YAML: {0}";
    public const string MissingKeyFormat = "'{0}' is required";
    public const string NotAMappingFormat = "'{0}' must be a mapping (key: value lines)";
    public const string NotAListFormat = "'{0}' must be a list";
    public const string NotAScalarFormat = "'{0}' must be a single value, not a list or mapping";
    public const string UnknownKeyFormat = "'{0}' is not a {1} key; known keys here: {2}";
    public const string NotANumberFormat = "'{0}' must be a number (was '{1}')";
    public const string NotAChoiceFormat = "'{0}' must be one of {1} (was '{2}')";
    public const string TooLargeFormat = "is larger than {0} KiB";
    public const string DuplicateTagFormat = "topic '{0}' is listed twice (already under {1})";
    public const string MissingFile = "the file does not exist";
    public const string DidYouMeanFormat = " (did you mean '{0}'?)";

    public static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
