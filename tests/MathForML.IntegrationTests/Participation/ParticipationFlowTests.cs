using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MathForML.Core.Chat;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Host.Local;
using MathForML.IntegrationTests.Problems;
using MathForML.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.IntegrationTests.Participation;

/// <summary>
/// Participation through the terminal with a fake clock and a real SQLite file: streak days across a DST
/// change, a 23:59 solve, a change of time zone and downtime; statistics with a decoded chart; exports;
/// being forgotten; and the digest before a reading session.
/// </summary>
public sealed partial class ParticipationFlowTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Streak_days_follow_the_members_clock_across_dst_a_zone_change_and_downtime()
    {
        var bank = OneProblemBank.Write(_folder);
        var answer = Answer(bank);

        // Saturday 24 Oct 2026, 08:00 in Berlin (CEST). Clocks go back on Sunday at 03:00.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 6, 0, 0, TimeSpan.Zero));
        await using (var terminal = await Terminal.StartAsync(_folder, time, bank))
        {
            await terminal.SendAsync("/group");
            time.SetUtcNow(new DateTimeOffset(2026, 10, 24, 7, 0, 30, TimeSpan.Zero));
            await terminal.WaitForPostAsync("[post] Problem #1:", time);

            // 23:59 Saturday in Berlin is 21:59 UTC.
            time.SetUtcNow(new DateTimeOffset(2026, 10, 24, 21, 59, 0, TimeSpan.Zero));
            Assert.Contains("Correct!", await terminal.SendAsync("/answer " + answer), StringComparison.Ordinal);

            // Sunday after the change: 09:00 CET is 08:00 UTC, and 23:59 CET is 22:59 UTC.
            time.SetUtcNow(new DateTimeOffset(2026, 10, 25, 8, 0, 30, TimeSpan.Zero));
            await terminal.WaitForPostAsync("[post] Problem #2:", time);
            time.SetUtcNow(new DateTimeOffset(2026, 10, 25, 22, 59, 0, TimeSpan.Zero));
            Assert.Contains("Correct!", await terminal.SendAsync("/answer " + answer), StringComparison.Ordinal);

            // Monday: the member moves to New York and solves at 23:30 there, already Tuesday in Berlin.
            time.SetUtcNow(new DateTimeOffset(2026, 10, 26, 8, 0, 30, TimeSpan.Zero));
            await terminal.WaitForPostAsync("[post] Problem #3:", time);
            await terminal.SendAsync("/timezone America/New_York");
            time.SetUtcNow(new DateTimeOffset(2026, 10, 27, 3, 30, 0, TimeSpan.Zero));
            Assert.Contains("Correct!", await terminal.SendAsync("/answer " + answer), StringComparison.Ordinal);
        }

        // The bot is down from Tuesday until Thursday 13:00 in Berlin: Tuesday's and Wednesday's problems never come.
        time.SetUtcNow(new DateTimeOffset(2026, 10, 29, 12, 0, 0, TimeSpan.Zero));
        await using var after = await Terminal.StartAsync(_folder, time, bank);
        await after.WaitForPostAsync("[post] Problem #4:", time);
        time.SetUtcNow(new DateTimeOffset(2026, 10, 29, 14, 0, 0, TimeSpan.Zero));
        Assert.Contains("Correct!", await after.SendAsync("/answer " + answer), StringComparison.Ordinal);

        var streak = await after.SendAsync("/streak");
        Assert.Contains("Streak: 4 day(s) (best 4).", streak, StringComparison.Ordinal);
        Assert.Contains("days count in your time zone, America/New_York", streak, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Format(StreakTexts.CountedFormat, "Sat 24 Oct", 1, "23:59", "Europe/Berlin"), streak, StringComparison.Ordinal);
        Assert.Contains(Format(StreakTexts.CountedFormat, "Sun 25 Oct", 2, "23:59", "Europe/Berlin"), streak, StringComparison.Ordinal);
        Assert.Contains(Format(StreakTexts.CountedFormat, "Mon 26 Oct", 3, "23:30", "America/New_York"), streak, StringComparison.Ordinal);
        Assert.Contains(Format(StreakTexts.NoProblemFormat, "Tue 27 Oct"), streak, StringComparison.Ordinal);
        Assert.Contains(Format(StreakTexts.NoProblemFormat, "Wed 28 Oct"), streak, StringComparison.Ordinal);
        Assert.Contains(Format(StreakTexts.CountedFormat, "Thu 29 Oct", 4, "10:00", "America/New_York"), streak, StringComparison.Ordinal);

        // /stats: the numbers, and an activity calendar whose PNG decodes with four shaded days.
        var stats = await after.SendAsync("/stats");
        Assert.Contains(Format(StatsTexts.ProblemsFormat, 4, 4, 4, 0, 12), stats, StringComparison.Ordinal);
        Assert.Contains(Format(StatsTexts.StreakFormat, 4, 4, 0), stats, StringComparison.Ordinal);
        var calendar = Image(stats);
        Assert.Contains("4 active days", calendar.AltText, StringComparison.Ordinal);
        var png = PngDecoder.Decode(File.ReadAllBytes(calendar.Path));
        Assert.Equal((calendar.Width, calendar.Height), (png.Width, png.Height));
        Assert.True(DistinctColours(png) >= 3, "the calendar has a background, empty cells and shaded cells");

        // /leaderboard: the ranking and the solve-rate chart of the four problems.
        var board = await after.SendAsync("/leaderboard all");
        Assert.Contains("1. you: 12 point(s), 4 solved (4 first try) · streak 4", board, StringComparison.Ordinal);
        var rates = Image(board);
        Assert.EndsWith("solve-rates.png", rates.Path, StringComparison.Ordinal);
        Assert.Equal((rates.Width, rates.Height), (PngDecoder.Decode(File.ReadAllBytes(rates.Path)).Width, PngDecoder.Decode(File.ReadAllBytes(rates.Path)).Height));
    }

    [Fact]
    public async Task Exports_give_the_records_as_files_and_forgetting_unlinks_the_member_but_keeps_the_counts()
    {
        var bank = OneProblemBank.Write(_folder);
        var answer = Answer(bank);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time, bank);
        Assert.Contains("Streak days: " + GroupMessages.StreakBySolving, await terminal.SendAsync("/group"), StringComparison.Ordinal);
        Assert.Contains(GroupMessages.StreakBySolvingOrReading, await terminal.SendAsync("/group streak solve-or-read"), StringComparison.Ordinal);
        Assert.Contains("Streak days: " + GroupMessages.StreakBySolvingOrReading, await terminal.SendAsync("/group"), StringComparison.Ordinal);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Problem #1:", time);
        var wrong = "-" + answer + ".5";
        await terminal.SendAsync("/answer " + wrong);
        await terminal.SendAsync("/answer " + answer);
        await terminal.SendAsync("/hint");

        var json = await terminal.SendAsync("/mydata");
        using (var document = JsonDocument.Parse(File.ReadAllBytes(FilePath(json, ".json"))))
        {
            var member = document.RootElement.GetProperty("member");
            Assert.Equal("you", member.GetProperty("display_name").GetString());
            var kinds = member.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
            Assert.Equal(2, kinds.Count(k => k == ParticipationKinds.ProblemAnswer));
            Assert.Contains(ParticipationKinds.Hint, kinds);
        }

        var csv = File.ReadAllText(FilePath(await terminal.SendAsync("/mydata export csv"), ".csv"));
        Assert.StartsWith(string.Join(',', ParticipationExport.CsvColumns), csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("," + wrong + ",Incorrect,false,", csv, StringComparison.Ordinal);

        // Organizers get the group: two answers and a hint.
        var group = File.ReadAllLines(FilePath(await terminal.SendAsync("/group export"), ".csv"));
        Assert.Equal(1 + 2 + 1, group.Length);

        var warning = await terminal.SendAsync("/mydata forget");
        Assert.Contains(DataRightsTexts.ForgetWarning, warning, StringComparison.Ordinal);
        Assert.Contains("[buttons: " + DataRightsTexts.ForgetButton + "]", warning, StringComparison.Ordinal);
        Assert.Contains(DataRightsTexts.Forgotten, await terminal.SendAsync("/mydata forget yes"), StringComparison.Ordinal);

        // The person is new to the bot; the group's numbers still count the forgotten member's solve, unnamed.
        Assert.Contains(StatsTexts.Nothing, await terminal.SendAsync("/stats"), StringComparison.Ordinal);
        Assert.Contains("1. " + LeaderboardTexts.HiddenName + ": 2 point(s), 1 solved", await terminal.SendAsync("/leaderboard"), StringComparison.Ordinal);
        var after = File.ReadAllText(FilePath(await terminal.SendAsync("/group export"), ".csv"));
        Assert.DoesNotContain(wrong, after, StringComparison.Ordinal);
        Assert.Equal(2, OneProblemBank.Count(after, ",forgotten member,problem-answer,"));
    }

    [Fact]
    public async Task The_digest_before_a_session_lists_solve_rates_open_questions_and_reading_counts()
    {
        var bank = OneProblemBank.Write(_folder);
        var answer = Answer(bank);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time, bank);
        await terminal.SendAsync("/reading setup mml 2026-11-24 2 every Tuesday and Friday at 18:30");
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Problem #1:", time);
        await terminal.SendAsync("/answer " + answer);
        await terminal.SendAsync("/reading done");

        // Two questions in a thread from platform members; one gets an answer.
        var threads = terminal.Services.GetRequiredService<IThreadActivity>();
        var thread = LocalChannelHostedService.Home.InThread("t1");
        var grace = new MemberRef(ChatPlatform.Local, "grace", "Grace");
        var alan = new MemberRef(ChatPlatform.Local, "alan", "Alan");
        var at = time.GetUtcNow();
        await threads.RecordAsync(new ThreadMessage(thread, "m1", grace, at) { Text = "Why is the Hessian PSD at a minimum?" }, CancellationToken.None);
        await threads.RecordAsync(new ThreadMessage(thread, "m2", alan, at.AddMinutes(1)) { Text = "Is eq. 5.3 a typo?" }, CancellationToken.None);
        await threads.RecordAsync(new ThreadMessage(thread, "m3", grace, at.AddMinutes(2)) { Text = "No, it is right.", ReplyToMessageId = "m2" }, CancellationToken.None);

        // Tuesday 15:30 in Berlin, three hours before session 1 at 18:30.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 14, 30, 30, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Digest before session 1", time);
        var digest = terminal.Output[terminal.Output.IndexOf("[post] Digest before session 1", StringComparison.Ordinal)..];
        Assert.Contains(Format(DigestMessages.ProblemFormat, 1, "Determinant of a 2×2 matrix", 1, 1, 1), digest, StringComparison.Ordinal);
        Assert.Contains(Format(DigestMessages.QuestionsHeaderFormat, 1).Replace("**", "", StringComparison.Ordinal), digest, StringComparison.Ordinal);
        Assert.Contains("\"Why is the Hessian PSD at a minimum?\"", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("typo", digest, StringComparison.Ordinal);
        Assert.Contains(Format(DigestMessages.ReadingFormat, 1).Replace("**", "", StringComparison.Ordinal), digest, StringComparison.Ordinal);
        Assert.Contains("solve-rates.png", digest, StringComparison.Ordinal);
    }

    private static string Answer(string bank) => DailyProblemService.GroupInstance(OneProblemBank.Load(bank), groupId: 1)!.ExpectedAnswer;

    private static (string Path, int Width, int Height, string AltText) Image(string reply)
    {
        var match = ImageLine().Match(reply);
        Assert.True(match.Success, "no image in: " + reply);
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), match.Groups[4].Value);
    }

    private static string FilePath(string reply, string extension)
    {
        var match = FileLine().Match(reply);
        Assert.True(match.Success, "no file in: " + reply);
        Assert.EndsWith(extension, match.Groups[1].Value, StringComparison.Ordinal);
        return match.Groups[1].Value;
    }

    private static int DistinctColours(DecodedImage png)
    {
        var colours = new HashSet<(byte, byte, byte)>();
        for (var y = 0; y < png.Height; y += 2)
        {
            for (var x = 0; x < png.Width; x += 2)
            {
                colours.Add(png.At(x, y));
            }
        }

        return colours.Count;
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    [GeneratedRegex(@"\[image: (.+?) \((\d+)x(\d+)px\), alt text: (.*)\]")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"\[file: (.+?) \(\d+ bytes\), ")]
    private static partial Regex FileLine();
}
