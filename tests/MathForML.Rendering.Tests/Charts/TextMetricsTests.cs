using MathForML.Rendering.Charts;

namespace MathForML.Rendering.Tests.Charts;

public sealed class TextMetricsTests
{
    [Fact]
    public void Short_text_is_kept()
    {
        Assert.Equal("Ada", TextMetrics.Fit(TestFont.Instance, "Ada", 13, 100));
    }

    [Theory]
    [InlineData("Émilie du Châtelet, Marquise du Châtelet", 80)]
    [InlineData("Bartholomew Bartholomew Bartholomew", 40)]
    [InlineData("𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁", 30)]
    public void Long_text_is_cut_with_an_ellipsis_to_fit_the_width(string text, double maxWidth)
    {
        string fitted = TextMetrics.Fit(TestFont.Instance, text, 13, maxWidth);

        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.True(TextMetrics.Measure(TestFont.Instance, fitted, 13) <= maxWidth);
        Assert.True(fitted.Length > 1);
        Assert.StartsWith(fitted[..^1].TrimEnd(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_become_spaces_and_huge_text_is_cut_before_measuring()
    {
        Assert.Equal("a b", TextMetrics.Clean("a\nb"));
        string clean = TextMetrics.Clean(new string('x', 5000));
        Assert.Equal(ChartLimits.MaxLabelLength + 1, clean.Length);
        Assert.EndsWith("…", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        string text = new string('x', ChartLimits.MaxLabelLength - 1) + "𝔸𝔸";

        string clean = TextMetrics.Clean(text);

        Assert.False(char.IsHighSurrogate(clean[^2]));
    }

    [Fact]
    public void Characters_the_font_lacks_are_measured_as_a_question_mark()
    {
        double unknown = TextMetrics.Measure(TestFont.Instance, "漢", 13);

        Assert.Equal(TextMetrics.Measure(TestFont.Instance, "?", 13), unknown);
    }
}
