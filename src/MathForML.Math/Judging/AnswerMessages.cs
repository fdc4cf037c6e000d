using System.Globalization;

namespace MathForML.Math;

/// <summary>
/// Every user-facing message of the math core. Templates take only facts about the member's own input
/// (positions, characters they typed, counts of their entries), never anything derived from the expected answer.
/// </summary>
public static class AnswerMessages
{
    /// <summary>
    /// Position convention: zero-based UTF-16 index into the raw input. For an unexpected character or token it is
    /// that character's index; when something is missing at the end (a closing bracket, an operand) it is the index
    /// of the last non-space character, the place after which the missing piece belongs: <c>1/(2+3</c> → 5.
    /// </summary>
    public const string PositionConvention = "zero-based index into the input; for something missing at the end, the index of the last character";

    public const string Correct = "Correct.";
    public const string Incorrect = "Not correct. Check your work and try again.";
    public const string SignError = "Not correct, but close: check the sign.";
    public const string OffByPowerOfTen = "Not correct: the digits look right, but the size is off by a power of ten. Check decimal places and units.";
    public const string Reciprocal = "Not correct: you may have flipped a fraction (this looks like the reciprocal).";
    public const string TooFewSignificantFigures = "The value rounds correctly, but give it to {0} significant figures; you gave {1}.";
    public const string TooManySignificantFigures = "The value is right, but give it to {0} significant figures; you gave {1}.";
    public const string TooFewDecimalPlaces = "The value rounds correctly, but give it to {0} decimal places; you gave {1}.";
    public const string TooManyDecimalPlaces = "The value is right, but give it to {0} decimal places; you gave {1}.";
    public const string FractionNotReduced = "The value is right, but reduce the fraction {0} to lowest terms.";
    public const string DegreesInsteadOfRadians = "Not correct: this looks like an angle in degrees; the answer should be in radians.";
    public const string RadiansInsteadOfDegrees = "Not correct: this looks like an angle in radians; the answer should be in degrees.";
    public const string TrigArgumentInDegrees = "Not correct: trig functions here take radians, and your expression seems to use degrees.";
    public const string TrigArgumentInRadians = "Not correct: trig functions here take degrees, and your expression seems to use radians.";
    public const string ExactValueRequired = "Your decimal is close, but this problem asks for an exact value (a fraction, a root or π).";
    public const string WrongLength = "Not correct: your answer has {0} entries, and that is not how many the answer has.";
    public const string WrongShape = "Not correct: your matrix is {0}×{1}, and that is not the size of the answer.";
    public const string SomeEntriesIncorrect = "Partly correct: {0} of your {1} entries are right.";
    public const string WrongIntervalEnds = "The endpoints are right, but check which ends are open '(' and which are closed '['.";
    public const string SlipInEntries = " (In the wrong entries: {0})";

    public const string EmptyInput = "Your answer is empty. Type a number or an expression.";
    public const string InputTooLong = "Your answer is too long ({0} characters; the limit is {1}).";
    public const string NestingTooDeep = "Your answer is nested too deeply at position {0} (the limit is {1} levels).";
    public const string UnexpectedCharacter = "I can't read the character '{0}' at position {1}.";
    public const string UnexpectedToken = "I didn't expect '{0}' at position {1}.";
    public const string UnknownCommand = "I don't know the LaTeX command '{0}' at position {1}.";
    public const string MissingClose = "Missing '{0}' at position {1} to close the '{2}' at position {3}.";
    public const string UnmatchedClose = "The '{0}' at position {1} closes nothing.";
    public const string MissingOperand = "Something is missing after '{0}' at position {1}.";
    public const string MissingOperandAtStart = "Something is missing before '{0}' at position {1}.";
    public const string MissingOperator = "Two numbers are next to each other at position {0}; put an operator (like * or +) between them.";
    public const string UnknownFunction = "I don't know the function '{0}' at position {1}.";
    public const string UnknownVariable = "'{0}' at position {1} isn't a number or a variable this problem uses.";
    public const string MissingFunctionArgument = "The function '{0}' at position {1} needs an argument, like {0}(2).";
    public const string WrongArgumentCount = "The function '{0}' at position {1} takes {2} argument(s).";
    public const string DivisionByZero = "Your expression divides by zero at position {0}.";
    public const string NotARealNumber = "Your expression is not a real number (at position {0}).";
    public const string OutOfDomain = "'{0}' at position {1} is used outside where it is defined.";
    public const string ExponentTooLarge = "The exponent at position {0} is too large to work with (the limit is {1}).";
    public const string FactorialTooLarge = "The factorial at position {0} is too large (the limit is {1}!).";
    public const string NumberTooLarge = "A number in your expression (at position {0}) is too large to work with.";
    public const string ListTooLong = "Your list has too many entries (the limit is {0}).";
    public const string MatrixTooLarge = "Your matrix is too large (the limit is {0} rows and {0} columns).";
    public const string TooMuchWork = "Your expression takes too much work to evaluate.";
    public const string ThousandsSeparator = "Write numbers without thousands separators: the comma at position {0} splits your number into a list.";
    public const string RaggedMatrix = "The rows of your matrix have different lengths (see position {0}).";
    public const string NotANumber = "Your expression has no numeric value (at position {0}).";
    public const string MatrixNotSquare = "Only a square matrix can be raised to a power (see the '^' at position {0}).";
    public const string MatrixPowerNotInteger = "A matrix can only be raised to a whole-number power (see the '^' at position {0}).";
    public const string SingularMatrixPower = "The matrix before the '^' at position {0} has no inverse (its determinant is 0), so it has no negative powers.";
    public const string ComplexEigenvalues = "The matrix at position {0} has complex eigenvalues; only real eigenvalues can be used here.";
    public const string WrongKindNumber = "This problem expects a single number.";
    public const string WrongKindList = "This problem expects a list, vector or matrix, like [1, 2].";
    public const string WrongKindSet = "This problem expects a set, like {1, 2}.";
    public const string WrongKindInterval = "This problem expects an interval, like (0, 1].";
    public const string WrongKindFunction = "This problem expects an expression in its variables.";
    public const string DecimalNumberRequired = "This problem asks for a decimal number (like 0.250 or 2.5e-3), not an expression.";
    public const string AmbiguousNote = " Note: {0}";
    public const string ImplicitProductAfterDivision = "'{0}' was read as {1}: a product written without '*' binds tighter than '/'. Add parentheses if you meant something else.";
    public const string MixedNumberReading = "'{0}' was read as the mixed number {1}.";
    public const string ExponentThenProduct = "'{0}' was read as {1}: only what follows '^' directly is the exponent. Write ^(...) for a longer exponent.";
    public const string FunctionWithoutParentheses = "'{0}' was read as {1}: a function without parentheses applies only to what follows it directly.";

    // Key and problem-definition messages (for teachers and the problem-bank validator).
    public const string OptionMissing = "Comparison mode '{0}' needs the option '{1}'.";
    public const string OptionOutOfRange = "The option '{0}' is out of range.";
    public const string DuplicateParameter = "The parameter '{0}' is declared twice.";
    public const string ParameterNameInvalid = "The parameter name '{0}' is not a plain identifier or clashes with a function or constant.";
    public const string ParameterRangeInvalid = "The parameter '{0}' has an empty or invalid range.";
    public const string TooManyParameters = "A problem may declare at most {0} parameters.";
    public const string ConstraintNotBoolean = "The constraint '{0}' does not evaluate to true or false.";
    public const string ConstraintsUnsatisfiable = "No draw satisfied the constraints after {0} attempts.";
    public const string InParameter = "In parameter '{0}': {1}";
    public const string InConstraint = "In constraint '{0}': {1}";
    public const string InAnswer = "In the answer expression: {0}";
    public const string IntervalAnswerRequired = "The option 'expectInterval' needs an interval answer, like [0, 1], (0, 1] or DNE.";

    internal static string Format(string template, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, template, arguments);
}
