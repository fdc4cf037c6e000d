using MathForML.Content.Problems;
using MathForML.TestKit;
using static MathForML.Content.ContentMessages;
using static MathForML.Content.Problems.ProblemMessages;

namespace MathForML.Content.Tests.Problems;

public sealed class BankValidatorTests
{
    private static readonly Dictionary<string, string> NoMacros = [];

    [Fact]
    public void A_sound_problem_passes_and_every_text_is_rendered_for_the_first_seeds()
    {
        var renderer = new RecordingFormulaRenderer();

        var errors = new BankValidator(renderer).Validate(Parse(ProblemParserTests.Valid), NoMacros, seeds: 50);

        Assert.Empty(errors);
        Assert.Equal(BankValidator.RenderedSeeds * 4, renderer.Requests.Count);
        Assert.DoesNotContain(renderer.Requests, r => r.Contains("{{", StringComparison.Ordinal));
    }

    [Fact]
    public void A_verify_computation_that_disagrees_is_reported_with_the_seed_and_both_values()
    {
        var parsed = Parse(ProblemParserTests.Valid.Replace("verify: det([[a, 1], [2, 3]])", "verify: det([[a, 2], [1, 3]]) + 1", StringComparison.Ordinal));

        var error = Assert.Single(new BankValidator(new RecordingFormulaRenderer()).Validate(parsed, NoMacros));

        Assert.StartsWith("seed 1: the verify computation gives ", error.Message, StringComparison.Ordinal);
        Assert.Equal(parsed.LineOf("verify"), error.Line);
    }

    [Fact]
    public void A_key_that_accepts_clearly_wrong_values_is_reported()
    {
        var parsed = Parse(ProblemParserTests.Valid.Replace("hints:", "options: { mode: absolute, absolute-tolerance: 1000 }\nhints:", StringComparison.Ordinal));

        var error = Assert.Single(new BankValidator(new RecordingFormulaRenderer()).Validate(parsed, NoMacros));

        Assert.Equal(Format(KeyAcceptsWrongFormat, 1), error.Message);
    }

    [Fact]
    public void Constraints_no_draw_satisfies_are_reported_once()
    {
        var parsed = Parse(ProblemParserTests.Valid.Replace("answer: 3*a - 2", "constraints: [\"a > 100\"]\nanswer: 3*a - 2", StringComparison.Ordinal));

        var error = Assert.Single(new BankValidator(new RecordingFormulaRenderer()).Validate(parsed, NoMacros));

        Assert.StartsWith("seed 1: no valid draw of the parameters: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_failures_name_the_text_and_carry_the_renderer_message()
    {
        var error = Assert.Single(new BankValidator(new RecordingFormulaRenderer(fail: "Unknown command \\frca")).Validate(Parse(ProblemParserTests.Valid), NoMacros), e => e.Message.Contains("statement", StringComparison.Ordinal));

        Assert.Equal(Format(RenderFailedFormat, "the statement", "Unknown command \\frca"), error.Message);
    }

    [Theory]
    [InlineData("Compute the determinant", "Hint: use ps - qr. Compute the determinant", "Hint:")]
    [InlineData("Compute the determinant", "**Solution:** it is easy. Compute the determinant", "**Solution:")]
    public void Statement_with_a_hint_or_solution_heading_is_refused(string find, string replace, string heading)
    {
        var parsed = Parse(ProblemParserTests.Valid.Replace(find, replace, StringComparison.Ordinal));

        var errors = new BankValidator(new RecordingFormulaRenderer()).Validate(parsed, NoMacros);

        Assert.Contains(Format(StatementHasHeadingFormat, heading), errors.Select(e => e.Message));
    }

    [Fact]
    public void Statement_quoting_a_hint_is_refused()
    {
        var text = ProblemParserTests.Valid
            .Replace("Multiply the diagonals.", "Multiply the two diagonals and subtract.", StringComparison.Ordinal)
            .Replace("Compute the determinant", "Multiply the two diagonals and subtract. Compute the determinant", StringComparison.Ordinal);

        var errors = new BankValidator(new RecordingFormulaRenderer()).Validate(Parse(text), NoMacros);

        Assert.Contains(Format(StatementContainsHintFormat, 2), errors.Select(e => e.Message));
    }

    private static ParsedProblem Parse(string yaml)
    {
        var (parsed, errors) = ProblemParser.Parse(yaml, "la-demo.yml", ProblemParserTests.Topics, ProblemParserTests.Books);
        Assert.Empty(errors);
        return parsed!;
    }
}
