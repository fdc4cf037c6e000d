namespace MathForML.Math.Tests;

public sealed class ComparisonModeTests
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Theory]
    // Auto: exact where both sides are exact and written without decimals; else 0.1% relative
    [InlineData("1/3", "2/6", ComparisonMode.Auto, Outcome.Correct)]
    [InlineData("0.3333", "1/3", ComparisonMode.Auto, Outcome.Correct)]
    [InlineData("0.33", "1/3", ComparisonMode.Auto, Outcome.Incorrect)]
    [InlineData("1.414", "sqrt(2)", ComparisonMode.Auto, Outcome.Correct)]
    [InlineData("2.718", "e", ComparisonMode.Auto, Outcome.Correct)]
    [InlineData("2.71", "e", ComparisonMode.Auto, Outcome.Incorrect)]
    [InlineData("1/3", "0.33333", ComparisonMode.Auto, Outcome.Correct)]
    // Exact
    [InlineData("2/6", "1/3", ComparisonMode.Exact, Outcome.Correct)]
    [InlineData("0.3333", "1/3", ComparisonMode.Exact, Outcome.Incorrect)]
    [InlineData("e^2", "exp(2)", ComparisonMode.Exact, Outcome.Correct)]
    // Relative (default 0.1%)
    [InlineData("100.09", "100", ComparisonMode.Relative, Outcome.Correct)]
    [InlineData("100.2", "100", ComparisonMode.Relative, Outcome.Incorrect)]
    [InlineData("1e-10", "0", ComparisonMode.Relative, Outcome.Correct)]
    [InlineData("1e-8", "0", ComparisonMode.Relative, Outcome.Incorrect)]
    public void Modes_decide_as_documented(string input, string expected, ComparisonMode mode, Outcome outcome)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { Mode = mode });

        Assert.True(outcome == verdict.Outcome, $"{verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Theory]
    [InlineData("3.05", Outcome.Correct)]
    [InlineData("2.95", Outcome.Correct)]
    [InlineData("3.2", Outcome.Incorrect)]
    public void Absolute_tolerance_is_a_fixed_window(string input, Outcome outcome)
    {
        var options = new AnswerOptions { Mode = ComparisonMode.Absolute, AbsoluteTolerance = 0.05 };

        Assert.Equal(outcome, Judging.Check(input, "3", options).Outcome);
    }

    [Theory]
    [InlineData("0.5", "0.51", 0.05, Outcome.Correct)]
    [InlineData("0.5", "0.6", 0.05, Outcome.Incorrect)]
    public void Relative_tolerance_option_is_used(string input, string expected, double tolerance, Outcome outcome)
    {
        var options = new AnswerOptions { Mode = ComparisonMode.Relative, RelativeTolerance = tolerance };

        Assert.Equal(outcome, Judging.Check(input, expected, options).Outcome);
    }

    [Fact]
    public void Absolute_floor_widens_relative_tolerance_near_zero()
    {
        var options = new AnswerOptions { Mode = ComparisonMode.Relative, AbsoluteFloor = 0.01 };

        Assert.Equal(Outcome.Correct, Judging.Check("0.005", "0", options).Outcome);
        Assert.Equal(Outcome.Incorrect, Judging.Check("0.02", "0", options).Outcome);
    }

    [Theory]
    [InlineData("3.14", "pi", 3, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("3.142", "pi", 3, Outcome.Incorrect, ReasonCodes.TooManySignificantFigures)]
    [InlineData("3.1", "pi", 3, Outcome.Incorrect, ReasonCodes.TooFewSignificantFigures)]
    [InlineData("3.15", "pi", 3, Outcome.Incorrect, ReasonCodes.Incorrect)]
    [InlineData("0.00120", "0.0012", 3, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("0.0012", "0.0012", 3, Outcome.Incorrect, ReasonCodes.TooFewSignificantFigures)]
    [InlineData("1.20e-3", "0.0012", 3, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("1.20×10^-3", "0.0012", 3, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("100", "99.96", 3, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("100", "99.96", 1, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("100.", "99.96", 3, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("100.0", "99.96", 3, Outcome.Incorrect, ReasonCodes.TooManySignificantFigures)]
    [InlineData("-3.14", "-pi", 3, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("-3.14", "pi", 3, Outcome.Incorrect, ReasonCodes.SignError)]
    [InlineData("31.4", "pi", 3, Outcome.Incorrect, ReasonCodes.OffByPowerOfTen)]
    public void Significant_figures_are_counted_from_the_raw_digits(string input, string expected, int figures, Outcome outcome, string reason)
    {
        var options = new AnswerOptions { Mode = ComparisonMode.SignificantFigures, SignificantFigures = figures };

        var verdict = Judging.Check(input, expected, options);

        Assert.True(outcome == verdict.Outcome && reason == verdict.Reason, $"{verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Fact]
    public void Significant_figures_message_names_required_and_given_counts()
    {
        var options = new AnswerOptions { Mode = ComparisonMode.SignificantFigures, SignificantFigures = 3 };

        var verdict = Judging.Check("3.1", "pi", options);

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerMessages.TooFewSignificantFigures, 3, "2"), verdict.Message);
    }

    [Theory]
    [InlineData("1/3")]
    [InlineData("pi")]
    [InlineData("4 1/2")]
    public void Rounded_modes_require_a_decimal_literal(string input)
    {
        var options = new AnswerOptions { Mode = ComparisonMode.SignificantFigures, SignificantFigures = 3 };

        var verdict = Judging.Check(input, "0.333", options);

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.DecimalNumberRequired, verdict.Reason);
    }

    [Theory]
    [InlineData("2.72", 2, Outcome.Correct, ReasonCodes.Correct)]
    [InlineData("2.7", 2, Outcome.Incorrect, ReasonCodes.TooFewDecimalPlaces)]
    [InlineData("2.718", 2, Outcome.Incorrect, ReasonCodes.TooManyDecimalPlaces)]
    [InlineData("2.73", 2, Outcome.Incorrect, ReasonCodes.Incorrect)]
    [InlineData("3", 0, Outcome.Correct, ReasonCodes.Correct)]
    public void Decimal_places_are_counted_from_the_raw_digits(string input, int places, Outcome outcome, string reason)
    {
        var options = new AnswerOptions { Mode = ComparisonMode.DecimalPlaces, DecimalPlaces = places };

        var verdict = Judging.Check(input, "e", options);

        Assert.True(outcome == verdict.Outcome && reason == verdict.Reason, $"{verdict.Outcome} {verdict.Reason} {verdict.Message}");
    }

    [Fact]
    public void Rounding_ties_accept_either_neighbour()
    {
        var options = new AnswerOptions { Mode = ComparisonMode.DecimalPlaces, DecimalPlaces = 1 };

        Assert.Equal(Outcome.Correct, Judging.Check("0.2", "0.25", options).Outcome);
        Assert.Equal(Outcome.Correct, Judging.Check("0.3", "0.25", options).Outcome);
    }

    [Theory]
    [InlineData(ComparisonMode.Absolute, "absoluteTolerance")]
    [InlineData(ComparisonMode.SignificantFigures, "significantFigures")]
    [InlineData(ComparisonMode.DecimalPlaces, "decimalPlaces")]
    public void Mode_without_its_option_is_a_key_failure(ComparisonMode mode, string option)
    {
        var result = AnswerKey.Create("1", new AnswerOptions { Mode = mode });

        Assert.False(result.IsSuccess);
        Assert.Equal(ReasonCodes.InvalidOption, result.Reason);
        Assert.Contains(option, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, null, null)]
    [InlineData(0.001, 0, null)]
    [InlineData(0.001, null, 16)]
    public void Out_of_range_options_are_key_failures(double relative, int? figures, int? places)
    {
        var options = new AnswerOptions { RelativeTolerance = relative, SignificantFigures = figures, DecimalPlaces = places };

        Assert.Equal(ReasonCodes.InvalidOption, AnswerKey.Create("1", options).Reason);
    }

    [Theory]
    [InlineData("pi")]
    [InlineData("sqrt")]
    [InlineData("2x")]
    public void Reserved_or_malformed_variable_names_are_key_failures(string name)
    {
        Assert.Equal(ReasonCodes.InvalidOption, AnswerKey.Create("1", new AnswerOptions { Variables = [name] }).Reason);
    }

    [Fact]
    public void Options_deserialize_from_camel_case_json_with_enum_names()
    {
        const string json = """
            {"mode":"significantFigures","relativeTolerance":0.01,"absoluteTolerance":0.5,"absoluteFloor":1e-6,
             "significantFigures":3,"decimalPlaces":2,"ordered":false,"requireReduced":true,"variables":["x","y"],
             "partialCredit":false,"angleUnit":"degrees","answerIsAngle":true}
            """;

        var options = System.Text.Json.JsonSerializer.Deserialize<AnswerOptions>(json, WebJson)!;

        Assert.Equal(ComparisonMode.SignificantFigures, options.Mode);
        Assert.Equal(0.01, options.RelativeTolerance);
        Assert.Equal(0.5, options.AbsoluteTolerance);
        Assert.Equal(1e-6, options.AbsoluteFloor);
        Assert.Equal(3, options.SignificantFigures);
        Assert.Equal(2, options.DecimalPlaces);
        Assert.False(options.Ordered);
        Assert.True(options.RequireReduced);
        Assert.Equal(["x", "y"], options.Variables);
        Assert.False(options.PartialCredit);
        Assert.Equal(AngleUnit.Degrees, options.AngleUnit);
        Assert.True(options.AnswerIsAngle);
    }

    [Fact]
    public void Verdict_serializes_with_camel_case_names_and_outcome_as_a_name()
    {
        var verdict = Judging.Check("1/4", "0.25");

        var json = System.Text.Json.JsonSerializer.Serialize(verdict, WebJson);

        Assert.Contains("\"outcome\":\"correct\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"correct\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reading\":\"1/4\"", json, StringComparison.Ordinal);
        Assert.Contains("\"isAmbiguous\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"score\":1", json, StringComparison.Ordinal);
    }
}
