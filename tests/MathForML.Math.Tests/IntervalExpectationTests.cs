using MathForML.Math.Problems;

namespace MathForML.Math.Tests;

/// <summary>
/// A key <c>[a, b]</c> is a vector, and a member's <c>(a, b)</c> is the same vector; with
/// <see cref="AnswerOptions.ExpectInterval"/> the key is the closed interval and <c>(a, b)</c> the open one.
/// </summary>
public sealed class IntervalExpectationTests
{
    private static readonly AnswerOptions Interval = new() { ExpectInterval = true };
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("(-4, 4)", Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("[-4, 4]", Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("(-4, 5)", Outcome.Incorrect, ReasonCodes.SomeEntriesIncorrect)]
    [InlineData("[-4, 4)", Outcome.Invalid, ReasonCodes.WrongKind)]
    public void A_vector_key_accepts_the_same_pair_in_either_brackets(string input, Outcome outcome, string reason)
    {
        var verdict = Judging.Check(input, "[-4, 4]");

        Assert.True(outcome == verdict.Outcome && reason == verdict.Reason, $"{verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Theory]
    [InlineData("[-4, 4]", "[-4, 4]", Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("(-4, 4)", "[-4, 4]", Outcome.Incorrect, ReasonCodes.WrongIntervalEnds)]
    [InlineData("[-4, 4)", "[-4, 4]", Outcome.Incorrect, ReasonCodes.WrongIntervalEnds)]
    [InlineData("[-4, 5]", "[-4, 4]", Outcome.Incorrect, ReasonCodes.Incorrect)]
    [InlineData("(-4, 4)", "(-4, 4)", Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("[-4, 4]", "(-4, 4)", Outcome.Incorrect, ReasonCodes.WrongIntervalEnds)]
    [InlineData("(0, 1]", "(0, 1]", Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("[0, inf)", "[0, inf)", Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("DNE", "[-4, 4]", Outcome.Incorrect, ReasonCodes.Incorrect)]
    [InlineData("DNE", "DNE", Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("4", "[-4, 4]", Outcome.Invalid, ReasonCodes.WrongKind)]
    [InlineData("[-4, 0, 4]", "[-4, 4]", Outcome.Invalid, ReasonCodes.WrongKind)]
    public void With_expect_interval_the_keys_brackets_are_the_intervals_ends(string input, string expected, Outcome outcome, string reason)
    {
        var verdict = Judging.Check(input, expected, Interval);

        Assert.True(outcome == verdict.Outcome && reason == verdict.Reason, $"{input} vs {expected}: {verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Theory]
    [InlineData("4")]
    [InlineData("[1, 2, 3]")]
    [InlineData("[[1, 2], [3, 4]]")]
    [InlineData("{1, 2}")]
    [InlineData("1, 2")]
    public void With_expect_interval_a_key_that_is_not_an_interval_is_rejected(string expected)
    {
        var result = AnswerKey.Create(expected, Interval);

        Assert.False(result.IsSuccess);
        Assert.Equal(ReasonCodes.InvalidOption, result.Reason);
        Assert.Equal(AnswerMessages.IntervalAnswerRequired, result.Message);
    }

    [Fact]
    public void With_expect_interval_endpoints_in_variables_compare_at_every_sample()
    {
        var options = Interval with { Variables = ["a"] };

        Assert.Equal(Outcome.Correct, Judging.Check("[-a, a]", "[-a, a]", options).Outcome);
        Assert.Equal(ReasonCodes.WrongIntervalEnds, Judging.Check("(-a, a)", "[-a, a]", options).Reason);
    }

    [Fact]
    public void Expect_interval_reads_from_json_as_expectInterval()
    {
        var options = System.Text.Json.JsonSerializer.Deserialize<AnswerOptions>(
            """{"expectInterval":true}""", WebJson)!;

        Assert.True(options.ExpectInterval);
        Assert.False(AnswerOptions.Default.ExpectInterval);
    }

    [Fact]
    public void Parameterized_interval_answer_is_a_closed_interval_with_its_ends_written_in()
    {
        var problem = ParameterizedProblem.Create(new ProblemDefinition
        {
            Answer = "[-k, k]",
            Parameters = [new() { Name = "k", Kind = ParameterKind.IntegerRange, Min = 2, Max = 9 }],
            Options = Interval,
        }).Problem!;

        var instance = problem.Instantiate(7).Instance!;
        var k = instance.Parameters["k"];

        Assert.Equal(Outcome.Correct, Judging.Judge.Judge($"[-{k}, {k}]", instance.Key).Outcome);
        Assert.Equal(ReasonCodes.WrongIntervalEnds, Judging.Judge.Judge($"(-{k}, {k})", instance.Key).Reason);
    }

    [Fact]
    public void Parameterized_problem_expecting_an_interval_rejects_an_answer_that_is_not_one()
    {
        var result = ParameterizedProblem.Create(new ProblemDefinition
        {
            Answer = "k^2",
            Parameters = [new() { Name = "k", Kind = ParameterKind.IntegerRange, Min = 2, Max = 9 }],
            Options = Interval,
        });

        Assert.False(result.IsSuccess);
        Assert.Equal(ReasonCodes.InvalidOption, result.Reason);
    }
}
