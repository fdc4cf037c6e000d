using MathForML.Content;
using MathForML.Content.Curricula;
using MathForML.Content.Problems;
using MathForML.Core.Problems;
using MathForML.Math;
using MathForML.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.IntegrationTests.Problems;

/// <summary>
/// A malformed /answer is answered on the receive path (<see cref="AnswerJudge.CheckSyntax"/>) without loading the
/// problem. That is only right if no problem of the bank could read it: checked here against every problem's key.
/// </summary>
public sealed class MalformedAnswerTests
{
    private static readonly string[] Samples = ["1/+", "(1+2", "[1, 2", "1+2)", "", "3 @ 4", "[1, 0; 0, 1]", "x+*2", "]", "sin(", "a/(b", "2*(3+", "1//2", "((", "e^"];

    [Fact]
    public void Every_input_refused_without_a_key_is_invalid_with_the_same_reason_for_every_problem_in_the_bank()
    {
        var bank = RepositoryBank.Load();
        var judge = new AnswerJudge();
        var refused = Samples.Select(s => (Input: s, Verdict: judge.CheckSyntax(s))).Where(r => r.Verdict is not null).ToList();

        Assert.True(refused.Count >= 8, $"only {refused.Count} samples refused");
        Assert.True(bank.Problems.Count > 100, $"only {bank.Problems.Count} problems loaded");
        foreach (var problem in bank.Problems)
        {
            var key = DailyProblemService.GroupInstance(problem, groupId: 1)!.Key;
            foreach (var (input, verdict) in refused)
            {
                var judged = judge.Judge(input, key);
                Assert.True(judged.Outcome == Outcome.Invalid && judged.Reason == verdict!.Reason,
                    $"{problem.Id}: '{input}' refused as {verdict!.Reason} without a key, judged {judged.Outcome} ({judged.Reason}) with it");
            }
        }
    }
}
