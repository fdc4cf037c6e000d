namespace MathForML.Math.Tests;

/// <summary>Shared helpers: build a key (failing the test if it is malformed) and judge an input.</summary>
internal static class Judging
{
    public static readonly AnswerJudge Judge = new();

    public static AnswerKey Key(string expected, AnswerOptions? options = null)
    {
        var result = AnswerKey.Create(expected, options);
        Assert.True(result.IsSuccess, $"Key '{expected}' failed: {result.Reason} {result.Message}");
        return result.Key!;
    }

    public static Verdict Check(string input, string expected, AnswerOptions? options = null) =>
        Judge.Judge(input, Key(expected, options));
}
