namespace MathForML.Math;

/// <summary>Stable kebab-case reason codes carried by <see cref="Verdict.Reason"/> and key/instance failures.</summary>
public static class ReasonCodes
{
    // Correct
    public const string Correct = "correct";

    // Incorrect (a counted attempt)
    public const string Incorrect = "incorrect";
    public const string SignError = "sign-error";
    public const string OffByPowerOfTen = "off-by-power-of-ten";
    public const string Reciprocal = "reciprocal";
    public const string TooFewSignificantFigures = "too-few-significant-figures";
    public const string TooManySignificantFigures = "too-many-significant-figures";
    public const string TooFewDecimalPlaces = "too-few-decimal-places";
    public const string TooManyDecimalPlaces = "too-many-decimal-places";
    public const string FractionNotReduced = "fraction-not-reduced";
    public const string DegreesInsteadOfRadians = "degrees-instead-of-radians";
    public const string RadiansInsteadOfDegrees = "radians-instead-of-degrees";
    public const string TrigArgumentInDegrees = "trig-argument-in-degrees";
    public const string TrigArgumentInRadians = "trig-argument-in-radians";
    public const string ExactValueRequired = "exact-value-required";
    public const string WrongLength = "wrong-length";
    public const string WrongShape = "wrong-shape";
    public const string SomeEntriesIncorrect = "some-entries-incorrect";
    public const string WrongIntervalEnds = "wrong-interval-ends";

    // Invalid (never counted as an attempt)
    public const string EmptyInput = "empty-input";
    public const string InputTooLong = "input-too-long";
    public const string NestingTooDeep = "nesting-too-deep";
    public const string UnexpectedCharacter = "unexpected-character";
    public const string UnexpectedToken = "unexpected-token";
    public const string UnknownCommand = "unknown-command";
    public const string MissingCloseParen = "missing-close-paren";
    public const string MissingCloseBracket = "missing-close-bracket";
    public const string MissingCloseBrace = "missing-close-brace";
    public const string MissingCloseBar = "missing-close-bar";
    public const string UnmatchedClose = "unmatched-close";
    public const string MissingOperand = "missing-operand";
    public const string MissingOperator = "missing-operator";
    public const string UnknownFunction = "unknown-function";
    public const string UnknownVariable = "unknown-variable";
    public const string MissingFunctionArgument = "missing-function-argument";
    public const string WrongArgumentCount = "wrong-argument-count";
    public const string DivisionByZero = "division-by-zero";
    public const string NotARealNumber = "not-a-real-number";
    public const string OutOfDomain = "out-of-domain";
    public const string ExponentTooLarge = "exponent-too-large";
    public const string FactorialTooLarge = "factorial-too-large";
    public const string NumberTooLarge = "number-too-large";
    public const string ListTooLong = "list-too-long";
    public const string MatrixTooLarge = "matrix-too-large";
    public const string TooMuchWork = "too-much-work";
    public const string WrongKind = "wrong-kind";
    public const string NotANumber = "not-a-number";
    public const string DecimalNumberRequired = "decimal-number-required";
    public const string RaggedMatrix = "ragged-matrix";
    public const string MatrixNotSquare = "matrix-not-square";
    public const string MatrixPowerNotInteger = "matrix-power-not-integer";
    public const string SingularMatrix = "singular-matrix";
    public const string ThousandsSeparator = "thousands-separator";

    // Key, option and problem-definition failures (for problem-bank validation)
    public const string InvalidOption = "invalid-option";
    public const string InvalidParameter = "invalid-parameter";
    public const string InvalidConstraint = "invalid-constraint";
    public const string ConstraintsUnsatisfiable = "constraints-unsatisfiable";
    public const string NotABoolean = "not-a-boolean";
}
