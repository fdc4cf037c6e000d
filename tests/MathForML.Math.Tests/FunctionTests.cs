namespace MathForML.Math.Tests;

/// <summary>The functions answer expressions use (linear algebra, statistics, distributions), exact where possible.</summary>
public sealed class FunctionTests
{
    [Theory]
    [InlineData("det([[1, 2], [3, 4]])", "-2", true)]
    [InlineData("det([[2, 0, 0], [0, 3, 0], [0, 0, 1/6]])", "1", true)]
    [InlineData("det([[0, 1], [1, 0]])", "-1", true)]
    [InlineData("det([[1.5, 2], [e, 4]])", "6 - 2e", false)]
    [InlineData("inv([[2, 0], [0, 4]])", "[[1/2, 0], [0, 1/4]]", true)]
    [InlineData("inv([[1, 2], [3, 4]])", "[[-2, 1], [3/2, -1/2]]", true)]
    [InlineData("inv([[e, 0], [0, 1]])", "[[1/e, 0], [0, 1]]", false)]
    [InlineData("transpose([[1, 2, 3], [4, 5, 6]])", "[[1, 4], [2, 5], [3, 6]]", true)]
    [InlineData("eigenvalues([[2, 1], [1, 2]])", "[1, 3]", true)]
    [InlineData("eig([[1, 1], [1, 0]])", "[(1 - sqrt(5))/2, (1 + sqrt(5))/2]", true)]
    [InlineData("eigenvalues([[2, 0, 0], [0, 3, 4], [0, 4, 9]])", "[1, 2, 11]", false)]
    [InlineData("eig([[4, 1], [2, 3]])", "[2, 5]", true)]
    [InlineData("[[1, 2], [3, 4]]^2", "[[7, 10], [15, 22]]", true)]
    [InlineData("solve([[2, 1], [1, 3]], [3, 5])", "[4/5, 7/5]", true)]
    [InlineData("solve([[pi, 0], [0, 1]], [pi, 2])", "[1, 2]", false)]
    [InlineData("norm([3, 4])", "5", true)]
    [InlineData("norm([1, 1])", "sqrt(2)", true)]
    [InlineData("dot([1, 2, 3], [4, 5, 6])", "32", true)]
    [InlineData("[[1, 2], [3, 4]] * [[0, 1], [1, 0]]", "[[2, 1], [4, 3]]", true)]
    [InlineData("[[1, 2], [3, 4]] * [1, 1]", "[3, 7]", true)]
    [InlineData("2*[1, 2] + [1, 1]", "[3, 5]", true)]
    [InlineData("mean([1, 2, 3, 4])", "5/2", true)]
    [InlineData("mean(1, 2)", "3/2", true)]
    [InlineData("variance([1, 2, 3, 4])", "5/3", true)]
    [InlineData("std([2, 4, 4, 4, 5, 5, 7, 9])", "sqrt(32/7)", true)]
    [InlineData("variance([0.5, 1.5])", "0.5", false)]
    [InlineData("min(3, 1, 2)", "1", true)]
    [InlineData("max([3, 1, 2])", "3", true)]
    [InlineData("normalpdf(0, 0, 1)", "1/sqrt(2 pi)", false)]
    [InlineData("normalcdf(1.96, 0, 1)", "0.9750021", false)]
    [InlineData("binompdf(2, 4, 0.5)", "3/8", false)]
    [InlineData("binomcdf(1, 3, 0.5)", "1/2", false)]
    [InlineData("choose(5, 2)", "10", true)]
    [InlineData("gcd(12, 18)", "6", true)]
    [InlineData("lcm(4, 6)", "12", true)]
    [InlineData("floor(-7/2)", "-4", true)]
    [InlineData("ceil(7/2)", "4", true)]
    [InlineData("round(2.345, 2)", "2.35", true)]
    public void Functions_compute_the_right_value(string expression, string expected, bool exact)
    {
        var mode = exact ? ComparisonMode.Exact : ComparisonMode.Relative;
        var key = Judging.Key(expected, new AnswerOptions { Mode = mode, RelativeTolerance = 1e-6 });

        var verdict = Judging.Judge.Judge(expression, key);

        Assert.True(verdict.Outcome == Outcome.Correct, $"{expression}: {verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Theory]
    [InlineData("inv([[1, 2], [2, 4]])")]
    [InlineData("solve([[1, 2], [2, 4]], [1, 1])")]
    [InlineData("eigenvalues([[1, 2, 3], [4, 5, 6]])")]
    [InlineData("det([1, 2])")]
    [InlineData("dot([1, 2], [1, 2, 3])")]
    [InlineData("variance([1])")]
    [InlineData("normalpdf(0, 0, -1)")]
    [InlineData("binompdf(1, 3, 2)")]
    [InlineData("choose(2, 5)")]
    public void Functions_outside_their_domain_are_invalid(string expression)
    {
        var verdict = Judging.Check(expression, "1");

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.OutOfDomain, verdict.Reason);
        Assert.Equal(0, verdict.Position);
    }
}
