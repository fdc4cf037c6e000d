using System.Globalization;
using MathForML.Content;
using MathForML.Content.Problems;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Problems;
using MathForML.TestKit;

namespace MathForML.IntegrationTests.Problems;

/// <summary>
/// The daily problem through the terminal with a fake clock and a real SQLite file: posted at the group's
/// local time with a thread and buttons, answered, hinted, revealed at the deadline with a summary.
/// </summary>
public sealed class DailyProblemFlowTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_day_of_the_daily_problem_posts_judges_hints_and_reveals_once_each()
    {
        var bank = OneProblemBank.Write(_folder);
        var problem = OneProblemBank.Load(bank);
        var groupNumbers = DailyProblemService.GroupInstance(problem, groupId: 1)!;

        // Monday 23 Nov 2026, 08:00 in Berlin; the problem comes at 09:00 local.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time, bank);
        Assert.Contains(Format(ProblemTexts.NoProblemYet, "09:00"), await terminal.SendAsync("/answer 3"), StringComparison.Ordinal);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[thread opened: Problem #1: Determinant of a 2×2 matrix]", time);
        Assert.Contains("[post] Problem #1: Determinant of a 2×2 matrix (easy · determinants · matrices)", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("[buttons: Answer | Hint | My numbers]", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("by Tue 24 Nov 2026 09:00 Europe/Berlin", terminal.Output, StringComparison.Ordinal);

        Assert.Contains("This was not counted as an attempt.", await terminal.SendAsync("/answer 1/(2"), StringComparison.Ordinal);
        var wrong = await terminal.SendAsync("/answer " + Wrong(groupNumbers.ExpectedAnswer));
        Assert.Contains("Not quite: ", wrong, StringComparison.Ordinal);
        Assert.Contains("Attempt 1 of 10.", wrong, StringComparison.Ordinal);

        Assert.Contains("Hint 1 of 2 for problem #1", await terminal.SendAsync("/hint"), StringComparison.Ordinal);
        Assert.Contains("Hint 2 of 2 for problem #1", await terminal.SendAsync("/hint"), StringComparison.Ordinal);
        Assert.Contains(Format(ProblemTexts.NoMoreHintsFormat, 2, 1), await terminal.SendAsync("/hint"), StringComparison.Ordinal);

        var right = await terminal.SendAsync("/answer " + groupNumbers.ExpectedAnswer);
        Assert.Contains("Correct! I read your answer as", right, StringComparison.Ordinal);
        Assert.Contains(Format(ProblemTexts.AfterAttemptsFormat, 2), right, StringComparison.Ordinal);
        Assert.Contains(Format(ProblemTexts.AlreadySolvedFormat, 1), await terminal.SendAsync("/answer " + groupNumbers.ExpectedAnswer), StringComparison.Ordinal);

        var streak = await terminal.SendAsync("/streak");
        Assert.Contains("Streak: 1 day(s) (best 1).", streak, StringComparison.Ordinal);
        Assert.Contains("Mon 23 Nov: counted, solved #1 at 09:00 (Europe/Berlin)", streak, StringComparison.Ordinal);

        var board = await terminal.SendAsync("/leaderboard");
        Assert.Contains("1. you: 2 point(s), 1 solved (0 first try) · streak 1 · read 0 session(s)", board, StringComparison.Ordinal);
        Assert.Contains(LeaderboardTexts.PrivacyHidden, await terminal.SendAsync("/privacy hidden"), StringComparison.Ordinal);
        Assert.Contains("1. " + LeaderboardTexts.HiddenName + ": 2 point(s)", await terminal.SendAsync("/leaderboard all"), StringComparison.Ordinal);

        // The timed hint (after: 12h) is posted into the thread at 21:00 local.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 20, 0, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Hint 2 for problem #1", time);

        // Tuesday 09:00: the reveal (with the group's answer and counts, no names) and the next problem.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Solution to problem #1", time);
        await terminal.WaitForPostAsync("[thread opened: Problem #2:", time);
        Assert.Contains($"Answer: `{groupNumbers.ExpectedAnswer}`", terminal.Output, StringComparison.Ordinal);
        Assert.Contains(Format(ProblemTexts.SummaryFormat, 1, 1, 0), terminal.Output, StringComparison.Ordinal);

        var transcript = terminal.Output;
        Assert.Equal(1, OneProblemBank.Count(transcript, "[post] Problem #1:"));
        Assert.Equal(1, OneProblemBank.Count(transcript, "[post] Solution to problem #1"));
        Assert.Equal(1, OneProblemBank.Count(transcript, "[post] Hint 2 for problem #1"));
    }

    [Fact]
    public async Task Personal_numbers_are_judged_once_seen_and_an_organizer_can_reveal_early()
    {
        var bank = OneProblemBank.Write(_folder);
        var problem = OneProblemBank.Load(bank);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time, bank);
        await terminal.SendAsync("/group");
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Problem #1:", time);

        var show = await terminal.SendAsync("/problem");
        Assert.Contains(ProblemTexts.YourNumbers.Trim(), show, StringComparison.Ordinal);
        var mine = DailyProblemService.MemberInstance(problem, groupId: 1, memberId: 1)!;
        var group = DailyProblemService.GroupInstance(problem, groupId: 1)!;
        if (mine.ExpectedAnswer != group.ExpectedAnswer)
        {
            Assert.Contains("Not quite", await terminal.SendAsync("/answer " + group.ExpectedAnswer), StringComparison.Ordinal);
        }

        Assert.Contains("Correct!", await terminal.SendAsync("/answer " + mine.ExpectedAnswer), StringComparison.Ordinal);

        Assert.Contains(ProblemTexts.RevealedNow, await terminal.SendAsync("/problem reveal"), StringComparison.Ordinal);
        Assert.Contains(Format(ProblemTexts.AlreadyRevealedFormat, 1), await terminal.SendAsync("/problem reveal"), StringComparison.Ordinal);
        Assert.Contains(Format(ProblemTexts.YourAnswerFormat, mine.ExpectedAnswer).Trim(), await terminal.SendAsync("/problem"), StringComparison.Ordinal);

        // The deadline's own reveal finds it done and posts nothing more.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Problem #2:", time);
        Assert.Equal(1, OneProblemBank.Count(terminal.Output, "[post] Solution to problem #1"));
    }

    [Fact]
    public async Task After_three_days_of_downtime_one_problem_is_posted_late_not_a_burst()
    {
        var bank = OneProblemBank.Write(_folder);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await using (var before = await Terminal.StartAsync(_folder, time, bank))
        {
            await before.SendAsync("/group");
        }

        // Down from Monday 08:00 to Thursday 12:00 local: Monday's to Thursday's posts were all missed.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.Zero));
        await using var after = await Terminal.StartAsync(_folder, time, bank);
        await after.WaitForPostAsync("[thread opened: Problem #1:", time);
        await after.SendAsync("/group");

        Assert.Equal(1, OneProblemBank.Count(after.Output, "[post] Problem #"));
        Assert.Contains("by Fri 27 Nov 2026 12:00 Europe/Berlin", after.Output, StringComparison.Ordinal);
    }

    /// <summary>A different integer: the expected answer plus one.</summary>
    private static string Wrong(string expected) => (long.Parse(expected, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
