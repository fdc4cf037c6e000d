using MathForML.Math.Evaluation;
using MathForML.Math.Judging;
using MathForML.Math.Syntax;

namespace MathForML.Math;

/// <summary>
/// Reads and judges members' answers against an <see cref="AnswerKey"/>. Stateless: cheap to construct, safe to
/// share across threads. Never throws for any input; every failure is an <see cref="Outcome.Invalid"/> verdict.
/// </summary>
public sealed class AnswerJudge
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance method by contract: Core injects one judge behind a port.")]
    public Verdict Judge(string? input, AnswerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        input ??= string.Empty;
        var parsed = Parser.Parse(input, key.VariableNames, constraintMode: false, out var error);
        if (parsed is null)
        {
            return InvalidVerdict(error!, reading: null);
        }

        var reading = Reading.Of(parsed.Root);
        var scalars = new ScalarComparer(key.Options, parsed.HasDecimalLiteral, key.ExpectedHasDecimals);
        var comparer = new ValueComparer(key.Options, scalars);
        var judgement = key.HasVariables
            ? JudgeExpression(parsed, key, comparer, out error)
            : JudgeValue(parsed, key, comparer, out error);
        if (error is not null)
        {
            return InvalidVerdict(error, reading);
        }

        return BuildVerdict(judgement!, reading, parsed.AmbiguityNotes);
    }

    /// <summary>Structural errors: no answer key can make such input readable.</summary>
    private static readonly HashSet<string> StructuralErrors = new(StringComparer.Ordinal)
    {
        ReasonCodes.EmptyInput, ReasonCodes.InputTooLong, ReasonCodes.NestingTooDeep, ReasonCodes.UnexpectedCharacter,
        ReasonCodes.MissingCloseParen, ReasonCodes.MissingCloseBracket, ReasonCodes.MissingCloseBrace, ReasonCodes.MissingCloseBar,
        ReasonCodes.UnmatchedClose, ReasonCodes.MissingOperand,
    };

    /// <summary>Every one-letter name and the Greek letters answers use: enough to tell whether names matter.</summary>
    private static readonly IReadOnlySet<string> ManyVariables = new HashSet<string>(
        Enumerable.Range('a', 26).Concat(Enumerable.Range('A', 26)).Select(c => ((char)c).ToString())
            .Concat(["alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "sigma", "tau", "phi", "omega"]),
        StringComparer.Ordinal);

    /// <summary>
    /// The verdict for input that is malformed whatever the answer key (an operand missing, a bracket never closed, a
    /// stray character): it fails to parse, with the same structural error, both without variables and with every
    /// common variable name. Null when the input might be readable for some key; then only <see cref="Judge"/> can tell.
    /// Lets a chat bot refuse such input before it loads the problem.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance method, as Judge is.")]
    public Verdict? CheckSyntax(string? input)
    {
        input ??= string.Empty;
        if (Parser.Parse(input, new HashSet<string>(StringComparer.Ordinal), constraintMode: false, out var bare) is not null
            || bare is null || !StructuralErrors.Contains(bare.Reason)
            || Parser.Parse(input, ManyVariables, constraintMode: false, out var named) is not null
            || named is null || named.Reason != bare.Reason || named.Position != bare.Position)
        {
            return null;
        }

        return InvalidVerdict(bare, reading: null);
    }

    private static Judgement? JudgeValue(ParsedInput parsed, AnswerKey key, ValueComparer comparer, out MathError? error)
    {
        if (key.Expected is Scalar && SyntaxFacts.LooksLikeThousandsSeparators(parsed.Root))
        {
            var comma = ((SequenceNode)parsed.Root).Items[0].End;
            error = new MathError(ReasonCodes.ThousandsSeparator, AnswerMessages.Format(AnswerMessages.ThousandsSeparator, comma), comma);
            return null;
        }

        var value = Evaluator.Evaluate(parsed.Root, key.Settings, out error);
        if (value is null)
        {
            return null;
        }

        var judgement = comparer.Compare(value, key.Expected!);
        if (judgement == Judgement.Incorrect && value is Scalar && SyntaxFacts.ContainsTrig(parsed.Root))
        {
            // sin(30) in a radians problem (or the reverse): re-read the trig arguments in the other unit.
            var otherUnit = key.Options.AngleUnit == AngleUnit.Radians ? AngleUnit.Degrees : AngleUnit.Radians;
            var reread = Evaluator.Evaluate(parsed.Root, key.Settings with { AngleUnit = otherUnit }, out _);
            if (reread is not null && comparer.Compare(reread, key.Expected!).Outcome == Outcome.Correct)
            {
                return Judgement.Wrong(otherUnit == AngleUnit.Degrees ? ReasonCodes.TrigArgumentInDegrees : ReasonCodes.TrigArgumentInRadians);
            }
        }

        return judgement;
    }

    /// <summary>Expressions in declared variables: equal when they agree at every sample point the key could use.</summary>
    private static Judgement? JudgeExpression(ParsedInput parsed, AnswerKey key, ValueComparer comparer, out MathError? error)
    {
        error = null;
        Judgement? combined = null;
        foreach (var sample in key.Samples)
        {
            var value = Evaluator.Evaluate(parsed.Root, key.Settings with { Variables = sample.Environment }, out var sampleError);
            if (value is null)
            {
                if (sampleError!.Reason is ReasonCodes.DivisionByZero or ReasonCodes.NotARealNumber or ReasonCodes.OutOfDomain)
                {
                    // Undefined where the expected expression is defined: a different function, not unreadable input.
                    return Judgement.Incorrect;
                }

                error = sampleError;
                return null;
            }

            var judgement = comparer.Compare(value, sample.Expected);
            if (judgement.Outcome == Outcome.Invalid)
            {
                return judgement;
            }

            combined = combined is null ? judgement : Combine(combined, judgement);
        }

        return combined;
    }

    private static Judgement Combine(Judgement first, Judgement next)
    {
        if (first.Outcome == Outcome.Correct && next.Outcome == Outcome.Correct)
        {
            return first;
        }

        if (first.Reason == next.Reason && first.IsSlip)
        {
            return first;
        }

        var score = double.Min(first.Score, next.Score);
        return first.Outcome == Outcome.Correct || next.Outcome == Outcome.Correct || first.Reason != next.Reason
            ? Judgement.Incorrect with { Score = 0 }
            : first with { Score = score };
    }

    private static Verdict BuildVerdict(Judgement judgement, string reading, IReadOnlyList<string> notes)
    {
        var ambiguous = notes.Count > 0;
        var noteText = ambiguous ? AnswerMessages.Format(AnswerMessages.AmbiguousNote, string.Join(" ", notes)) : string.Empty;
        var message = judgement.Message() + noteText;
        return new Verdict
        {
            Outcome = judgement.Outcome,
            Reason = judgement.Reason,
            Message = message,
            Reading = reading,
            IsAmbiguous = ambiguous,
            Score = judgement.Outcome == Outcome.Correct ? 1 : judgement.Outcome == Outcome.Invalid ? 0 : judgement.Score,
        };
    }

    private static Verdict InvalidVerdict(MathError error, string? reading) => new()
    {
        Outcome = Outcome.Invalid,
        Reason = error.Reason,
        Message = error.Message,
        Reading = reading,
        Position = error.Position,
        Score = 0,
    };
}
