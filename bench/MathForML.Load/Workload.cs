using System.Globalization;

namespace MathForML.Load;

/// <summary>The commands of a burst. The load problem bank holds one problem whose answer is 1/3.</summary>
internal static class Workload
{
    public const string RightAnswer = "1/3";
    public const string WrongAnswer = "1/2";
    public const string MalformedAnswer = "1/+";

    public static LoadCommand Help { get; } = new("help", "help", []);

    public static LoadCommand Answer(string kind, string value) => new(kind, "answer", [("value", value)]);

    /// <summary>A formula unique to the interaction (renders are cached; a crowd types different ones).</summary>
    public static LoadCommand Tex(int index)
    {
        var n = Interlocked.Increment(ref _formulas);
        return new("tex", "tex", [("latex", string.Create(CultureInfo.InvariantCulture, $@"\sum_{{k=1}}^{{{index % 50 + 2}}} \frac{{x_k^2}}{{{n}}}"))]);
    }

    private static int _formulas;

    public static LoadCommand Rsvp { get; } = new("rsvp", "reading rsvp", []);

    /// <summary>The <paramref name="index"/>th command of a burst of mix <paramref name="mix"/>.</summary>
    public static LoadCommand For(string mix, int index) => mix switch
    {
        "help" => Help,
        "answer" => (index % 3) switch
        {
            0 => Answer("answer-malformed", MalformedAnswer),
            1 => Answer("answer-wrong", WrongAnswer),
            _ => Answer("answer-right", RightAnswer),
        },
        "mixed" => (index % 6) switch
        {
            0 => Help,
            1 => Answer("answer-malformed", MalformedAnswer),
            2 => Answer("answer-wrong", WrongAnswer),
            3 => Answer("answer-right", RightAnswer),
            4 => Tex(index),
            _ => Rsvp,
        },
        _ => throw new ArgumentException($"Unknown mix {mix}: help, answer or mixed.", nameof(mix)),
    };
}
