namespace MathForML.Rendering;

/// <summary>Every user-facing renderer message. Placeholders: {0} command or detail, {1} limit/extra.</summary>
public static class RenderMessages
{
    public const string EmptyInput = "There is no formula to render.";
    public const string InputTooLong = "The formula is longer than {0} characters.";
    public const string UnknownCommand = "Unknown command {0}.";
    public const string UnknownEnvironment = "Unknown environment '{0}'.";
    public const string MismatchedEnvironment = "\\begin{{{0}}} is closed by \\end{{{1}}}.";
    public const string UnclosedEnvironment = "\\begin{{{0}}} has no matching \\end{{{0}}}.";
    public const string MissingArgument = "{0} is missing an argument.";
    public const string MissingOpenBrace = "{0} expects an argument in braces.";
    public const string UnbalancedCloseBrace = "Unexpected '}}' with no matching '{{'.";
    public const string UnclosedGroup = "A '{{' is never closed.";
    public const string MissingRight = "\\left has no matching \\right.";
    public const string UnexpectedRight = "{0} without a matching \\left.";
    public const string MissingDelimiter = "{0} must be followed by a delimiter.";
    public const string InvalidDelimiter = "'{0}' cannot be used as a delimiter.";
    public const string DoubleSuperscript = "Double superscript: use braces, e.g. {{x^a}}^b.";
    public const string DoubleSubscript = "Double subscript: use braces, e.g. {{x_a}}_b.";
    public const string MisplacedAlignment = "'&' is only allowed inside an environment such as aligned or matrix.";
    public const string UnexpectedCharacter = "Unexpected character '{0}'.";
    public const string NestingTooDeep = "The formula nests deeper than {0} levels.";
    public const string MacroExpansionLimit = "Macro expansion exceeded {0} steps (is {1} defined in terms of itself?).";
    public const string InvalidMacroDefinition = "Invalid macro definition for {0}.";
    public const string InvalidColor = "'{0}' is not a known colour or #RRGGBB value.";
    public const string InvalidDimension = "'{0}' is not a valid length (expected e.g. 2pt, 1em, 3mu).";
    public const string LimitsMisplaced = "{0} is allowed only after an operator.";
    public const string TooManyColumns = "Row has more columns than the column specification of {0}.";
    public const string OutputTooLarge = "The rendered image would be {0}x{1} pixels, more than allowed.";
    public const string InvalidOptions = "Invalid render options: {0}.";
    public const string UnclosedMath = "Math started with {0} is never closed.";
    public const string UnterminatedVerb = "\\verb needs its text between two copies of one character on one line, e.g. \\verb|x+y|.";
    public const string InvalidCdArrow = "'@{0}' is not a CD arrow (use @>>>, @<<<, @VVV, @AAA, @=, @| or @.).";
    public const string UnclosedCdLabel = "The label of CD arrow '@{0}' is not closed by another '{0}'.";
    public const string CdArrowRowContent = "A CD row with vertical arrows may hold only arrows, but '{0}' was found.";
    public const string UnsupportedInText = "{0} is not supported inside text.";
}

/// <summary>Stable error codes, one per kind of failure.</summary>
public static class RenderErrorCodes
{
    public const string EmptyInput = "empty-input";
    public const string InputTooLong = "input-too-long";
    public const string UnknownCommand = "unknown-command";
    public const string UnknownEnvironment = "unknown-environment";
    public const string EnvironmentMismatch = "environment-mismatch";
    public const string MissingArgument = "missing-argument";
    public const string UnbalancedBraces = "unbalanced-braces";
    public const string Delimiter = "delimiter";
    public const string Script = "script";
    public const string Alignment = "alignment";
    public const string UnexpectedCharacter = "unexpected-character";
    public const string NestingTooDeep = "nesting-too-deep";
    public const string MacroExpansionLimit = "macro-expansion-limit";
    public const string InvalidMacro = "invalid-macro";
    public const string InvalidColor = "invalid-color";
    public const string InvalidDimension = "invalid-dimension";
    public const string OutputTooLarge = "output-too-large";
    public const string InvalidOptions = "invalid-options";
}
