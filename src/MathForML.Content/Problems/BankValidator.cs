using System.Text.RegularExpressions;
using MathForML.Core.Formulas;
using MathForML.Core.Problems;
using MathForML.Math;
using MathForML.Math.Problems;
using static MathForML.Content.ContentMessages;
using static MathForML.Content.Problems.ProblemMessages;

namespace MathForML.Content.Problems;

/// <summary>
/// The checks a problem must pass before a group sees it, beyond parsing: its texts render with our
/// renderer, its key accepts the independent <c>verify</c> computation (over many seeds when
/// parameterized) and rejects wrong values, and the statement gives away neither hints nor solution.
/// </summary>
public sealed partial class BankValidator(IFormulaRenderer renderer)
{
    /// <summary>Seeds checked per parameterized problem (a fixed problem has one instance).</summary>
    public const int DefaultSeeds = 200;

    /// <summary>Seeds whose filled-in texts are rendered (rendering costs far more than judging).</summary>
    public const int RenderedSeeds = 3;

    private const int MinQuotedHintLength = 20;
    private const int MinQuotedSolutionLength = 40;

    private static readonly string[] WrongChanges = ["*2+1", "*2+3"];
    private static readonly string[] SolutionSeparators = ["\n\n", ". "];

    private readonly AnswerJudge _judge = new();

    public IReadOnlyList<ContentError> Validate(ParsedProblem parsed, IReadOnlyDictionary<string, string> macros, int seeds = DefaultSeeds)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var errors = new List<ContentError>();
        var problem = parsed.Problem;
        CheckStatementHygiene(parsed, errors);
        var seedCount = problem.IsParameterized ? int.Max(1, seeds) : 1;
        for (ulong seed = 1; seed <= (ulong)seedCount; seed++)
        {
            var drawn = problem.Answer.Instantiate(seed);
            if (drawn.Instance is not { } instance)
            {
                errors.Add(Error(parsed, "answer", Format(InstanceFailedFormat, seed, drawn.Message ?? "")));
                break;
            }

            if (!CheckAnswer(parsed, instance, errors) || (seed <= RenderedSeeds && !CheckRendering(parsed, instance, macros, errors)))
            {
                break;
            }
        }

        return errors;
    }

    private bool CheckAnswer(ParsedProblem parsed, ProblemInstance instance, List<ContentError> errors)
    {
        var verified = parsed.Verify.Instantiate(instance.Seed);
        if (verified.Instance is not { } check)
        {
            errors.Add(Error(parsed, "verify", Format(VerifyFailedFormat, instance.Seed, verified.Message ?? "")));
            return false;
        }

        if (!check.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(instance.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            errors.Add(Error(parsed, "verify", Format(ParametersDifferFormat, instance.Seed)));
            return false;
        }

        var verdict = _judge.Judge(check.ExpectedAnswer, instance.Key);
        if (verdict.Outcome != Outcome.Correct)
        {
            errors.Add(Error(parsed, "verify", Format(VerifyRejectedFormat, instance.Seed, check.ExpectedAnswer, instance.ExpectedAnswer, verdict.Message)));
            return false;
        }

        // A key that accepts anything would pass the check above; two wrong values with different fixed points must not both pass.
        var wrongAccepted = WrongChanges.All(change => _judge.Judge($"({check.ExpectedAnswer}){change}", instance.Key).Outcome == Outcome.Correct);
        if (wrongAccepted)
        {
            errors.Add(Error(parsed, "options", Format(KeyAcceptsWrongFormat, instance.Seed)));
            return false;
        }

        return true;
    }

    private bool CheckRendering(ParsedProblem parsed, ProblemInstance instance, IReadOnlyDictionary<string, string> macros, List<ContentError> errors)
    {
        var problem = parsed.Problem;
        var texts = new List<(string Key, string Name, string Text)> { ("statement", "the statement", problem.Statement), ("solution", "the solution", problem.Solution) };
        texts.AddRange(problem.Hints.Select((h, i) => ("hints", $"hint {i + 1}", h.Text)));
        var before = errors.Count;
        foreach (var (key, name, text) in texts)
        {
            var filled = instance.Fill(text);
            var result = renderer.RenderDocument(filled, FormulaTheme.Light, macros);
            if (result.Error is { } error)
            {
                errors.Add(Error(parsed, key, Format(RenderFailedFormat, name, error.ReplaceLineEndings(" | "))));
            }
        }

        return errors.Count == before;
    }

    private static void CheckStatementHygiene(ParsedProblem parsed, List<ContentError> errors)
    {
        var problem = parsed.Problem;
        if (Heading().Match(problem.Statement) is { Success: true } heading)
        {
            errors.Add(Error(parsed, "statement", Format(StatementHasHeadingFormat, heading.Value.Trim())));
        }

        var statement = Normalize(problem.Statement);
        for (var i = 0; i < problem.Hints.Count; i++)
        {
            var hint = Normalize(problem.Hints[i].Text);
            if (hint.Length >= MinQuotedHintLength && statement.Contains(hint, StringComparison.Ordinal))
            {
                errors.Add(Error(parsed, "statement", Format(StatementContainsHintFormat, i + 1)));
            }
        }

        var solutionParagraphs = problem.Solution.Split(SolutionSeparators, StringSplitOptions.RemoveEmptyEntries).Select(Normalize);
        if (solutionParagraphs.Any(p => p.Length >= MinQuotedSolutionLength && statement.Contains(p, StringComparison.Ordinal)))
        {
            errors.Add(Error(parsed, "statement", StatementContainsSolution));
        }
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim().ToLowerInvariant();

    private static ContentError Error(ParsedProblem parsed, string key, string message) => new(parsed.Problem.Source, parsed.LineOf(key), message);

    [GeneratedRegex(@"(?im)^\W{0,3}(hints?|solutions?|answer)\W{0,3}:")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
