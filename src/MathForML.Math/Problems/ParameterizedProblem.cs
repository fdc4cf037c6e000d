using System.Collections.Frozen;
using MathForML.Math.Evaluation;
using MathForML.Math.Judging;
using MathForML.Math.Numbers;
using MathForML.Math.Syntax;

namespace MathForML.Math.Problems;

/// <summary>
/// A validated parameterized problem. <see cref="Instantiate"/> draws parameters from a seed with a fixed
/// generator, redraws (up to <see cref="ProblemDefinition.MaxRedraws"/>) while a constraint is false or the
/// answer is undefined, and returns the formatted parameters with an <see cref="AnswerKey"/> for the answer.
/// Immutable and thread-safe; the same seed always gives the same instance.
/// </summary>
public sealed class ParameterizedProblem
{
    private readonly ProblemDefinition _definition;
    private readonly IReadOnlyList<ParameterSampler> _samplers;
    private readonly IReadOnlyList<Node> _constraints;
    private readonly Node _answer;

    private ParameterizedProblem(ProblemDefinition definition, IReadOnlyList<ParameterSampler> samplers, IReadOnlyList<Node> constraints, Node answer)
    {
        _definition = definition;
        _samplers = samplers;
        _constraints = constraints;
        _answer = answer;
    }

    public ProblemDefinition Definition => _definition;

    /// <summary>Validates a definition: names, ranges, choices, constraints and the answer expression.</summary>
    public static ProblemResult Create(ProblemDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Options is null)
        {
            // A loader that reads "options: null" means the defaults.
            definition = definition with { Options = AnswerOptions.Default };
        }

        if (OptionsValidator.Validate(definition.Options) is { } optionError)
        {
            return Failure(optionError.Reason!, optionError.Message!, optionError.Position);
        }

        if (definition.MaxRedraws is < 1 or > MathLimits.MaxRedrawsCap)
        {
            return Failure(ReasonCodes.InvalidOption, AnswerMessages.Format(AnswerMessages.OptionOutOfRange, "maxRedraws"));
        }

        var parameters = definition.Parameters ?? [];
        if (parameters.Count > MathLimits.MaxParameters)
        {
            return Failure(ReasonCodes.InvalidParameter, AnswerMessages.Format(AnswerMessages.TooManyParameters, MathLimits.MaxParameters));
        }

        var samplers = new List<ParameterSampler>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (!OptionsValidator.IsPlainIdentifier(parameter.Name))
            {
                return Failure(ReasonCodes.InvalidParameter, AnswerMessages.Format(AnswerMessages.ParameterNameInvalid, parameter.Name));
            }

            if (!names.Add(parameter.Name) || definition.Options.Variables.Contains(parameter.Name, StringComparer.Ordinal))
            {
                return Failure(ReasonCodes.InvalidParameter, AnswerMessages.Format(AnswerMessages.DuplicateParameter, parameter.Name));
            }

            var sampler = ParameterSampler.Create(parameter, out var failure);
            if (sampler is null)
            {
                return Failure(failure!.Reason, AnswerMessages.Format(AnswerMessages.InParameter, parameter.Name, failure.Message), failure.Position);
            }

            samplers.Add(sampler);
        }

        var variables = names.ToFrozenSet(StringComparer.Ordinal);
        var constraints = new List<Node>();
        foreach (var constraint in definition.Constraints ?? [])
        {
            var parsed = Parser.Parse(constraint ?? string.Empty, variables, constraintMode: true, out var error);
            if (parsed is null)
            {
                return Failure(error!.Reason, AnswerMessages.Format(AnswerMessages.InConstraint, constraint, error.Message), error.Position);
            }

            if (parsed.Root is not (ComparisonNode or LogicalNode))
            {
                return Failure(ReasonCodes.NotABoolean, AnswerMessages.Format(AnswerMessages.ConstraintNotBoolean, constraint));
            }

            constraints.Add(parsed.Root);
        }

        // The answer may also use the members' variables (e.g. a gradient in x and y); constraints may not.
        var answerVariables = names.Concat(definition.Options.Variables).ToFrozenSet(StringComparer.Ordinal);
        var answer = Parser.Parse(definition.Answer ?? string.Empty, answerVariables, constraintMode: false, out var answerError);
        if (answer is null)
        {
            return Failure(answerError!.Reason, AnswerMessages.Format(AnswerMessages.InAnswer, answerError.Message), answerError.Position);
        }

        if (definition.Options.ExpectInterval && !ExpectedInterval.IsIntervalShaped(answer.Root))
        {
            var failure = ExpectedInterval.Failure();
            return Failure(failure.Reason!, failure.Message!);
        }

        return new ProblemResult { Problem = new ParameterizedProblem(definition, samplers, constraints, answer.Root) };
    }

    /// <summary>Draws the instance for a seed (see <see cref="ProblemSeed.Derive"/>).</summary>
    public InstanceResult Instantiate(ulong seed)
    {
        var random = new SeededRandom(seed);
        var settings = new EvaluationSettings(_definition.Options.AngleUnit);
        for (var draw = 1; draw <= _definition.MaxRedraws; draw++)
        {
            var values = new Dictionary<string, MathValue>(StringComparer.Ordinal);
            var formatted = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var sampler in _samplers)
            {
                var (value, text) = sampler.Draw(random);
                values[sampler.Name] = value;
                formatted[sampler.Name] = text;
            }

            var drawSettings = settings with { Variables = values };
            if (!_constraints.All(constraint => Evaluator.Evaluate(constraint, drawSettings, out _) is Scalar { Approx: not 0 }))
            {
                continue;
            }

            var key = BuildKey(drawSettings, formatted, out var expectedText);
            if (key is null)
            {
                continue;
            }

            return new InstanceResult
            {
                Instance = new ProblemInstance
                {
                    Seed = seed,
                    Parameters = formatted,
                    ExpectedAnswer = expectedText,
                    Key = key,
                    Draws = draw,
                },
            };
        }

        return new InstanceResult
        {
            Reason = ReasonCodes.ConstraintsUnsatisfiable,
            Message = AnswerMessages.Format(AnswerMessages.ConstraintsUnsatisfiable, _definition.MaxRedraws),
        };
    }

    /// <summary>
    /// The key for one draw: the evaluated value, or, when members answer with variables, the answer expression
    /// with the parameter values written in (keys in variables are compared at sample points). Null when undefined.
    /// </summary>
    private AnswerKey? BuildKey(EvaluationSettings drawSettings, Dictionary<string, string> formatted, out string expectedText)
    {
        if (_definition.Options.Variables.Count > 0)
        {
            expectedText = Reading.Of(_answer, formatted);
            return AnswerKey.Create(expectedText, _definition.Options).Key;
        }

        var evaluated = Evaluator.Evaluate(_answer, drawSettings, out _);
        var expected = evaluated is null ? null : ExpectedInterval.Apply(evaluated, _definition.Options);
        expectedText = expected is null ? string.Empty : ValueFormatter.Format(expected);
        return expected is null ? null : AnswerKey.FromValue(expectedText, expected, _definition.Options);
    }

    private static ProblemResult Failure(string reason, string message, int? position = null) =>
        new() { Reason = reason, Message = message, Position = position };
}
