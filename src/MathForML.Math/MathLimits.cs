namespace MathForML.Math;

/// <summary>
/// Every bound the math core enforces. Hitting one gives an <see cref="Outcome.Invalid"/> verdict (or a
/// failed key / instance) with a clear reason, never an exception, a hang or a huge allocation.
/// </summary>
public static class MathLimits
{
    /// <summary>Longest accepted answer or expression, in UTF-16 characters. Checked before any work.</summary>
    public const int MaxInputLength = 1000;

    /// <summary>Deepest nesting of brackets, function calls, powers and unary signs.</summary>
    public const int MaxNestingDepth = 40;

    /// <summary>Largest |n| in an exact power <c>b^n</c> (for |b| ≠ 0, 1).</summary>
    public const int MaxExponent = 10_000;

    /// <summary>Largest |n| in a decimal exponent written as <c>1e-n</c>.</summary>
    public const int MaxDecimalExponent = 400;

    /// <summary>Largest n accepted in <c>n!</c> (170! is the last factorial a double can hold).</summary>
    public const int MaxFactorialArgument = 170;

    /// <summary>Largest numerator or denominator, in bits, of any exact intermediate value.</summary>
    public const int MaxIntegerBits = 4096;

    /// <summary>Largest number of rows or columns of a matrix, and of entries in a vector row.</summary>
    public const int MaxMatrixDimension = 12;

    /// <summary>Largest square matrix handled by exact rational elimination (det, inv, solve); larger ones use doubles.</summary>
    public const int MaxExactMatrixDimension = 6;

    /// <summary>Largest number of entries in a list, set or vector.</summary>
    public const int MaxListLength = 100;

    /// <summary>Evaluation work budget (nodes visited plus the cost of big operations) per evaluation.</summary>
    public const int MaxEvaluationWork = 20_000;

    /// <summary>Most distinct terms (like 1 + √2 + π) an exact value may hold before falling back to floats.</summary>
    public const int MaxExactTerms = 8;

    /// <summary>Largest |k| of π^k kept exact before falling back to floats.</summary>
    public const int MaxExactPiPower = 8;

    /// <summary>Largest trial divisor used to pull square factors out of a radicand of up to 64 bits; past it, √ falls back to floats.</summary>
    public const int MaxSquareFactorTrialDivisor = 1 << 16;

    /// <summary>Largest trial divisor for radicands over 64 bits, where each division costs more.</summary>
    public const int MaxSquareFactorTrialDivisorLarge = 1 << 10;

    /// <summary>Points at which expressions in declared variables are compared.</summary>
    public const int VariableSamplePoints = 6;

    /// <summary>Default and upper bound for redraws when a parameterized problem's constraints reject a draw.</summary>
    public const int DefaultMaxRedraws = 200;

    /// <summary>Hard cap on <see cref="Problems.ProblemDefinition.MaxRedraws"/>.</summary>
    public const int MaxRedrawsCap = 10_000;

    /// <summary>Most parameters a parameterized problem may declare.</summary>
    public const int MaxParameters = 32;

    /// <summary>Most values an integer range parameter may span (after the step).</summary>
    public const long MaxRangeValues = 1_000_000_000;

    /// <summary>Largest |Min| or |Max| of a range parameter.</summary>
    public const long MaxParameterMagnitude = 1_000_000_000_000_000;

    /// <summary>Most decimals of a real range parameter.</summary>
    public const int MaxParameterDecimals = 9;
}
