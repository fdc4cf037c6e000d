using System.Diagnostics;
using System.Globalization;

namespace MathForML.Math.Benchmarks;

/// <summary>
/// A fast check for a busy shared machine: the best of many batches per case, after warming up past tiered JIT.
/// The best batch is the one least disturbed by other processes, so it estimates the code's own cost; the
/// median of batches is printed too. BenchmarkDotNet remains the reference measurement.
/// </summary>
public static class QuickMeasure
{
    private const int Rounds = 3;
    private const int Batches = 30;
    private const int BatchSize = 1000;

    public static void Run(TextWriter output)
    {
        var judge = new AnswerJudge();
        var keys = TypicalAnswers.Cases.Select(c => AnswerKey.Create(c.Expected, AnswerOptions.Default).Key!).ToArray();
        var best = new double[keys.Length];
        var medians = new double[keys.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var batchMeans = new double[Batches];
                for (var batch = 0; batch < Batches; batch++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    for (var n = 0; n < BatchSize; n++)
                    {
                        judge.Judge(TypicalAnswers.Cases[i].Answer, keys[i]);
                    }

                    batchMeans[batch] = stopwatch.Elapsed.TotalMicroseconds / BatchSize;
                }

                Array.Sort(batchMeans);
                (best[i], medians[i]) = (batchMeans[0], batchMeans[Batches / 2]);
            }
        }

        output.WriteLine("best-batch µs  median-batch µs  case (last of {0} rounds, {1}×{2} calls each)", Rounds, Batches, BatchSize);
        for (var i = 0; i < keys.Length; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{best[i],13:F2}  {medians[i],15:F2}  {TypicalAnswers.Cases[i].Answer}{TypicalAnswers.Separator}{TypicalAnswers.Cases[i].Expected}"));
        }

        var sorted = best.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median over cases (best batches): {sorted[sorted.Length / 2]:F2} µs"));
    }
}
