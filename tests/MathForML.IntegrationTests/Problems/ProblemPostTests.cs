using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;
using MathForML.TestKit;

namespace MathForML.IntegrationTests.Problems;

/// <summary>
/// <c>/problem post</c> and a group set up after today's posting time, on a real SQLite file against a
/// platform that honours no idempotency key: today's problem is posted once, whoever posts it first
/// (an organizer, the 09:00 schedule, a second organizer, a restart), with its reveal and timed hints.
/// </summary>
public sealed class ProblemPostTests : IDisposable
{
    private const string Zone = "Europe/Berlin";
    private readonly TempDirectory _folder = new();
    private readonly string _bank;

    public ProblemPostTests() => _bank = OneProblemBank.Write(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>Monday 23 Nov 2026 at a Berlin wall-clock time (UTC+1).</summary>
    private static DateTimeOffset Berlin(int hour, int minute, int second = 0, int day = 23) => new(2026, 11, day, hour, minute, second, TimeSpan.FromHours(1));

    [Fact]
    public async Task Problem_post_before_nine_posts_today_s_problem_once_and_the_nine_o_clock_run_after_a_restart_posts_nothing()
    {
        var time = new FakeTimeProvider(Berlin(8, 0));
        var platform = new CountingPlatform();
        var path = _folder.File("bot.db");
        long groupId;
        await using (var first = await ProblemProcess.StartAsync(path, _bank, time, platform))
        {
            await first.SendAsync("/group setup " + Zone);
            groupId = (await first.GroupAsync()).Id;
            Assert.Empty(platform.Posts);

            time.SetUtcNow(Berlin(8, 30));
            var reply = await first.SendAsync("/problem post");

            var daily = (await first.Problems.LatestAsync(groupId, CancellationToken.None))!;
            Assert.Equal(Format(ProblemTexts.PostedNowFormat, 1, ChatTime.Token(daily.Deadline)), reply);
            Assert.Equal(Berlin(8, 30, day: 24), daily.Deadline);
            Assert.Equal("2026-11-23", daily.OccurrenceKey);
            Assert.Equal(1, platform.Count("study", "Problem #1:"));

            // The day's scheduled post is done (not waiting for 09:00); reveal and timed hint count from the post.
            var items = await first.DueItems.ListAsync(groupId, CancellationToken.None);
            Assert.Equal(DueItemState.Done, items.Single(i => i.Kind == DailyProblemPlanner.PostKind && i.OccurrenceKey == "2026-11-23").State);
            Assert.Equal(daily.Deadline, items.Single(i => i.Kind == DailyProblemPlanner.RevealKind && i.OccurrenceKey == "1").DueAt);
            Assert.Equal(Berlin(20, 30), items.Single(i => i.Kind == DailyProblemPlanner.HintKind && i.OccurrenceKey == "1:2").DueAt);

            Assert.Equal(Format(ProblemTexts.AlreadyOpenFormat, 1, ChatTime.Token(daily.Deadline)), await first.SendAsync("/problem post"));
        }

        await using var second = await ProblemProcess.StartAsync(path, _bank, time, platform);
        foreach (var at in new[] { Berlin(9, 0, 30), Berlin(20, 30, 30), Berlin(8, 30, 30, day: 24), Berlin(9, 0, 30, day: 24) })
        {
            time.SetUtcNow(at);
            await second.Runner.RunDueAsync(CancellationToken.None);
        }

        Assert.Equal(1, platform.Count("study", "Problem #1:"));
        Assert.Equal(1, platform.Count("study", "Hint 2 for problem #1"));
        Assert.Equal(1, platform.Count("study", "Solution to problem #1"));
        Assert.Equal(1, platform.Count("study", "Problem #2:"));
        Assert.Equal(4, platform.Posts.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_second_problem_post_the_same_day_names_the_problem_and_posts_nothing(bool revealedInBetween)
    {
        var time = new FakeTimeProvider(Berlin(7, 0));
        var platform = new CountingPlatform();
        await using var process = await ProblemProcess.StartAsync(_folder.File("bot.db"), _bank, time, platform);
        await process.SendAsync("/group setup " + Zone);
        await process.SendAsync("/problem post");
        if (revealedInBetween)
        {
            Assert.Equal(ProblemTexts.RevealedNow, await process.SendAsync("/problem reveal"));
        }

        time.Advance(TimeSpan.FromMinutes(5));
        var reply = await process.SendAsync("/problem post");

        var daily = (await process.Problems.LatestAsync((await process.GroupAsync()).Id, CancellationToken.None))!;
        var expected = revealedInBetween
            ? Format(ProblemTexts.AlreadyPostedTodayFormat, 1, "09:00")
            : Format(ProblemTexts.AlreadyOpenFormat, 1, ChatTime.Token(daily.Deadline));
        Assert.Equal(expected, reply);
        Assert.Equal(1, platform.Count("study", "Problem #"));

        // Nor does the 09:00 run add one, revealed or not.
        time.SetUtcNow(Berlin(9, 0, 30));
        await process.Runner.RunDueAsync(CancellationToken.None);
        Assert.Equal(1, platform.Count("study", "Problem #"));
    }

    [Fact]
    public async Task Problem_post_with_an_empty_bank_says_so_and_schedules_nothing()
    {
        var time = new FakeTimeProvider(Berlin(10, 0));
        var platform = new CountingPlatform();
        await using var process = await ProblemProcess.StartAsync(_folder.File("bot.db"), _folder.File("no-problems"), time, platform);
        await process.SendAsync("/group setup " + Zone);

        Assert.Equal(ProblemTexts.EmptyBank, await process.SendAsync("/problem post"));

        Assert.Empty(platform.Posts);
        var items = await process.DueItems.ListAsync((await process.GroupAsync()).Id, CancellationToken.None);
        Assert.DoesNotContain(items, i => i.Kind == DailyProblemPlanner.PostKind && i.OccurrenceKey == "2026-11-23");
    }

    [Fact]
    public async Task Problem_post_during_a_platform_outage_says_it_will_retry_and_the_scheduler_posts_it_once_later()
    {
        var time = new FakeTimeProvider(Berlin(7, 0));
        var platform = new CountingPlatform { FailWith = "503 Service Unavailable" };
        await using var process = await ProblemProcess.StartAsync(_folder.File("bot.db"), _bank, time, platform);
        await process.SendAsync("/group setup " + Zone);

        Assert.Equal(Format(ProblemTexts.NotPostedYetFormat, "503 Service Unavailable"), await process.SendAsync("/problem post"));
        Assert.Equal(Format(ProblemTexts.NotPostedYetFormat, "503 Service Unavailable"), await process.SendAsync("/problem post"));
        Assert.Empty(platform.Posts);

        platform.FailWith = null;
        time.Advance(TimeSpan.FromMinutes(30));
        await process.Runner.RunDueAsync(CancellationToken.None);
        Assert.Equal(1, platform.Count("study", "Problem #1:"));
        Assert.StartsWith(Format(ProblemTexts.AlreadyOpenFormat, 1, "").Split(',')[0], await process.SendAsync("/problem post"), StringComparison.Ordinal);
        time.SetUtcNow(Berlin(9, 0, 30));
        await process.Runner.RunDueAsync(CancellationToken.None);
        Assert.Equal(1, platform.Count("study", "Problem #"));
    }

    /// <summary>
    /// Twelve groups whose 09:00 post falls due while two organizers each type <c>/problem post</c>, all
    /// at once: whoever claims the day's post first posts it, the others are told it is open or on its way.
    /// </summary>
    [Fact]
    public async Task Problem_post_racing_the_scheduled_post_and_another_organizer_posts_each_group_s_problem_once()
    {
        const int groups = 12;
        var time = new FakeTimeProvider(Berlin(8, 0));
        var platform = new CountingPlatform(TimeSpan.FromMilliseconds(5));
        await using var process = await ProblemProcess.StartAsync(_folder.File("bot.db"), _bank, time, platform);
        var channels = Enumerable.Range(0, groups).Select(i => "g" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var channel in channels)
        {
            await process.SendAsync("/group setup " + Zone, channel: channel);
        }

        time.SetUtcNow(Berlin(9, 0));
        var organizers = channels.SelectMany(c => new[] { Task.Run(() => process.SendAsync("/problem post", channel: c)), Task.Run(() => process.SendAsync("/problem post", channel: c)) }).ToList();
        var scheduler = Task.Run(() => process.Runner.RunDueAsync(CancellationToken.None));
        await Task.WhenAll([scheduler, .. organizers]);
        await process.Runner.RunDueAsync(CancellationToken.None);

        foreach (var channel in channels)
        {
            Assert.Equal(1, platform.Count(channel, "Problem #1:"));
            Assert.Equal(1, platform.Count(channel, "Problem #"));
            var daily = (await process.Problems.LatestAsync((await process.GroupAsync(channel)).Id, CancellationToken.None))!;
            Assert.Equal(1, daily.Number);
        }

        var allowed = new Func<string, bool>[]
        {
            r => r.StartsWith(Format(ProblemTexts.PostedNowFormat, 1, "<").Split('<')[0], StringComparison.Ordinal),
            r => r.StartsWith(Format(ProblemTexts.AlreadyOpenFormat, 1, "<").Split('<')[0], StringComparison.Ordinal),
            r => r == ProblemTexts.BeingPostedNow,
        };
        Assert.All(await Task.WhenAll(organizers), reply => Assert.Contains(allowed, ok => ok(reply)));
    }

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(10, 0, true)]
    [InlineData(23, 30, true)]
    public async Task A_group_set_up_after_today_s_posting_time_gets_today_s_problem_at_once(int hour, int minute, bool postedAtOnce)
    {
        var time = new FakeTimeProvider(Berlin(hour, minute));
        var platform = new CountingPlatform();
        await using var process = await ProblemProcess.StartAsync(_folder.File("bot.db"), _bank, time, platform);

        var reply = await process.SendAsync("/group setup " + Zone);

        var group = await process.GroupAsync();
        Assert.Equal(GroupMessages.Created(group), reply);
        Assert.Equal(postedAtOnce ? 1 : 0, platform.Count("study", "Problem #1:"));
        var items = await process.DueItems.ListAsync(group.Id, CancellationToken.None);
        Assert.Equal(postedAtOnce, items.Any(i => i.Kind == DailyProblemPlanner.RevealKind && i.OccurrenceKey == "1" && i.DueAt == Berlin(hour, minute).AddHours(24)));

        // The scheduler finds nothing more to post today; tomorrow's problem comes at 09:00 as usual.
        await process.Runner.RunDueAsync(CancellationToken.None);
        Assert.Equal(postedAtOnce ? 1 : 0, platform.Count("study", "Problem #"));
        Assert.Contains(items, i => i.Kind == DailyProblemPlanner.PostKind && i.OccurrenceKey == "2026-11-24" && i.State == DueItemState.Pending);
    }

    /// <summary>A crash after the post was recorded but before its reveal was scheduled: the retry schedules it.</summary>
    [Fact]
    public async Task A_post_recorded_before_a_crash_gets_its_reveal_and_hints_when_the_run_is_retried()
    {
        var time = new FakeTimeProvider(Berlin(8, 0));
        var platform = new CountingPlatform();
        await using var process = await ProblemProcess.StartAsync(_folder.File("bot.db"), _bank, time, platform);
        await process.SendAsync("/group setup " + Zone);
        var group = await process.GroupAsync();
        time.SetUtcNow(Berlin(9, 0, 30));
        var daily = await process.Problems.GetOrCreateAsync(group.Id, "2026-11-23", _ => OneProblemBank.ProblemId, Berlin(9, 0), Berlin(9, 0, day: 24), CancellationToken.None);
        await process.Problems.SetMessageAsync(daily.Id, new PostedMessage(ProblemProcess.Channel, "m-before-crash", "t-before-crash"), CancellationToken.None);

        await process.Runner.RunDueAsync(CancellationToken.None);

        Assert.Empty(platform.Posts);
        var items = await process.DueItems.ListAsync(group.Id, CancellationToken.None);
        Assert.Equal(Berlin(9, 0, day: 24), items.Single(i => i.Kind == DailyProblemPlanner.RevealKind && i.OccurrenceKey == "1").DueAt);
        Assert.Equal(Berlin(21, 0), items.Single(i => i.Kind == DailyProblemPlanner.HintKind && i.OccurrenceKey == "1:2").DueAt);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
