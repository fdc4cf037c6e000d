namespace MathForML.Math.Tests;

/// <summary>
/// Runs of letters made of declared variables and constants (<c>xy</c>, <c>pix</c>) are products of their pieces,
/// and each piece is a factor of its own: <c>^</c> and postfix operators bind to the last piece only.
/// </summary>
public sealed class SplitIdentifierTests
{
    private static readonly AnswerOptions Variables = new() { Variables = ["x", "y", "z", "r", "x_1", "theta"] };

    [Theory]
    [InlineData("xy", "x·y", false)]
    [InlineData("xy^3", "x·y^3", false)]
    [InlineData("2xy^3", "2·x·y^3", false)]
    [InlineData("xe^y", "x·e^y", false)]
    [InlineData("xy²", "x·y^2", false)]
    [InlineData("xyz^2", "x·y·z^2", false)]
    [InlineData("x^2y", "x^2·y", true)]
    [InlineData("-xy^2", "-x·y^2", false)]
    [InlineData("(xy)^3", "(x·y)^3", false)]
    [InlineData("pix^2", "π·x^2", false)]
    [InlineData("2πr^2", "2·π·r^2", false)]
    [InlineData("x_1y^2", "x_1·y^2", false)]
    [InlineData("thetax^2", "theta·x^2", false)]
    [InlineData("3xy^2 + 2x", "3·x·y^2 + 2·x", false)]
    [InlineData("1/xy", "1/(x·y)", true)]
    [InlineData("e^xy", "e^x·y", true)]
    [InlineData("e^(xy)", "e^(x·y)", false)]
    [InlineData("sin xy", "sin(x)·y", true)]
    [InlineData("sin(xy)^2", "sin(x·y)^2", false)]
    [InlineData("yx^-1", "y·x^(-1)", false)]
    public void Split_identifiers_bind_looser_than_powers(string input, string reading, bool ambiguous)
    {
        var verdict = Judging.Judge.Judge(input, Judging.Key("0", Variables));

        Assert.Equal(reading, verdict.Reading);
        Assert.Equal(ambiguous, verdict.IsAmbiguous);
    }

    [Theory]
    [InlineData("xy^3", "x*y^3")]
    [InlineData("2xy^3", "2*x*y*y*y")]
    [InlineData("xe^y", "x*exp(y)")]
    [InlineData("6x^2y^3", "6*x^2*y^3")]
    [InlineData("pix^2", "pi*x^2")]
    [InlineData("xy^2/2", "x*y^2/2")]
    public void Member_typed_products_with_powers_match_the_intended_expression(string input, string expected)
    {
        var verdict = Judging.Check(input, expected, Variables);

        Assert.True(verdict.Outcome == Outcome.Correct, $"'{input}': {verdict.Outcome} {verdict.Reason} {verdict.Message} (read {verdict.Reading})");
    }

    [Theory]
    [InlineData("xy^3", "(x*y)^3")]
    [InlineData("xe^y", "(x*e)^y")]
    public void The_whole_product_raised_to_the_power_is_a_different_expression(string input, string expected)
    {
        Assert.Equal(Outcome.Incorrect, Judging.Check(input, expected, Variables).Outcome);
    }

    [Fact]
    public void Key_written_with_split_identifiers_uses_the_same_precedence()
    {
        var verdict = Judging.Check("2*x*y^3", "2xy^3", Variables);

        Assert.Equal(Outcome.Correct, verdict.Outcome);
    }

    [Theory]
    [InlineData("xq^2", 0)]
    [InlineData("2xw", 1)]
    public void A_run_with_an_undeclared_piece_is_an_unknown_variable_at_the_run(string input, int position)
    {
        var verdict = Judging.Check(input, "0", Variables);

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.UnknownVariable, verdict.Reason);
        Assert.Equal(position, verdict.Position);
    }

    [Fact]
    public void Readings_of_split_identifiers_parse_back_to_the_same_expression()
    {
        foreach (var input in new[] { "2xy^3", "xe^y - pix^2", "e^xy", "sin xy" })
        {
            var reading = Judging.Judge.Judge(input, Judging.Key("0", Variables)).Reading!;

            var verdict = Judging.Judge.Judge(reading, Judging.Key(input, Variables));

            Assert.True(verdict.Outcome == Outcome.Correct, $"{input} → {reading}: {verdict.Reason} {verdict.Message}");
        }
    }
}
