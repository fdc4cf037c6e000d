using System.Diagnostics;

namespace MathForML.Math.Tests;

public sealed class LimitTests
{
    public static TheoryData<string, string> LimitCases() => new()
    {
        { "9^9^9^9", ReasonCodes.ExponentTooLarge },
        { "2^100000", ReasonCodes.ExponentTooLarge },
        { "10^5000", ReasonCodes.NumberTooLarge },
        { "(2^4000)*(2^4000)", ReasonCodes.NumberTooLarge },
        { "1e999", ReasonCodes.ExponentTooLarge },
        { "1e-99999999999", ReasonCodes.ExponentTooLarge },
        { "e^1000", ReasonCodes.NumberTooLarge },
        { "exp(1000)", ReasonCodes.NumberTooLarge },
        { "1000000!", ReasonCodes.FactorialTooLarge },
        { "171!", ReasonCodes.FactorialTooLarge },
        { new string('(', 200) + "1" + new string(')', 200), ReasonCodes.NestingTooDeep },
        { new string('-', 300) + "1", ReasonCodes.NestingTooDeep },
        { "2" + string.Concat(Enumerable.Repeat("^2", 100)), ReasonCodes.NestingTooDeep },
        { new string('1', 1001), ReasonCodes.InputTooLong },
        { new string('7', 1_000_000), ReasonCodes.InputTooLong },
        { "[" + string.Join(",", Enumerable.Range(0, 101)) + "]", ReasonCodes.ListTooLong },
        { "[" + string.Join(",", Enumerable.Range(0, 13).Select(_ => "[" + string.Join(",", Enumerable.Range(0, 13)) + "]")) + "]", ReasonCodes.MatrixTooLarge },
        { "170!^30", ReasonCodes.NumberTooLarge },
        { "choose(4096, 2048)", ReasonCodes.TooMuchWork },
        { "sqrt(3^2000 + 1)", ReasonCodes.NumberTooLarge },
        { string.Join("*", Enumerable.Repeat("170!", 40)), ReasonCodes.NumberTooLarge },
    };

    [Theory]
    [MemberData(nameof(LimitCases))]
    public void Each_limit_gives_an_invalid_verdict_quickly(string input, string reason)
    {
        // The first call pays for JIT compilation; the timed second call measures the input's own cost.
        var key = Judging.Key("1");
        Judging.Judge.Judge(input, key);
        var stopwatch = Stopwatch.StartNew();
        var verdict = Judging.Judge.Judge(input, key);
        stopwatch.Stop();

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.True(stopwatch.ElapsedMilliseconds < 200, $"took {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Input_too_long_message_gives_the_length_and_the_limit()
    {
        var verdict = Judging.Check(new string('1', MathLimits.MaxInputLength + 5), "1");

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerMessages.InputTooLong, MathLimits.MaxInputLength + 5, MathLimits.MaxInputLength), verdict.Message);
    }

    [Fact]
    public void Input_at_the_length_limit_is_still_read()
    {
        var input = "1" + string.Concat(Enumerable.Repeat("+1", (MathLimits.MaxInputLength - 1) / 2));

        Assert.True(input.Length <= MathLimits.MaxInputLength);
        Assert.Equal(Outcome.Correct, Judging.Check(input, ((MathLimits.MaxInputLength + 1) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).Outcome);
    }

    [Fact]
    public void Nesting_at_the_depth_limit_is_still_read()
    {
        var depth = MathLimits.MaxNestingDepth - 2;
        var input = new string('(', depth) + "1" + new string(')', depth);

        Assert.Equal(Outcome.Correct, Judging.Check(input, "1").Outcome);
    }

    [Fact]
    public void Factorial_at_the_limit_is_computed_exactly()
    {
        Assert.Equal(Outcome.Correct, Judging.Check($"{MathLimits.MaxFactorialArgument}!/{MathLimits.MaxFactorialArgument - 1}!", MathLimits.MaxFactorialArgument.ToString(System.Globalization.CultureInfo.InvariantCulture)).Outcome);
    }

    [Fact]
    public void A_big_factorial_within_the_limit_is_an_ordinary_wrong_answer()
    {
        Assert.Equal(Outcome.Incorrect, Judging.Check("(5!)!", "1").Outcome);
    }

    [Fact]
    public void Exponent_at_the_limit_of_a_small_base_is_computed()
    {
        Assert.Equal(Outcome.Correct, Judging.Check("(1/2)^4000 * 2^4000", "1").Outcome);
        Assert.Equal(Outcome.Correct, Judging.Check($"1^{MathLimits.MaxExponent * 100}", "1").Outcome);
    }

    [Fact]
    public void Evaluation_work_is_bounded()
    {
        var input = string.Join("+", Enumerable.Repeat("170!", 140));

        var verdict = Judging.Check(input, "1");

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.TooMuchWork, verdict.Reason);
        Assert.Equal(AnswerMessages.TooMuchWork, verdict.Message);
    }

    [Fact]
    public void Running_out_of_work_at_any_point_of_an_expression_is_invalid_never_an_exception()
    {
        // Padding shifts where the budget runs out, so it lands on every kind of node at least once.
        var prefix = string.Join("+", Enumerable.Repeat("170!", 110));
        for (var padding = 0; padding < 250; padding++)
        {
            var input = prefix + string.Concat(Enumerable.Repeat("+1", padding)) + "+1.2*10^3+sqrt(8)+[1,2]*3";
            var verdict = Judging.Check(input[..int.Min(input.Length, MathLimits.MaxInputLength)], "1");

            Assert.Equal(Outcome.Invalid, verdict.Outcome);
        }
    }
}
