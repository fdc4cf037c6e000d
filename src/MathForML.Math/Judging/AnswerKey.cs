using System.Collections.Frozen;
using MathForML.Math.Evaluation;
using MathForML.Math.Judging;
using MathForML.Math.Numbers;
using MathForML.Math.Syntax;

namespace MathForML.Math;

/// <summary>The outcome of building an <see cref="AnswerKey"/>: the key, or why the expected answer or options are unusable.</summary>
public sealed record KeyResult
{
    public AnswerKey? Key { get; init; }

    /// <summary>A <see cref="ReasonCodes"/> code when the key could not be built.</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>Zero-based index into the expected-answer text where it broke.</summary>
    public int? Position { get; init; }

    public bool IsSuccess => Key is not null;

    internal static KeyResult Failure(string reason, string message, int? position = null) =>
        new() { Reason = reason, Message = message, Position = position };
}

/// <summary>
/// A teacher's expected answer, parsed and evaluated once, with its options. Immutable and safe to share across threads.
/// With declared <see cref="AnswerOptions.Variables"/>, it holds the expected values at fixed sample points.
/// </summary>
public sealed class AnswerKey
{
    private AnswerKey(string expectedAnswer, AnswerOptions options, MathValue? expected, IReadOnlyList<VariableSample> samples, bool hasDecimals)
    {
        ExpectedAnswer = expectedAnswer;
        Options = options;
        Expected = expected;
        Samples = samples;
        ExpectedHasDecimals = hasDecimals;
        VariableNames = options.Variables.ToFrozenSet(StringComparer.Ordinal);
        Settings = new EvaluationSettings(options.AngleUnit);
    }

    /// <summary>The expected answer as the teacher wrote it: for the reveal only, never for verdicts.</summary>
    public string ExpectedAnswer { get; }

    public AnswerOptions Options { get; }

    internal MathValue? Expected { get; }

    internal IReadOnlyList<VariableSample> Samples { get; }

    internal bool ExpectedHasDecimals { get; }

    internal IReadOnlySet<string> VariableNames { get; }

    internal EvaluationSettings Settings { get; }

    internal bool HasVariables => Samples.Count > 0;

    /// <summary>Builds a key from an expected answer in the answer language (e.g. "1/4", "[1, -2]", "{2, 3}", "(0, 1]", "DNE").</summary>
    public static KeyResult Create(string expected, AnswerOptions? options = null)
    {
        options ??= AnswerOptions.Default;
        if (OptionsValidator.Validate(options) is { } optionError)
        {
            return optionError;
        }

        expected ??= string.Empty;
        var variables = options.Variables.ToFrozenSet(StringComparer.Ordinal);
        var parsed = Parser.Parse(expected, variables, constraintMode: false, out var error);
        if (parsed is null)
        {
            return KeyResult.Failure(error!.Reason, AnswerMessages.Format(AnswerMessages.InAnswer, error.Message), error.Position);
        }

        if (variables.Count == 0)
        {
            var value = Evaluator.Evaluate(parsed.Root, new EvaluationSettings(options.AngleUnit), out error);
            if (value is null)
            {
                return KeyResult.Failure(error!.Reason, AnswerMessages.Format(AnswerMessages.InAnswer, error.Message), error.Position);
            }

            return ExpectedInterval.Apply(value, options) is { } keyValue
                ? new KeyResult { Key = new AnswerKey(expected, options, keyValue, [], parsed.HasDecimalLiteral) }
                : ExpectedInterval.Failure();
        }

        var samples = new List<VariableSample>();
        MathError? firstError = null;
        foreach (var environment in VariableSample.Environments(options.Variables))
        {
            var value = Evaluator.Evaluate(parsed.Root, new EvaluationSettings(options.AngleUnit, environment), out error);
            if (value is null)
            {
                firstError ??= error;
                continue;
            }

            if (ExpectedInterval.Apply(value, options) is not { } sampleValue)
            {
                return ExpectedInterval.Failure();
            }

            samples.Add(new VariableSample(environment, sampleValue));
        }

        if (samples.Count < VariableSample.MinimumUsable)
        {
            var reason = firstError ?? new MathError(ReasonCodes.OutOfDomain, AnswerMessages.Incorrect, null);
            return KeyResult.Failure(reason.Reason, AnswerMessages.Format(AnswerMessages.InAnswer, reason.Message), reason.Position);
        }

        return new KeyResult { Key = new AnswerKey(expected, options, null, samples, parsed.HasDecimalLiteral) };
    }

    /// <summary>A key for a value computed elsewhere (a parameterized problem's answer); null when it is not the kind the options expect.</summary>
    internal static AnswerKey? FromValue(string expectedAnswer, MathValue value, AnswerOptions options) =>
        ExpectedInterval.Apply(value, options) is { } keyValue
            ? new(expectedAnswer, options, keyValue, [], hasDecimals: keyValue is Scalar { IsExact: false })
            : null;
}

/// <summary>One sample point for comparing expressions in variables, with the expected value there.</summary>
internal sealed record VariableSample(IReadOnlyDictionary<string, MathValue> Environment, MathValue Expected)
{
    public const int MinimumUsable = 3;

    /// <summary>
    /// Fixed rational points (11 + 6j + 5i)/7 for variable i at point j: positive, distinct per variable,
    /// away from integers and simple multiples of π, and exact so rational functions compare exactly.
    /// </summary>
    public static IEnumerable<Dictionary<string, MathValue>> Environments(IReadOnlyList<string> variables)
    {
        for (var j = 0; j < MathLimits.VariableSamplePoints; j++)
        {
            var environment = new Dictionary<string, MathValue>(StringComparer.Ordinal);
            for (var i = 0; i < variables.Count; i++)
            {
                environment[variables[i]] = Scalar.FromRational(BigRational.Create(11 + (6 * j) + (5 * i), 7));
            }

            yield return environment;
        }
    }
}
