using MathForML.Math.Evaluation;
using MathForML.Math.Problems;
using MathForML.Math.Syntax;

namespace MathForML.Math.Tests;

/// <summary>Limits past which exact arithmetic gives way to doubles (the value stays right, only its exactness changes).</summary>
public sealed class ExactnessLimitTests
{
    private static Scalar Evaluate(string input)
    {
        var parsed = Parser.Parse(input, new HashSet<string>(), constraintMode: false, out var error);
        Assert.Null(error);
        var value = Evaluator.Evaluate(parsed!.Root, EvaluationSettings.Radians, out error);
        Assert.Null(error);
        return Assert.IsType<Scalar>(value);
    }

    private static string SumOfRoots(int count) =>
        string.Join("+", new[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29 }.Take(count).Select(p => $"sqrt({p})"));

    [Fact]
    public void Sums_stay_exact_up_to_the_term_limit()
    {
        Assert.True(Evaluate(SumOfRoots(MathLimits.MaxExactTerms)).IsExact);
        Assert.False(Evaluate(SumOfRoots(MathLimits.MaxExactTerms + 1)).IsExact);
    }

    [Fact]
    public void Powers_of_pi_stay_exact_up_to_the_limit()
    {
        Assert.True(Evaluate($"pi^{MathLimits.MaxExactPiPower}").IsExact);
        Assert.False(Evaluate($"pi^{MathLimits.MaxExactPiPower + 1}").IsExact);
    }

    [Fact]
    public void Square_factors_are_found_within_the_trial_division_bound()
    {
        Assert.Equal("2*sqrt(2)", ValueFormatter.FormatScalar(Evaluate("sqrt(8)")));
        Assert.Equal("65537*sqrt(2)", ValueFormatter.FormatScalar(Evaluate("sqrt(2*65537^2)")));
        Assert.False(Evaluate("sqrt(2*65537*65539)").IsExact);
        Assert.Equal(double.Sqrt(2.0 * 65537 * 65539), Evaluate("sqrt(2*65537*65539)").Approx, 6);
    }

    [Fact]
    public void Matrices_are_exact_up_to_the_exact_dimension_limit()
    {
        static string Diagonal(int n) =>
            "[" + string.Join(",", Enumerable.Range(0, n).Select(r => "[" + string.Join(",", Enumerable.Range(0, n).Select(c => r == c ? "1/3" : "0")) + "]")) + "]";

        Assert.True(Evaluate($"det({Diagonal(MathLimits.MaxExactMatrixDimension)})").IsExact);
        var large = Evaluate($"det({Diagonal(MathLimits.MaxExactMatrixDimension + 1)})");
        Assert.False(large.IsExact);
        Assert.Equal(double.Pow(1.0 / 3, MathLimits.MaxExactMatrixDimension + 1), large.Approx, 12);
    }

    [Fact]
    public void Problems_declare_at_most_the_parameter_limit()
    {
        ProblemDefinition WithParameters(int count) => new()
        {
            Answer = "1",
            Parameters = Enumerable.Range(0, count).Select(i => new ParameterDefinition { Name = $"p{i}", Kind = ParameterKind.IntegerRange, Max = 1 }).ToList(),
        };

        Assert.True(ParameterizedProblem.Create(WithParameters(MathLimits.MaxParameters)).IsSuccess);
        Assert.Equal(ReasonCodes.InvalidParameter, ParameterizedProblem.Create(WithParameters(MathLimits.MaxParameters + 1)).Reason);
    }

    [Fact]
    public void Redraws_are_capped()
    {
        ProblemDefinition WithRedraws(int redraws) => new() { Answer = "1", MaxRedraws = redraws };

        Assert.True(ParameterizedProblem.Create(WithRedraws(MathLimits.MaxRedrawsCap)).IsSuccess);
        Assert.Equal(ReasonCodes.InvalidOption, ParameterizedProblem.Create(WithRedraws(MathLimits.MaxRedrawsCap + 1)).Reason);
    }

    [Fact]
    public void Expressions_in_variables_are_compared_at_every_sample_point()
    {
        var key = Judging.Key("x", new AnswerOptions { Variables = ["x"] });

        Assert.Equal(MathLimits.VariableSamplePoints, key.Samples.Count);
        // Agrees with x at the first sample point only (11/7), so it must be judged different.
        Assert.Equal(Outcome.Incorrect, Judging.Judge.Judge("x + (x - 11/7)^2", key).Outcome);
    }

    [Fact]
    public void Significant_figures_apply_to_each_entry_of_a_list()
    {
        var options = new AnswerOptions { Mode = ComparisonMode.SignificantFigures, SignificantFigures = 3 };

        Assert.Equal(Outcome.Correct, Judging.Check("[3.14, 2.72]", "[pi, e]", options).Outcome);
        Assert.Equal(ReasonCodes.SomeEntriesIncorrect, Judging.Check("[3.14, 2.7]", "[pi, e]", options).Reason);
    }
}
