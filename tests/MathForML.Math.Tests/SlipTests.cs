namespace MathForML.Math.Tests;

public sealed class SlipTests
{
    [Theory]
    [InlineData("-0.25", "1/4", ReasonCodes.SignError)]
    [InlineData("-sqrt(2)/2", "sqrt(2)/2", ReasonCodes.SignError)]
    [InlineData("3", "-3", ReasonCodes.SignError)]
    [InlineData("2.5", "0.25", ReasonCodes.OffByPowerOfTen)]
    [InlineData("0.025", "0.25", ReasonCodes.OffByPowerOfTen)]
    [InlineData("2500", "0.25", ReasonCodes.OffByPowerOfTen)]
    [InlineData("314.2", "pi", ReasonCodes.OffByPowerOfTen)]
    [InlineData("4", "1/4", ReasonCodes.Reciprocal)]
    [InlineData("3/2", "2/3", ReasonCodes.Reciprocal)]
    [InlineData("0.3", "0.25", ReasonCodes.Incorrect)]
    [InlineData("0", "0.25", ReasonCodes.Incorrect)]
    [InlineData("1", "-1", ReasonCodes.SignError)]
    public void Common_slips_are_named(string input, string expected, string reason)
    {
        var verdict = Judging.Check(input, expected);

        Assert.Equal(Outcome.Incorrect, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(0, verdict.Score);
    }

    [Theory]
    [InlineData("2/4", ReasonCodes.FractionNotReduced, Outcome.Incorrect)]
    [InlineData("1/2", ReasonCodes.Correct, Outcome.Correct)]
    [InlineData("0.5", ReasonCodes.Correct, Outcome.Correct)]
    [InlineData("-2/-4", ReasonCodes.FractionNotReduced, Outcome.Incorrect)]
    [InlineData("-1/-2", ReasonCodes.Correct, Outcome.Correct)]
    public void Unreduced_fraction_is_caught_when_reduced_form_is_required(string input, string reason, Outcome outcome)
    {
        var verdict = Judging.Check(input, "1/2", new AnswerOptions { RequireReduced = true });

        Assert.Equal(outcome, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Unreduced_fraction_message_quotes_the_members_fraction()
    {
        var verdict = Judging.Check("4/2", "2", new AnswerOptions { RequireReduced = true });

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerMessages.FractionNotReduced, "4/2"), verdict.Message);
    }

    [Fact]
    public void Unreduced_fraction_is_fine_when_not_required()
    {
        Assert.Equal(Outcome.Correct, Judging.Check("2/4", "1/2").Outcome);
    }

    [Theory]
    [InlineData("45", "pi/4", AngleUnit.Radians, ReasonCodes.DegreesInsteadOfRadians)]
    [InlineData("30", "pi/6", AngleUnit.Radians, ReasonCodes.DegreesInsteadOfRadians)]
    [InlineData("pi/4", "45", AngleUnit.Degrees, ReasonCodes.RadiansInsteadOfDegrees)]
    [InlineData("0.5236", "30", AngleUnit.Degrees, ReasonCodes.RadiansInsteadOfDegrees)]
    public void Degrees_versus_radians_is_named_for_angle_answers(string input, string expected, AngleUnit unit, string reason)
    {
        var options = new AnswerOptions { AngleUnit = unit, AnswerIsAngle = true };

        var verdict = Judging.Check(input, expected, options);

        Assert.Equal(Outcome.Incorrect, verdict.Outcome);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Degree_sign_converts_to_the_problem_unit()
    {
        var options = new AnswerOptions { AnswerIsAngle = true };

        Assert.Equal(Outcome.Correct, Judging.Check("45°", "pi/4", options).Outcome);
        Assert.Equal(Outcome.Correct, Judging.Check(@"45^\circ", "pi/4", options).Outcome);
        Assert.Equal(Outcome.Correct, Judging.Check("45°", "45", options with { AngleUnit = AngleUnit.Degrees }).Outcome);
    }

    [Theory]
    [InlineData("sin(30)", "1/2", AngleUnit.Radians, ReasonCodes.TrigArgumentInDegrees)]
    [InlineData("cos(pi/3)", "1/2", AngleUnit.Degrees, ReasonCodes.TrigArgumentInRadians)]
    public void Trig_arguments_in_the_wrong_unit_are_named(string input, string expected, AngleUnit unit, string reason)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { AngleUnit = unit });

        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Trig_in_degrees_mode_is_exact_at_special_angles()
    {
        var options = new AnswerOptions { AngleUnit = AngleUnit.Degrees, Mode = ComparisonMode.Exact };

        Assert.Equal(Outcome.Correct, Judging.Check("sin(30)", "1/2", options).Outcome);
        Assert.Equal(Outcome.Correct, Judging.Check("asin(1/2)", "30", options).Outcome);
    }

    [Fact]
    public void A_slip_in_every_entry_of_a_vector_is_named()
    {
        var verdict = Judging.Check("[-1, -2]", "[1, 2]");

        Assert.Equal(ReasonCodes.SignError, verdict.Reason);
    }

    [Fact]
    public void A_slip_in_an_expression_of_variables_is_named()
    {
        var verdict = Judging.Check("-2x", "2x", new AnswerOptions { Variables = ["x"] });

        Assert.Equal(ReasonCodes.SignError, verdict.Reason);
    }
}
