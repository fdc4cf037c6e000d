using MathForML.Core.Scheduling;
using MathForML.TestKit;

namespace MathForML.IntegrationTests.Scheduling;

public sealed class SchedulerSimulationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Six weeks of daily posts at 02:30 local time in three zones whose DST changes fall inside the
    /// window (New York 8 March, Berlin 29 March, Sydney 5 April), with the process killed at random
    /// points (before a post, after a post but before it is recorded): every post happens exactly once.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Every_due_post_happens_exactly_once_across_dst_changes_and_random_crashes(int seed)
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2026, 4, 12, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var platform = new RecordingPlatform();
        var crashes = new CrashPlan(seed, probability: 0.15);
        var path = _folder.File($"sim-{seed}.db");
        var handler = new PostingHandler("daily-problem", CatchUpPolicy.LatestOnly, platform, time, crashes);
        var process = await SchedulerProcess.StartAsync(path, time, handler);
        var expected = new Dictionary<string, DateTimeOffset>();
        foreach (var zoneId in new[] { "America/New_York", "Europe/Berlin", "Australia/Sydney" })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            var group = await Groups.CreateAsync(process, zoneId, zoneId, start);
            var items = new List<NewDueItem>();
            for (var date = new DateOnly(2026, 3, 2); date <= new DateOnly(2026, 4, 10); date = date.AddDays(1))
            {
                var due = LocalTimes.ToInstant(date, new TimeOnly(2, 30), zone);
                items.Add(new NewDueItem(group.Id, "daily-problem", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), due));
            }

            await process.Store.AddAsync(items, CancellationToken.None);
            foreach (var item in items)
            {
                expected[$"mfml:{group.Id}:daily-problem:{item.OccurrenceKey}"] = item.DueAt;
            }
        }

        var step = TimeSpan.FromMinutes(30);
        while (time.GetUtcNow() < end)
        {
            time.Advance(step);
            try
            {
                await process.Runner.RunDueAsync(crashes.Lifetime.Token);
            }
            catch (OperationCanceledException)
            {
                await process.DisposeAsync();
                crashes.Restarted();
                process = await SchedulerProcess.StartAsync(path, time, handler);
            }
        }

        await process.DisposeAsync();
        Assert.True(crashes.Crashes > 15, $"only {crashes.Crashes} crashes were injected");
        Assert.Equal(expected.Count, platform.Messages.Count);
        Assert.Equal(expected.Keys.Order(), platform.Messages.Select(m => m.Key).Order());
        // Never early, never a day late; a crash costs the item one lease and a step, so most are on time.
        var lateness = platform.Messages.Select(m => (m.Key, Late: m.At - expected[m.Key])).ToList();
        Assert.All(lateness, l => Assert.True(l.Late >= TimeSpan.Zero && l.Late < TimeSpan.FromHours(6), $"{l.Key} posted {l.Late} after it was due"));
        Assert.True(lateness.Count(l => l.Late <= step) >= lateness.Count * 0.7, "most posts should go out within one scheduler step");
    }

    [Fact]
    public async Task After_downtime_only_the_newest_missed_daily_problem_is_posted_and_stale_reminders_are_dropped()
    {
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var platform = new RecordingPlatform();
        var path = _folder.File("downtime.db");
        IDueItemHandler[] handlers =
        [
            new PostingHandler("daily-problem", CatchUpPolicy.LatestOnly, platform, time),
            new PostingHandler("reminder", CatchUpPolicy.UntilExpiry, platform, time),
            new PostingHandler("reveal", CatchUpPolicy.Always, platform, time),
        ];
        await using (var before = await SchedulerProcess.StartAsync(path, time, handlers))
        {
            var group = await Groups.CreateAsync(before, "c", "UTC", start);
            await before.Store.AddAsync(
                [
                    .. Enumerable.Range(0, 7).Select(d => new NewDueItem(group.Id, "daily-problem", "day" + d, start.AddDays(d).AddHours(9))),
                    new NewDueItem(group.Id, "reminder", "session-1", start.AddDays(2).AddHours(17), ExpiresAt: start.AddDays(2).AddHours(18)),
                    new NewDueItem(group.Id, "reminder", "session-2", start.AddDays(6).AddHours(17), ExpiresAt: start.AddDays(6).AddHours(18)),
                    new NewDueItem(group.Id, "reveal", "day1", start.AddDays(2).AddHours(9)),
                ],
                CancellationToken.None);
            time.Advance(TimeSpan.FromHours(9.5));
            await before.Runner.RunDueAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(0.5));
            await before.Runner.RunDueAsync(CancellationToken.None);
            Assert.Equal(2, platform.Messages.Count);
        }

        // Down from day 1, 10:00 until day 5, 12:00: days 2–5's problems, session 1's reminder and the reveal were due.
        time.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(2));
        await using var after = await SchedulerProcess.StartAsync(path, time, handlers);
        await after.Runner.RunDueAsync(CancellationToken.None);

        // In due order: the late reveal (due day 2) always runs; of the missed problems only day 5's.
        Assert.Equal(
            ["daily-problem:day0", "daily-problem:day1", "reveal:day1", "daily-problem:day5"],
            platform.Messages.Select(m => string.Join(':', m.Key.Split(':')[^2..])));
        var items = await after.Store.ListAsync(1, CancellationToken.None);
        Assert.All(items.Where(i => i.OccurrenceKey is "day2" or "day3" or "day4"), i => Assert.Equal(DueItemState.Dropped, i.State));
        Assert.Equal(DueItemState.Dropped, items.Single(i => i.OccurrenceKey == "session-1").State);
        Assert.Equal(DueItemState.Pending, items.Single(i => i.OccurrenceKey == "session-2").State);
    }
}
