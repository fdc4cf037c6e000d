namespace MathForML.Math.Tests;

/// <summary><c>A^n</c> for square matrices: exact for exact entries, identity at 0, inverse powers for negative n.</summary>
public sealed class MatrixPowerTests
{
    [Theory]
    [InlineData("[[1, 2], [3, 4]]^2", "[[7, 10], [15, 22]]")]
    [InlineData("[[1, 2], [3, 4]]^1", "[[1, 2], [3, 4]]")]
    [InlineData("[[1, 2], [3, 4]]^0", "[[1, 0], [0, 1]]")]
    [InlineData("[[0, 0], [0, 0]]^0", "[[1, 0], [0, 1]]")]
    [InlineData("[[1, 2], [3, 4]]^-1", "[[-2, 1], [3/2, -1/2]]")]
    [InlineData("[[1, 2], [3, 4]]^-1", "inv([[1, 2], [3, 4]])")]
    [InlineData("[[2, 0], [0, 3]]^-2", "[[1/4, 0], [0, 1/9]]")]
    [InlineData("[[1, 1], [1, 0]]^10", "[[89, 55], [55, 34]]")]
    [InlineData("[[1, 1], [0, 1]]^1000", "[[1, 1000], [0, 1]]")]
    [InlineData("[[0, 1, 0], [0, 0, 1], [0, 0, 0]]^3", "[[0, 0, 0], [0, 0, 0], [0, 0, 0]]")]
    [InlineData("[[1/2, 0], [0, 2]]^3", "[[1/8, 0], [0, 8]]")]
    [InlineData("[[sqrt(2), 0], [0, 1]]^2", "[[2, 0], [0, 1]]")]
    [InlineData("[[5]]^3", "[[125]]")]
    [InlineData("2*[[1, 1], [0, 1]]^2", "[[2, 4], [0, 2]]")]
    [InlineData("-[[1, 2], [3, 4]]^2", "[[-7, -10], [-15, -22]]")]
    [InlineData("[[1, 2], [3, 4]]^2 * [1, 0]", "[7, 15]")]
    public void Square_matrices_raised_to_integer_powers_are_exact(string input, string expected)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { Mode = ComparisonMode.Exact });

        Assert.True(verdict.Outcome == Outcome.Correct, $"{input}: {verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Fact]
    public void Matrix_power_key_is_exact_and_a_close_decimal_is_not_accepted_in_exact_mode()
    {
        var key = Judging.Key("[[1, 2], [3, 4]]^-1", new AnswerOptions { Mode = ComparisonMode.Exact });

        Assert.Equal(Outcome.Correct, Judging.Judge.Judge("[[-2, 1], [1.5, -0.5]]", key).Outcome);
        Assert.Equal(Outcome.Incorrect, Judging.Judge.Judge("[[-2, 1], [1.5, -0.49999]]", key).Outcome);
    }

    [Fact]
    public void Float_matrix_power_matches_to_rounding()
    {
        var verdict = Judging.Check("[[e, 0], [1, 1]]^2", "[[e^2, 0], [e + 1, 1]]", new AnswerOptions { Mode = ComparisonMode.Relative, RelativeTolerance = 1e-9 });

        Assert.Equal(Outcome.Correct, verdict.Outcome);
    }

    [Theory]
    [InlineData("[[1, 2, 3], [4, 5, 6]]^2", ReasonCodes.MatrixNotSquare, 22)]
    [InlineData("[1, 2]^2", ReasonCodes.MatrixNotSquare, 6)]
    [InlineData("[[1, 2], [3, 4]]^(1/2)", ReasonCodes.MatrixPowerNotInteger, 16)]
    [InlineData("[[1, 2], [3, 4]]^pi", ReasonCodes.MatrixPowerNotInteger, 16)]
    [InlineData("[[1, 2], [3, 4]]^1.5", ReasonCodes.MatrixPowerNotInteger, 16)]
    [InlineData("[[1, 2], [2, 4]]^-1", ReasonCodes.SingularMatrix, 16)]
    [InlineData("[[1, 0], [0, 1]]^100001", ReasonCodes.ExponentTooLarge, 16)]
    [InlineData("[[2, 0], [0, 2]]^5000", ReasonCodes.NumberTooLarge, 16)]
    [InlineData("[[1, 2], [3, 4]]^[[1, 0], [0, 1]]", ReasonCodes.NotANumber, 16)]
    [InlineData("2^[[1, 0], [0, 1]]", ReasonCodes.NotANumber, 1)]
    public void Powers_that_do_not_exist_are_invalid_with_a_clear_reason(string input, string reason, int position)
    {
        var verdict = Judging.Check(input, "[[1, 0], [0, 1]]");

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(position, verdict.Position);
    }

    [Theory]
    [InlineData("[[1, 2, 3], [4, 5, 6]]^2", AnswerMessages.MatrixNotSquare)]
    [InlineData("[[1, 2], [3, 4]]^0.5", AnswerMessages.MatrixPowerNotInteger)]
    [InlineData("[[1, 2], [2, 4]]^-1", AnswerMessages.SingularMatrixPower)]
    public void Matrix_power_messages_point_at_the_caret(string input, string template)
    {
        var verdict = Judging.Check(input, "[[1, 0], [0, 1]]");

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, input.IndexOf('^', StringComparison.Ordinal)), verdict.Message);
    }

    [Fact]
    public void Largest_matrix_to_a_large_power_stays_within_the_work_limit()
    {
        var rows = Enumerable.Range(0, MathLimits.MaxMatrixDimension)
            .Select(r => "[" + string.Join(", ", Enumerable.Range(0, MathLimits.MaxMatrixDimension).Select(c => r == c ? "1" : "0")) + "]");
        var input = "[" + string.Join(", ", rows) + $"]^{MathLimits.MaxExponent}";

        var verdict = Judging.Check(input, "1");

        Assert.Contains(verdict.Reason, new[] { ReasonCodes.TooMuchWork, ReasonCodes.WrongKind });
    }
}
