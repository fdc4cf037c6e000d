using System.Globalization;
using MathForML.Math.Evaluation;

namespace MathForML.Math.Tests;

/// <summary>No verdict field may reveal the expected answer beyond what the member typed themselves.</summary>
public sealed class NoLeakTests
{
    private static readonly string[] Keys =
    [
        "37/113", "sqrt(2)/2", "-7.389", "3 pi/8", "0.0625", "[13.7, -42.5, 0.875]", "[[3, 17], [-29, 4]]",
        "{17, 23, 41}", "(0.125, 9.75]", "[-6.5, inf)", "e^3", "1234.5", "DNE", "7/9", "ln(19)",
    ];

    private static readonly string[] Inputs =
    [
        "", "1/(2+3", "2x", "1/0", "9^9^9^9", "[1, 2", "{1, 2", "foo(3)", "0", "1", "-1", "12", "0.1", "3.14159",
        "[1, 2, 3]", "[[1, 2], [3, 4]]", "{1, 2, 3}", "(0, 1]", "DNE", "2/4", "sqrt(3)", "1/2x", "4 1/2",
        "[0, 0, 0]", "{17}", "[0.125, 9.75]", "(-6.5, inf)", "[13.7, 42.5, 0.875]", "-0.0625", "0.625",
        "16", "-37/113", "113/37", "1.2345", "123.45", "[[3, 17], [29, 4]]", "[[3, 17, 1], [-29, 4, 1]]",
    ];

    private static readonly AnswerOptions[] OptionSets =
    [
        AnswerOptions.Default,
        new() { Mode = ComparisonMode.Exact },
        new() { Mode = ComparisonMode.SignificantFigures, SignificantFigures = 3 },
        new() { Mode = ComparisonMode.DecimalPlaces, DecimalPlaces = 2 },
        new() { Mode = ComparisonMode.Absolute, AbsoluteTolerance = 0.01, RequireReduced = true },
        new() { AnswerIsAngle = true, Ordered = false, PartialCredit = false },
    ];

    [Fact]
    public void No_verdict_reveals_the_expected_answer()
    {
        var checkedVerdicts = 0;
        foreach (var expected in Keys)
        {
            foreach (var options in OptionSets)
            {
                var key = Judging.Key(expected, options);
                var forms = FormsOf(expected, key.Expected!);
                foreach (var input in Inputs.Append(Twist(expected)))
                {
                    var verdict = Judging.Judge.Judge(input, key);
                    if (verdict.Outcome == Outcome.Correct)
                    {
                        continue;
                    }

                    foreach (var form in forms.Where(form => !input.Contains(form, StringComparison.Ordinal)))
                    {
                        Assert.False(verdict.Message.Contains(form, StringComparison.Ordinal), $"Message for '{input}' vs '{expected}' leaks '{form}': {verdict.Message}");
                        Assert.False(verdict.Reason.Contains(form, StringComparison.Ordinal), $"Reason leaks '{form}'");
                        Assert.False(verdict.Reading?.Contains(form, StringComparison.Ordinal) ?? false, $"Reading for '{input}' leaks '{form}': {verdict.Reading}");
                    }

                    checkedVerdicts++;
                }
            }
        }

        Assert.True(checkedVerdicts > 1000, $"only {checkedVerdicts} verdicts checked");
    }

    [Fact]
    public void Slip_messages_contain_no_number_from_the_key()
    {
        var cases = new[] { ("-0.0625", "0.0625"), ("0.625", "0.0625"), ("16", "0.0625"), ("113/37", "37/113") };
        foreach (var (input, expected) in cases)
        {
            var verdict = Judging.Check(input, expected);

            Assert.NotEqual(ReasonCodes.Incorrect, verdict.Reason);
            Assert.DoesNotContain(expected, verdict.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(expected.TrimStart('-'), verdict.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>A near miss built from the key itself (sign flipped), to exercise slip messages on every key.</summary>
    private static string Twist(string expected) => expected.StartsWith('-') ? expected[1..] : "-(" + expected + ")";

    private static List<string> FormsOf(string expectedText, MathValue expected)
    {
        var forms = new List<string> { expectedText };
        foreach (var value in Scalars(expected).Where(value => double.IsFinite(value) && value != 0))
        {
            foreach (var format in new[] { "G15", "G6", "G4", "G3", "F2", "F3" })
            {
                forms.Add(value.ToString(format, CultureInfo.InvariantCulture));
                forms.Add(double.Abs(value).ToString(format, CultureInfo.InvariantCulture));
            }
        }

        // Short forms such as "4" would match positions and counts in any message; only distinctive ones can leak.
        return forms.Distinct().Where(form => form.Length >= 3 && form != "0.00" && form != "-0.00").ToList();
    }

    private static IEnumerable<double> Scalars(MathValue value) => value switch
    {
        Scalar scalar => [scalar.Approx],
        SequenceValue sequence => sequence.Items.SelectMany(Scalars),
        SetValue set => set.Items.SelectMany(Scalars),
        IntervalValue interval => [interval.Low.Approx, interval.High.Approx],
        _ => [],
    };
}
