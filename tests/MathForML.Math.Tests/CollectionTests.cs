namespace MathForML.Math.Tests;

public sealed class CollectionTests
{
    [Theory]
    [InlineData("[1, 2, 3]", "[1, 2, 3]", Outcome.Correct, ReasonCodes.Correct, 1.0)]
    [InlineData("[1, 2, 4]", "[1, 2, 3]", Outcome.Incorrect, ReasonCodes.SomeEntriesIncorrect, 2.0 / 3)]
    [InlineData("[3, 2, 1]", "[1, 2, 3]", Outcome.Incorrect, ReasonCodes.SomeEntriesIncorrect, 1.0 / 3)]
    [InlineData("[1, 2]", "[1, 2, 3]", Outcome.Incorrect, ReasonCodes.WrongLength, 0.0)]
    [InlineData("[[1, 0], [0, 1]]", "[[1, 0], [0, 1]]", Outcome.Correct, ReasonCodes.Correct, 1.0)]
    [InlineData("[[1, 0], [0, 2]]", "[[1, 0], [0, 1]]", Outcome.Incorrect, ReasonCodes.SomeEntriesIncorrect, 0.75)]
    [InlineData("[[1, 0, 0], [0, 1, 0]]", "[[1, 0], [0, 1]]", Outcome.Incorrect, ReasonCodes.WrongShape, 0.0)]
    [InlineData("[1, 0, 0, 1]", "[[1, 0], [0, 1]]", Outcome.Invalid, ReasonCodes.WrongKind, 0.0)]
    [InlineData("{3, 2}", "{2, 3}", Outcome.Correct, ReasonCodes.Correct, 1.0)]
    [InlineData("{2, 4}", "{2, 3}", Outcome.Incorrect, ReasonCodes.SomeEntriesIncorrect, 0.5)]
    [InlineData("{2}", "{2, 3}", Outcome.Incorrect, ReasonCodes.WrongLength, 0.5)]
    [InlineData("{2, 3, 4}", "{2, 3}", Outcome.Incorrect, ReasonCodes.WrongLength, 2.0 / 3)]
    [InlineData("(0, 1]", "(0, 1]", Outcome.Correct, ReasonCodes.Correct, 1.0)]
    [InlineData("[0, 1]", "(0, 1]", Outcome.Incorrect, ReasonCodes.WrongIntervalEnds, 0.75)]
    [InlineData("(0, 2]", "(0, 1]", Outcome.Incorrect, ReasonCodes.Incorrect, 0.75)]
    [InlineData("(-inf, 0)", "(-∞, 0)", Outcome.Correct, ReasonCodes.Correct, 1.0)]
    [InlineData("(0, 1)", "(0, 1)", Outcome.Correct, ReasonCodes.Correct, 1.0)]
    [InlineData("DNE", "[1, 2]", Outcome.Incorrect, ReasonCodes.Incorrect, 0.0)]
    [InlineData("3", "DNE", Outcome.Incorrect, ReasonCodes.Incorrect, 0.0)]
    public void Collections_compare_shape_first_then_each_entry(string input, string expected, Outcome outcome, string reason, double score)
    {
        var verdict = Judging.Check(input, expected);

        Assert.True(outcome == verdict.Outcome && reason == verdict.Reason, $"{verdict.Outcome} {verdict.Reason} {verdict.Message}");
        Assert.Equal(score, verdict.Score, 9);
    }

    [Fact]
    public void Entries_use_the_problems_comparison_rule()
    {
        var verdict = Judging.Check("[0.3333, 0.6667]", "[1/3, 2/3]");

        Assert.Equal(Outcome.Correct, verdict.Outcome);
    }

    [Fact]
    public void Unordered_lists_match_as_multisets()
    {
        var options = new AnswerOptions { Ordered = false };

        Assert.Equal(Outcome.Correct, Judging.Check("[3, 1, 2]", "[1, 2, 3]", options).Outcome);
        Assert.Equal(Outcome.Incorrect, Judging.Check("[1, 1, 2]", "[1, 2, 2]", options).Outcome);
    }

    [Fact]
    public void Without_partial_credit_a_partly_right_answer_scores_zero()
    {
        var verdict = Judging.Check("[1, 2, 4]", "[1, 2, 3]", new AnswerOptions { PartialCredit = false });

        Assert.Equal(Outcome.Incorrect, verdict.Outcome);
        Assert.Equal(0, verdict.Score);
    }

    [Fact]
    public void Partial_message_counts_only_the_members_entries()
    {
        var verdict = Judging.Check("[1, 2, 4]", "[1, 2, 3]");

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerMessages.SomeEntriesIncorrect, 2, 3), verdict.Message);
    }

    [Fact]
    public void A_bracket_or_paren_pair_is_read_as_an_interval_when_an_interval_is_expected()
    {
        var closedPair = Judging.Check("[0, 1]", "[0, 1)");
        var openPair = Judging.Check("(0, 1)", "(0, 1]");

        Assert.Equal(ReasonCodes.WrongIntervalEnds, closedPair.Reason);
        Assert.Equal(ReasonCodes.WrongIntervalEnds, openPair.Reason);
        Assert.Equal(0.75, openPair.Score);
        Assert.Equal(Outcome.Correct, Judging.Check("(0, 1)", "(0, 1)").Outcome);
    }
}
