using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Content;
using MathForML.Content.Curricula;
using MathForML.Content.Problems;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Problems;
using MathForML.Math;
using MathForML.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.IntegrationTests.Problems;

/// <summary>
/// The README's "Try it" walk, read from the README and typed into the terminal host with the real
/// problem bank, as a newcomer types it: before the day's posting time and after it.
/// </summary>
public sealed partial class TryItWalkTests : IDisposable
{
    /// <summary>The walk as the README must show it; a change to either is a change to both.</summary>
    private static readonly string[] Walk =
    [
        "/group",
        "/problem post",
        "/answer 1/(2",
        "/hint",
        "/problem reveal",
        "/answer <the solution's answer with its first digit changed>",
        "/answer <the solution's answer>",
        "/stats",
    ];

    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void The_readme_shows_the_walk_this_test_replays()
    {
        Assert.Equal(Walk, ReadmeWalk());
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(10, true)]
    public async Task The_readme_walk_goes_from_post_to_stats_through_the_terminal(int startHour, bool postedAtStart)
    {
        // Monday 23 Nov 2026 in Berlin (the terminal's zone in these tests), before or after the 09:00 post.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, startHour, 0, 0, TimeSpan.FromHours(1)));
        await using var terminal = await Terminal.StartAsync(_folder, time, Repository.Path("config", "problems"));
        var replies = new List<string>();
        foreach (var typed in ReadmeWalk())
        {
            var line = !typed.Contains('<', StringComparison.Ordinal) ? typed
                : typed.Contains("digit changed", StringComparison.Ordinal) ? "/answer " + OneDigitChanged(RevealedAnswer(terminal.Output))
                : "/answer " + RevealedAnswer(terminal.Output);
            replies.Add(await terminal.SendAsync(line));
        }

        var (group, post, malformed, hint, reveal, wrong, right, stats) = (replies[0], replies[1], replies[2], replies[3], replies[4], replies[5], replies[6], replies[7]);
        Assert.Contains("Daily problem: 09:00 local time", group, StringComparison.Ordinal);

        var postedBeforeTyping = terminal.Output.IndexOf("[post] Problem #1:", StringComparison.Ordinal) < terminal.Output.IndexOf("> /group", StringComparison.Ordinal);
        Assert.Equal(postedAtStart, postedBeforeTyping);
        Assert.StartsWith(Prefix(postedAtStart ? ProblemTexts.AlreadyOpenFormat : ProblemTexts.PostedNowFormat, 1), post, StringComparison.Ordinal);

        Assert.EndsWith("This was not counted as an attempt.", malformed.TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("Hint 1 of ", hint, StringComparison.Ordinal);
        Assert.Contains(" for problem #1", hint, StringComparison.Ordinal);
        Assert.StartsWith(ProblemTexts.RevealedNow, reveal, StringComparison.Ordinal);
        Assert.Contains("[post] Solution to problem #1", terminal.Output, StringComparison.Ordinal);
        Assert.True(wrong.StartsWith("Not quite: ", StringComparison.Ordinal) || wrong.StartsWith("Partly right (", StringComparison.Ordinal), wrong);
        Assert.Contains("Attempt 1 of 10.", wrong, StringComparison.Ordinal);
        Assert.StartsWith("Correct! ", right, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, ProblemTexts.AfterAttemptsFormat, 2), right, StringComparison.Ordinal);
        Assert.Contains(ProblemTexts.LateNote, right, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, StatsTexts.ProblemsFormat, 1, 1, 0, 1, 1), stats, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, StatsTexts.HelpFormat, 1, 0, 0), stats, StringComparison.Ordinal);

        // The next morning brings problem #2: the day's 09:00 post found problem #1 and posted nothing.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 30, TimeSpan.FromHours(1)));
        await terminal.WaitForPostAsync("[post] Problem #2:", time);
        Assert.Equal(1, OneProblemBank.Count(terminal.Output, "[post] Problem #1:"));
        Assert.Equal(0, OneProblemBank.Count(terminal.Output, "[post] Problem #3:"));
    }

    /// <summary>
    /// The walk works on any day, whichever problem the day brings: every problem in the bank has a hint,
    /// its revealed answer is judged right, and that answer with its first digit changed is a counted wrong one.
    /// </summary>
    [Fact]
    public void Every_problem_in_the_bank_gives_the_walk_a_hint_a_counted_wrong_answer_and_a_right_one()
    {
        var bank = RepositoryBank.Load();
        var judge = new AnswerJudge();

        Assert.True(bank.Problems.Count > 100, $"only {bank.Problems.Count} problems loaded");
        foreach (var problem in bank.Problems)
        {
            Assert.True(problem.Hints.Count > 0, problem.Id + " has no hint");
            foreach (var groupId in new long[] { 1, 2, 3 })
            {
                var instance = DailyProblemService.GroupInstance(problem, groupId)!;
                Assert.True(judge.Judge(instance.ExpectedAnswer, instance.Key).Outcome == Outcome.Correct, $"{problem.Id}: {instance.ExpectedAnswer} is not judged right");
                var wrong = judge.Judge(OneDigitChanged(instance.ExpectedAnswer), instance.Key);
                Assert.True(wrong.Outcome == Outcome.Incorrect, $"{problem.Id}: {OneDigitChanged(instance.ExpectedAnswer)} (answer {instance.ExpectedAnswer}) is judged {wrong.Outcome}: {wrong.Message}");
            }
        }
    }

    /// <summary>The lines of the first <c>```text</c> block under the README's "### Try it".</summary>
    private static List<string> ReadmeWalk()
    {
        var lines = File.ReadAllLines(Repository.Path("README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "### Try it");
        Assert.True(start >= 0, "README.md has no \"### Try it\" section");
        var open = Array.FindIndex(lines, start, l => l.Trim() == "```text");
        var close = Array.FindIndex(lines, open + 1, l => l.Trim() == "```");
        return [.. lines[(open + 1)..close].Select(l => l.Trim())];
    }

    private static string RevealedAnswer(string transcript)
    {
        var match = AnswerInSolution().Match(transcript);
        Assert.True(match.Success, "no answer in the solution:\n" + transcript);
        return match.Groups[1].Value;
    }

    /// <summary>What the README asks for a wrong answer: the answer's first digit changed (up by one, a 9 down to 8).</summary>
    private static string OneDigitChanged(string answer)
    {
        var digit = answer.AsSpan().IndexOfAnyInRange('0', '9');
        Assert.True(digit >= 0, "no digit in the answer " + answer);
        return answer[..digit] + (answer[digit] == '9' ? '8' : (char)(answer[digit] + 1)) + answer[(digit + 1)..];
    }

    /// <summary>A message's text up to its second placeholder (the deadline), its first filled in with <paramref name="number"/>.</summary>
    private static string Prefix(string format, int number)
    {
        var second = format.IndexOf('{', format.IndexOf('{', StringComparison.Ordinal) + 1);
        return string.Format(CultureInfo.InvariantCulture, format[..second], number);
    }

    [GeneratedRegex(@"Solution to problem #1: [^\n]*\nAnswer: `([^`]+)`")]
    private static partial Regex AnswerInSolution();
}
