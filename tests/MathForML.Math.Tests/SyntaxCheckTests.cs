namespace MathForML.Math.Tests;

/// <summary>
/// <see cref="AnswerJudge.CheckSyntax"/>: input malformed whatever the key is refused without one; anything a key could
/// read is left to <see cref="AnswerJudge.Judge"/>. Every refusal must agree with what a real key says.
/// </summary>
public sealed class SyntaxCheckTests
{
    public static TheoryData<string, string> Malformed => new()
    {
        { "1/+", ReasonCodes.MissingOperand },
        { "(1+2", ReasonCodes.MissingCloseParen },
        { "[1, 2", ReasonCodes.MissingCloseBracket },
        { "1+2)", ReasonCodes.UnmatchedClose },
        { "", ReasonCodes.EmptyInput },
        { "3 @ 4", ReasonCodes.UnexpectedCharacter },
        { "[1, 0; 0, 1]", ReasonCodes.UnexpectedCharacter }, // no key reads ';' rows
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Input_malformed_for_any_key_is_refused_with_its_reason(string input, string reason)
    {
        var verdict = Judging.Judge.CheckSyntax(input);

        Assert.NotNull(verdict);
        Assert.Equal((Outcome.Invalid, reason), (verdict.Outcome, verdict.Reason));
    }

    [Theory]
    [InlineData("1/4")]
    [InlineData("x + 1")]          // readable when the key has x
    [InlineData("2x")]             // implicit product with a variable
    [InlineData("theta^2")]
    [InlineData("x^")]             // malformed, but the unknown x is reported first without a key: left to the judge
    [InlineData("sqrt(2)/2")]
    [InlineData("1/0")]            // readable; only evaluating it fails
    [InlineData("foo(3)")]         // an unknown function is the key's business, not structure
    public void Input_some_key_could_read_is_left_to_the_judge(string input) =>
        Assert.Null(Judging.Judge.CheckSyntax(input));

    public static TheoryData<string, string[]> Keys => new()
    {
        { "1/4", [] },
        { "[1, 2, 3]", [] },
        { "x^2 + 1", ["x"] },
        { "a*b", ["a", "b"] },
        { "[[1, 0], [0, 1]]", [] },
        { "sin(theta)", ["theta"] },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Whatever_the_key_a_refused_input_is_invalid_there_too_with_the_same_reason(string expected, string[] variables)
    {
        var key = Judging.Key(expected, new AnswerOptions { Variables = variables });
        string[] inputs = ["1/+", "(1+2", "[1, 2", "1+2)", "", "x^", "3 @ 4", "[1, 0; 0, 1]", "((x)", "x+*2", "]", "1,,2", "sin(", "a/(b", "| x"];
        foreach (var input in inputs)
        {
            if (Judging.Judge.CheckSyntax(input) is { } refused)
            {
                var judged = Judging.Judge.Judge(input, key);
                Assert.Equal((Outcome.Invalid, refused.Reason), (judged.Outcome, judged.Reason));
            }
        }
    }
}
