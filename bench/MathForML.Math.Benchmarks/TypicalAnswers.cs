namespace MathForML.Math.Benchmarks;

/// <summary>Typical chat answers and the keys they are judged against.</summary>
public static class TypicalAnswers
{
    public static readonly (string Answer, string Expected)[] Cases =
    [
        ("0.25", "1/4"),
        ("1/4", "1/4"),
        ("25%", "1/4"),
        ("sqrt(2)/2", "sqrt(2)/2"),
        (@"\frac{\pi}{4}", "pi/4"),
        ("3.2e-3", "0.0032"),
        ("[1, -2, 0.5]", "[1, -2, 1/2]"),
        ("[[1,0],[0,1]]", "[[1, 0], [0, 1]]"),
        ("{2, 3}", "{3, 2}"),
        ("-0.25", "1/4"),
        ("1/(2+3", "1/5"),
    ];

    /// <summary>How a case is shown as a benchmark parameter.</summary>
    public const string Separator = " ⟶ ";
}
