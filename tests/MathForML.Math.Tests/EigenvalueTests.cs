namespace MathForML.Math.Tests;

/// <summary>
/// Real eigenvalues of any square matrix, ascending: exact for rational 2×2 and exact triangular matrices,
/// MathNet otherwise; complex eigenvalues are not a real answer and say so.
/// </summary>
public sealed class EigenvalueTests
{
    [Theory]
    [InlineData("eig([[4, 1], [2, 3]])", "[2, 5]")]
    [InlineData("eig([[1, 2], [3, 4]])", "[(5 - sqrt(33))/2, (5 + sqrt(33))/2]")]
    [InlineData("eig([[2, 1], [1, 2]])", "[1, 3]")]
    [InlineData("eig([[1, 1], [0, 1]])", "[1, 1]")]
    [InlineData("eig([[3, 0], [5, -1]])", "[-1, 3]")]
    [InlineData("eig([[1/2, 1/3], [0, 1/4]])", "[1/4, 1/2]")]
    [InlineData("eig([[5, 1, 2], [0, -2, 7], [0, 0, 1/3]])", "[-2, 1/3, 5]")]
    [InlineData("eig([[1, 0, 0], [4, pi, 0], [2, 3, sqrt(2)]])", "[1, sqrt(2), pi]")]
    [InlineData("eigenvalues([[0, 1], [-2, -3]])", "[-2, -1]")]
    public void Eigenvalues_are_exact_where_they_were_or_could_be(string input, string expected)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { Mode = ComparisonMode.Exact });

        Assert.True(verdict.Outcome == Outcome.Correct, $"{input}: {verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Theory]
    [InlineData("eig([[2, 0, 0], [0, 3, 4], [0, 4, 9]])", "[1, 2, 11]")]
    [InlineData("eig([[2, 1, 0], [1, 3, 1], [0, 1, 4]])", "[3 - sqrt(3), 3, 3 + sqrt(3)]")]
    [InlineData("eig([[4, 1, 0], [2, 3, 0], [1, 1, 7]])", "[2, 5, 7]")]
    [InlineData("eig([[1, 2, 0], [0, 3, 0], [2, -4, 2]])", "[1, 2, 3]")]
    [InlineData("eig([[sqrt(2), 1], [1, sqrt(2)]])", "[sqrt(2) - 1, sqrt(2) + 1]")]
    [InlineData("eig([[1, 1, 0], [0, 2, 1], [1, -1, 3]])", "[2, 2, 2]")]
    public void Non_symmetric_and_larger_matrices_use_the_eigenvalue_decomposition(string input, string expected)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { Mode = ComparisonMode.Relative, RelativeTolerance = 1e-4 });

        Assert.True(verdict.Outcome == Outcome.Correct, $"{input}: {verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Theory]
    [InlineData("eig([[0, -1], [1, 0]])")]
    [InlineData("eig([[1, -2], [3, 1]])")]
    [InlineData("eig([[0, 1, 0], [0, 0, 1], [1, 0, 0]])")]
    [InlineData("eig([[e, -1], [1, e]])")]
    [InlineData("eig([[1, -0.001, 0], [0.001, 1, 0], [0, 0, 2]])")]
    public void Complex_eigenvalues_are_not_a_real_answer_and_say_so(string input)
    {
        var verdict = Judging.Check(input, "[1, 2]");

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.NotARealNumber, verdict.Reason);
        Assert.Equal(0, verdict.Position);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerMessages.ComplexEigenvalues, 0), verdict.Message);
    }

    [Fact]
    public void A_key_with_complex_eigenvalues_fails_with_the_not_real_reason()
    {
        var result = AnswerKey.Create("eig([[0, -1], [1, 0]])");

        Assert.False(result.IsSuccess);
        Assert.Equal(ReasonCodes.NotARealNumber, result.Reason);
        Assert.Contains("complex eigenvalues", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eig([[1, 2, 3], [4, 5, 6]])")]
    [InlineData("eig([1, 2])")]
    [InlineData("eig([[inf, 0], [0, 1]])")]
    public void Non_square_or_infinite_matrices_are_outside_the_domain(string input)
    {
        Assert.Equal(ReasonCodes.OutOfDomain, Judging.Check(input, "[1, 2]").Reason);
    }
}
