namespace MathForML.Math.Tests;

public sealed class SyntaxTests
{
    [Theory]
    // integers, decimals, scientific notation
    [InlineData("42", "42")]
    [InlineData("0.25", "1/4")]
    [InlineData(".25", "1/4")]
    [InlineData("1.2e3", "1200")]
    [InlineData("1.2E3", "1200")]
    [InlineData("1.2e-3", "0.0012")]
    [InlineData("1.2×10^3", "1200")]
    [InlineData("1.2*10^3", "1200")]
    [InlineData("1.2x10^3", "1200")]
    [InlineData("1.2 x 10^3", "1200")]
    [InlineData("3.2e-3", "0.0032")]
    [InlineData("1.2·10⁻³", "0.0012")]
    // fractions, mixed numbers, percentages
    [InlineData("1/4", "0.25")]
    [InlineData("4 1/2", "9/2")]
    [InlineData("-4 1/2", "-9/2")]
    [InlineData("25%", "1/4")]
    [InlineData("½", "1/2")]
    [InlineData("2¾", "3/2")]
    [InlineData("12.5%", "1/8")]
    // constants
    [InlineData("pi", "π")]
    [InlineData("π/4", "pi/4")]
    [InlineData("e", "exp(1)")]
    [InlineData("inf", "∞")]
    [InlineData("-∞", "-inf")]
    // operators and precedence
    [InlineData("2+3*4", "14")]
    [InlineData("2**3", "8")]
    [InlineData("-3^2", "-9")]
    [InlineData("(-3)^2", "9")]
    [InlineData("2^3^2", "512")]
    [InlineData("2^-1", "1/2")]
    [InlineData("10-4-3", "3")]
    [InlineData("8/4/2", "1")]
    [InlineData("2*-3", "-6")]
    [InlineData("5!", "120")]
    [InlineData("3!^2", "36")]
    // implicit multiplication
    [InlineData("2pi", "2*pi")]
    [InlineData("2(3+1)", "8")]
    [InlineData("2 sqrt(3)", "sqrt(12)")]
    [InlineData("(1+1)(2+1)", "6")]
    [InlineData("1/2pi", "1/(2*pi)")]
    // functions
    [InlineData("sqrt(8)", "2 sqrt(2)")]
    [InlineData("sqrt(2)/2", "1/sqrt(2)")]
    [InlineData("cbrt(27)", "3")]
    [InlineData("root(16, 4)", "2")]
    [InlineData("exp(0)", "1")]
    [InlineData("ln(e)", "1")]
    [InlineData("log(e^2)", "2")]
    [InlineData("log10(1000)", "3")]
    [InlineData("log2(8)", "3")]
    [InlineData("log(8, 2)", "3")]
    [InlineData("abs(-3)", "3")]
    [InlineData("|-3|", "3")]
    [InlineData("|2 - |1 - 4||", "1")]
    [InlineData("sin(pi/6)", "1/2")]
    [InlineData("cos(pi/4)", "sqrt(2)/2")]
    [InlineData("tan(pi/3)", "sqrt(3)")]
    [InlineData("sec(0)", "1")]
    [InlineData("csc(pi/2)", "1")]
    [InlineData("cot(pi/4)", "1")]
    [InlineData("asin(1/2)", "pi/6")]
    [InlineData("arccos(0)", "pi/2")]
    [InlineData("atan(1)", "pi/4")]
    [InlineData("sinh(0)", "0")]
    [InlineData("cosh(0)", "1")]
    [InlineData("tanh(1)", "(e^2-1)/(e^2+1)")]
    [InlineData("asinh(0)", "0")]
    [InlineData("sin 0", "0")]
    // Unicode
    [InlineData("−2", "-2")]
    [InlineData("5 – 7", "-2")]
    [InlineData("‐2", "-2")]
    [InlineData("2×3", "6")]
    [InlineData("2·3", "6")]
    [InlineData("6÷3", "2")]
    [InlineData("√4", "2")]
    [InlineData("√(2)", "sqrt(2)")]
    [InlineData("2²", "4")]
    [InlineData("10⁻²", "0.01")]
    [InlineData("∛8", "2")]
    [InlineData("30°", "pi/6")]
    // LaTeX
    [InlineData(@"\frac{1}{4}", "0.25")]
    [InlineData(@"\dfrac{\pi}{4}", "pi/4")]
    [InlineData(@"\tfrac{1}{2}", "0.5")]
    [InlineData(@"\sqrt{8}", "2sqrt(2)")]
    [InlineData(@"\sqrt[3]{27}", "3")]
    [InlineData(@"2 \cdot 3", "6")]
    [InlineData(@"2 \times 3", "6")]
    [InlineData(@"\left( 1 + 2 \right)^{2}", "9")]
    [InlineData(@"e^{2}", "e^2")]
    [InlineData(@"$\frac{\sqrt{2}}{2}$", "sqrt(2)/2")]
    [InlineData(@"\sin(\pi/6)", "1/2")]
    [InlineData(@"\text{DNE}", "DNE")]
    [InlineData(@"\infty", "inf")]
    [InlineData(@"\left|-2\right|", "2")]
    // lists, vectors, matrices, sets, intervals, words
    [InlineData("[1, -2, 0.5]", "[1, -2, 1/2]")]
    [InlineData("(1, -2, 0.5)", "[1, -2, 1/2]")]
    [InlineData("[[1,0],[0,1]]", "[[1, 0], [0, 1]]")]
    [InlineData("{3, 2}", "{2, 3}")]
    [InlineData("3, 2", "{2, 3}")]
    [InlineData("1, 2, 3", "1, 2, 3")]
    [InlineData("(0, 1]", "(0, 1]")]
    [InlineData("[0, inf)", "[0, ∞)")]
    [InlineData("none", "DNE")]
    [InlineData("DNE", "none")]
    [InlineData("{}", "DNE")]
    [InlineData(@"\{1, 2\}", "{1, 2}")]
    [InlineData("∅", "{}")]
    public void Every_syntax_of_the_answer_language_reads_to_the_right_value(string input, string expected)
    {
        var verdict = Judging.Check(input, expected);

        Assert.True(verdict.Outcome == Outcome.Correct, $"'{input}' vs '{expected}': {verdict.Outcome} {verdict.Reason} {verdict.Message} (read {verdict.Reading})");
    }

    [Theory]
    [InlineData("x^2 + 2x + 1", "(x+1)^2", "x")]
    [InlineData("2xy", "2*x*y", "x,y")]
    [InlineData("sin(x)^2 + cos(x)^2", "1", "x")]
    [InlineData("[2x, 2y]", "[2*x, 2*y]", "x,y")]
    [InlineData("e^(2x)", "exp(x)^2", "x")]
    [InlineData("θ/2", "0.5θ", "θ")]
    public void Declared_variables_compare_as_functions(string input, string expected, string variables)
    {
        var options = new AnswerOptions { Variables = variables.Split(',') };

        var verdict = Judging.Check(input, expected, options);

        Assert.True(verdict.Outcome == Outcome.Correct, $"{verdict.Reason} {verdict.Message}");
    }

    [Theory]
    [InlineData("x + 1", "x + 2")]
    [InlineData("x^2", "x^3")]
    public void Different_functions_of_declared_variables_are_incorrect(string input, string expected)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { Variables = ["x"] });

        Assert.Equal(Outcome.Incorrect, verdict.Outcome);
    }

    [Fact]
    public void Undeclared_variable_is_invalid_with_its_position()
    {
        var verdict = Judging.Check("2x + 1", "3");

        Assert.Equal(Outcome.Invalid, verdict.Outcome);
        Assert.Equal(ReasonCodes.UnknownVariable, verdict.Reason);
        Assert.Equal(1, verdict.Position);
    }

    [Theory]
    [InlineData("sqrt(8)", "2 sqrt(2)")]
    [InlineData("2/6", "1/3")]
    [InlineData("0.5", "1/2")]
    [InlineData("sin(pi/4)", "sqrt(2)/2")]
    [InlineData("sqrt(12) + sqrt(3)", "3 sqrt(3)")]
    [InlineData("(1 + sqrt(2))^2", "3 + 2 sqrt(2)")]
    [InlineData("pi^2/pi", "pi")]
    public void Exact_forms_are_decided_exactly(string input, string expected)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { Mode = ComparisonMode.Exact });

        Assert.Equal(Outcome.Correct, verdict.Outcome);
    }

    [Theory]
    [InlineData("1.414", "sqrt(2)")]
    [InlineData("0.3333", "1/3")]
    [InlineData("3.14159", "pi")]
    public void Exact_mode_rejects_a_close_decimal_and_says_an_exact_value_is_required(string input, string expected)
    {
        var verdict = Judging.Check(input, expected, new AnswerOptions { Mode = ComparisonMode.Exact });

        Assert.Equal(Outcome.Incorrect, verdict.Outcome);
        Assert.Equal(ReasonCodes.ExactValueRequired, verdict.Reason);
        Assert.Equal(AnswerMessages.ExactValueRequired, verdict.Message);
    }

    [Theory]
    [InlineData("333/1000", "1/3")]
    [InlineData("7/5", "sqrt(2)")]
    public void Auto_mode_decides_exact_inputs_exactly(string input, string expected)
    {
        Assert.Equal(Outcome.Incorrect, Judging.Check(input, expected).Outcome);
    }
}
