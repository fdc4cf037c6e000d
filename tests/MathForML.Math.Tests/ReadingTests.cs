namespace MathForML.Math.Tests;

public sealed class ReadingTests
{
    [Theory]
    [InlineData("1/2x", "1/(2·x)", true)]
    [InlineData("1/(2x)", "1/(2·x)", false)]
    [InlineData("(1/2)x", "1/2·x", false)]
    [InlineData("1/2 x", "1/(2·x)", true)]
    [InlineData("1/2pi", "1/(2·π)", true)]
    [InlineData("e^2x", "e^2·x", true)]
    [InlineData("e^(2x)", "e^(2·x)", false)]
    [InlineData("sin x^2", "sin(x^2)", false)]
    [InlineData("sin 2x", "sin(2)·x", true)]
    [InlineData("4 1/2", "(4 + 1/2)", true)]
    [InlineData("-3^2", "-3^2", false)]
    [InlineData("2^-1", "2^(-1)", false)]
    [InlineData("2^3^2", "2^3^2", false)]
    [InlineData("(2^3)^2", "(2^3)^2", false)]
    [InlineData("1.2×10^3", "1.2·10^3", false)]
    [InlineData(@"\frac{1}{2+x}", "1/(2 + x)", false)]
    [InlineData("a - (b - c)", "a - (b - c)", false)]
    [InlineData("|x|", "|x|", false)]
    [InlineData("[1, 2]", "[1, 2]", false)]
    [InlineData("(0, 1]", "(0, 1]", false)]
    [InlineData("{1, 2}", "{1, 2}", false)]
    [InlineData("x², 25%, 3!", "x^2, 25%, 3!", false)]
    public void Input_is_read_in_one_normal_form_and_ambiguity_is_flagged(string input, string reading, bool ambiguous)
    {
        var key = Judging.Key("0", new AnswerOptions { Variables = ["x", "a", "b", "c"] });

        var verdict = Judging.Judge.Judge(input, key);

        Assert.Equal(reading, verdict.Reading);
        Assert.Equal(ambiguous, verdict.IsAmbiguous);
    }

    [Fact]
    public void Ambiguous_correct_answer_says_how_it_was_read()
    {
        var verdict = Judging.Check("1/2pi", "1/(2pi)");
        var ambiguous = Judging.Check("1/2x", "1/(2x)", new AnswerOptions { Variables = ["x"] });

        Assert.Equal(Outcome.Correct, verdict.Outcome);
        Assert.Equal(Outcome.Correct, ambiguous.Outcome);
        Assert.True(ambiguous.IsAmbiguous);
        Assert.Equal("1/(2·x)", ambiguous.Reading);
        Assert.StartsWith(AnswerMessages.Correct + " Note: ", ambiguous.Message, StringComparison.Ordinal);
        Assert.Contains("'1/2x' was read as 1/(2·x)", ambiguous.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1/2x")]
    [InlineData("e^2x + 4 1/2 - sin x^2")]
    [InlineData("[x², 25%, 30°, |x - 1|, (0, 1], {1, 2}, DNE]")]
    [InlineData(@"\frac{\sqrt[3]{x}}{2} ⋅ ∞ − ½")]
    public void Readings_parse_back_to_the_same_value(string input)
    {
        var options = new AnswerOptions { Variables = ["x"] };
        var reading = Judging.Judge.Judge(input, Judging.Key("0", options)).Reading!;

        var verdict = Judging.Judge.Judge(reading, Judging.Key(input, options));

        Assert.True(verdict.Outcome == Outcome.Correct, $"{reading}: {verdict.Reason} {verdict.Message}");
    }

    [Fact]
    public void Mixed_number_reading_is_explained_even_when_wrong()
    {
        var verdict = Judging.Check("4 1/2", "2");

        Assert.Equal(Outcome.Incorrect, verdict.Outcome);
        Assert.True(verdict.IsAmbiguous);
        Assert.Contains("mixed number (4 + 1/2)", verdict.Message, StringComparison.Ordinal);
    }
}
