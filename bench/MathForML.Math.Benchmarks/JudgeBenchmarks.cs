using BenchmarkDotNet.Attributes;

namespace MathForML.Math.Benchmarks;

/// <summary>Parse-and-judge of typical chat answers against prebuilt keys (keys are built once per problem).</summary>
[MemoryDiagnoser]
public class JudgeBenchmarks
{
    private readonly AnswerJudge _judge = new();
    private AnswerKey _key = null!;
    private string _answer = string.Empty;

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = string.Empty;

    public static IEnumerable<string> Inputs => TypicalAnswers.Cases.Select(c => c.Answer + TypicalAnswers.Separator + c.Expected);

    [GlobalSetup]
    public void Setup()
    {
        var parts = Input.Split(TypicalAnswers.Separator);
        _answer = parts[0];
        _key = AnswerKey.Create(parts[1], AnswerOptions.Default).Key!;
    }

    [Benchmark]
    public Verdict ParseAndJudge() => _judge.Judge(_answer, _key);
}
