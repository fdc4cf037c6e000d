using MathForML.Core.Reading;
using MathForML.TestKit;

namespace MathForML.IntegrationTests.Reading;

/// <summary>
/// The whole reading-group flow through the terminal channel, with a fake clock: set up, see the
/// plan, fast-forward, and watch the announcement, reminder and discussion thread arrive once each.
/// </summary>
public sealed class ReadingFlowTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Setup_plan_posts_and_done_work_end_to_end_across_simulated_days()
    {
        // Monday 23 Nov 2026, 10:00 in Berlin.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time);

        var setup = await terminal.SendAsync("/reading setup mml 2026-11-24 2 every Tuesday and Friday at 18:30");
        Assert.Contains("Reading plan set: Mathematics for Machine Learning, 2 sections per session, every Tuesday and Friday at 18:30 (Europe/Berlin), starting 2026-11-24", setup, StringComparison.Ordinal);
        Assert.Contains("Session 1, Tue 24 Nov 2026 18:30 Europe/Berlin: MML §1.1–1.2, pp. 12–16: Finding Words for Intuitions; Two Ways to Read This Book", setup, StringComparison.Ordinal);

        var plan = await terminal.SendAsync("/reading plan");
        Assert.Contains("Session 2, Fri 27 Nov 2026 18:30 Europe/Berlin: MML §1.3–2.1, pp. 16–22", plan, StringComparison.Ordinal);

        // The announcement (2 days ahead) is already due for Tuesday's session: it goes out at once.
        time.Advance(TimeSpan.FromMinutes(1));
        await terminal.WaitForPostAsync("[post] Reading for session 1: MML §1.1–1.2", time);

        // Tuesday 17:30 local: the reminder; 18:30: the discussion thread.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 16, 31, 0, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Reading session 1 starts", time);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 31, 0, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[thread opened: Session 1: MML §1.1–1.2, pp. 12–16]", time);

        var done = await terminal.SendAsync("/reading done");
        Assert.Contains("Marked session 2 (MML §1.3–2.1, pp. 16–22) as read. 1 member(s) so far.", done, StringComparison.Ordinal);
        Assert.Contains("already marked", await terminal.SendAsync("/reading done"), StringComparison.Ordinal);

        Assert.Contains("See you at session 2, Fri 27 Nov 2026 18:30 Europe/Berlin. 1 member(s) are coming.", await terminal.SendAsync("/reading rsvp"), StringComparison.Ordinal);
        Assert.Contains("Your time zone is now Asia/Tokyo", await terminal.SendAsync("/timezone Asia/Tokyo"), StringComparison.Ordinal);
        Assert.Contains("You now follow your group's time zone.", await terminal.SendAsync("/timezone group"), StringComparison.Ordinal);

        var skip = await terminal.SendAsync("/reading skip 2026-11-27");
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadingPlanChanges.MovedFormat, 2, "§1.3–2.1", "Fri 27 Nov", "Tue 1 Dec"), skip, StringComparison.Ordinal);

        var transcript = terminal.Output;
        Assert.Equal(1, Count(transcript, "[post] Reading for session 1:"));
        Assert.Equal(1, Count(transcript, "[post] Reading session 1 starts"));
        Assert.Equal(1, Count(transcript, "[thread opened: Session 1:"));
    }

    [Fact]
    public async Task A_group_time_zone_change_moves_the_scheduled_posts_with_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time);
        await terminal.SendAsync("/reading setup mml 2026-11-24 2 every Tuesday at 18:30");
        await terminal.SendAsync("/group timezone America/New_York");

        // 17:31 in Berlin: nothing (the group now meets at 18:30 New York time).
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 16, 31, 0, TimeSpan.Zero));
        var show = await terminal.SendAsync("/reading");
        Assert.DoesNotContain("[post] Reading session 1 starts", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("Tue 24 Nov 2026 18:30 America/New_York", show, StringComparison.Ordinal);

        // 17:31 in New York: the reminder.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 31, 0, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Reading session 1 starts", time);
    }

    [Fact]
    public async Task Setup_with_bad_input_explains_what_is_accepted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time);

        Assert.Contains("I don't know the book `nope`. Available: `cs229`, `esl`, `ladr`, `mml`.", await terminal.SendAsync("/reading setup nope 2026-11-24 2 every Tuesday at 18:30"), StringComparison.Ordinal);
        Assert.Contains("`funday` (at position 6) is not a day of the week", await terminal.SendAsync("/reading setup mml 2026-11-24 2 every Funday at 18:30"), StringComparison.Ordinal);
        Assert.Contains("The start date 2026-11-01 is in the past", await terminal.SendAsync("/reading setup mml 2026-11-01 2 every Tuesday at 18:30"), StringComparison.Ordinal);
        Assert.Contains("`lots` is not an amount per session", await terminal.SendAsync("/reading setup mml 2026-11-24 lots every Tuesday at 18:30"), StringComparison.Ordinal);
        Assert.Contains(ReadingMessages.NoPlan, await terminal.SendAsync("/reading"), StringComparison.Ordinal);
        Assert.Contains("about 30 pages per session", await terminal.SendAsync("/reading setup mml 2026-11-24 30p every Tuesday at 18:30"), StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
