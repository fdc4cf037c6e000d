namespace MathForML.Math.Tests;

public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("1/(2+3", ReasonCodes.MissingCloseParen, 5)]
    [InlineData("(1+2", ReasonCodes.MissingCloseParen, 3)]
    [InlineData("(1+2   ", ReasonCodes.MissingCloseParen, 3)]
    [InlineData("[1, 2", ReasonCodes.MissingCloseBracket, 4)]
    [InlineData("{1, 2", ReasonCodes.MissingCloseBrace, 4)]
    [InlineData("|1 - 2", ReasonCodes.MissingCloseBar, 5)]
    [InlineData("(1]", ReasonCodes.MissingCloseParen, 2)]
    [InlineData("1+2)", ReasonCodes.UnmatchedClose, 3)]
    [InlineData("]", ReasonCodes.UnmatchedClose, 0)]
    [InlineData("1+", ReasonCodes.MissingOperand, 1)]
    [InlineData("2*", ReasonCodes.MissingOperand, 1)]
    [InlineData("1 + * 2", ReasonCodes.MissingOperand, 2)]
    [InlineData("*2", ReasonCodes.MissingOperand, 0)]
    [InlineData("()", ReasonCodes.MissingOperand, 0)]
    [InlineData("2^", ReasonCodes.MissingOperand, 1)]
    [InlineData("1 2", ReasonCodes.MissingOperator, 2)]
    [InlineData("2^3 4", ReasonCodes.MissingOperator, 4)]
    [InlineData("4 3/2", ReasonCodes.MissingOperator, 2)]
    [InlineData("1 # 2", ReasonCodes.UnexpectedCharacter, 2)]
    [InlineData("2 = 2", ReasonCodes.UnexpectedCharacter, 2)]
    [InlineData("foo(2)", ReasonCodes.UnknownFunction, 0)]
    [InlineData("2y", ReasonCodes.UnknownVariable, 1)]
    [InlineData("sqrt()", ReasonCodes.MissingFunctionArgument, 0)]
    [InlineData("sqrt", ReasonCodes.MissingFunctionArgument, 0)]
    [InlineData("log(1, 2, 3)", ReasonCodes.WrongArgumentCount, 0)]
    [InlineData(@"\foo{2}", ReasonCodes.UnknownCommand, 0)]
    [InlineData(@"\frac{1}", ReasonCodes.MissingOperand, 7)]
    [InlineData("", ReasonCodes.EmptyInput, null)]
    [InlineData("   ", ReasonCodes.EmptyInput, null)]
    [InlineData("1/0", ReasonCodes.DivisionByZero, 1)]
    [InlineData("sqrt(-4)", ReasonCodes.NotARealNumber, 0)]
    [InlineData("ln(0)", ReasonCodes.OutOfDomain, 0)]
    [InlineData("(-8)^(1/2)", ReasonCodes.NotARealNumber, 4)]
    [InlineData("(-1.5)!", ReasonCodes.OutOfDomain, 6)]
    [InlineData("inf - inf", ReasonCodes.NotANumber, 4)]
    [InlineData("[[1, 2], [3]]", ReasonCodes.RaggedMatrix, 0)]
    [InlineData("tan(pi/2)", ReasonCodes.OutOfDomain, 0)]
    public void Invalid_input_names_the_reason_and_where_it_broke(string input, string reason, int? position)
    {
        var verdict = Judging.Check(input, "1");

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(position, verdict.Position);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("1,000", 1)]
    [InlineData("12,345,678", 2)]
    public void Thousands_separators_are_explained_not_counted(string input, int position)
    {
        var verdict = Judging.Check(input, "1000");

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.ThousandsSeparator, verdict.Reason);
        Assert.Equal(position, verdict.Position);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerMessages.ThousandsSeparator, position), verdict.Message);
    }

    [Fact]
    public void A_list_of_three_digit_numbers_is_a_list_when_a_list_is_expected()
    {
        Assert.Equal(Outcome.Correct, Judging.Check("1,000", "[1, 0]").Outcome);
    }

    [Fact]
    public void Null_input_is_an_empty_answer()
    {
        var verdict = Judging.Judge.Judge(null, Judging.Key("1"));

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.EmptyInput, verdict.Reason);
        Assert.Equal(AnswerMessages.EmptyInput, verdict.Message);
    }

    [Fact]
    public void Evaluation_errors_keep_the_reading_of_the_input()
    {
        var verdict = Judging.Check("2/(1-1)", "1");

        Assert.Equal(ReasonCodes.DivisionByZero, verdict.Reason);
        Assert.Equal("2/(1 - 1)", verdict.Reading);
        Assert.Equal(1, verdict.Position);
    }

    [Fact]
    public void Missing_close_paren_message_points_at_both_ends()
    {
        var verdict = Judging.Check("1/(2+3", "1");

        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerMessages.MissingClose, ")", 5, "(", 2);
        Assert.Equal(expected, verdict.Message);
    }

    [Theory]
    [InlineData("[1, 2]", "3", ReasonCodes.WrongKind, AnswerMessages.WrongKindNumber)]
    [InlineData("3", "[1, 2]", ReasonCodes.WrongKind, AnswerMessages.WrongKindList)]
    [InlineData("[1, 2]", "{1, 2}", ReasonCodes.WrongKind, AnswerMessages.WrongKindSet)]
    [InlineData("3", "(0, 1]", ReasonCodes.WrongKind, AnswerMessages.WrongKindInterval)]
    [InlineData("1, 2", "3", ReasonCodes.WrongKind, AnswerMessages.WrongKindNumber)]
    public void Wrong_kind_of_answer_is_invalid_not_a_wrong_attempt(string input, string expected, string reason, string message)
    {
        var verdict = Judging.Check(input, expected);

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(message, verdict.Message);
    }

    [Theory]
    [InlineData("1/(2", ReasonCodes.MissingCloseParen, 3)]
    [InlineData("1/0", ReasonCodes.DivisionByZero, 1)]
    [InlineData("y + 1", ReasonCodes.UnknownVariable, 0)]
    public void Malformed_key_is_a_failure_value_with_position(string expected, string reason, int position)
    {
        var result = AnswerKey.Create(expected, AnswerOptions.Default);

        Assert.False(result.IsSuccess);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(position, result.Position);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }
}
