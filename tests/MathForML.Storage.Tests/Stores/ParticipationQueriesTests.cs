using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;
using MathForML.Math;
using MathForML.Storage.Stores;
using static MathForML.Storage.Tests.Stores.ParticipationSeed;

namespace MathForML.Storage.Tests.Stores;

/// <summary>Streaks and leaderboards over the real stores, including groups where a reading done keeps the day.</summary>
public sealed class ParticipationQueriesTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _test = new();
    private readonly ParticipationSeed _seed;
    private StudyGroup _group = null!;
    private Member _ada = null!;

    public ParticipationQueriesTests() => _seed = new ParticipationSeed(_test);

    private ParticipationQueries Queries => new(_seed.Problems, _seed.Log, _seed.Members);

    public async Task InitializeAsync()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        var groups = new SqliteStudyGroupStore(_test.Database);
        _group = (await groups.FindByIdAsync(await _seed.GroupAsync("C1", "Group one"), CancellationToken.None))!;
        var adaId = await _seed.MemberAsync("U1", "Ada");
        _ada = await _seed.Members.EnsureAsync(new MemberRef(ChatPlatform.Slack, "U1", "Ada"), Monday, CancellationToken.None);
        Assert.Equal(adaId, _ada.Id);

        // Problems on Monday, Tuesday and Wednesday; Ada solves Monday's and Wednesday's and only reads on Tuesday.
        for (var day = 0; day < 3; day++)
        {
            var problem = await _seed.ProblemAsync(_group.Id, "p" + day, Monday.AddDays(day));
            await _seed.Problems.SetMessageAsync(problem.Id, new PostedMessage(_group.Home, "m" + day, null), CancellationToken.None);
            if (day != 1)
            {
                await _seed.AttemptAsync(problem, _ada.Id, "1", Outcome.Correct, Monday.AddDays(day).AddHours(2));
            }
        }

        await _seed.EventAsync(_group.Id, _ada.Id, ParticipationKinds.ReadingDone, "session-2026-11-24", Monday.AddDays(1).AddHours(10));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task By_default_a_day_with_only_a_reading_is_missed()
    {
        var streak = await Queries.StreakAsync(_group, _ada, Monday.AddDays(2).AddHours(12), CancellationToken.None);

        Assert.Equal([StreakDayKind.Counted, StreakDayKind.Missed, StreakDayKind.Counted], streak.Report.History.Select(d => d.Kind));
        Assert.Equal(1, streak.Report.Current);
        Assert.Equal(1, (await Queries.CurrentStreaksAsync(_group, Monday.AddDays(2).AddHours(12), CancellationToken.None))[_ada.Id]);
    }

    [Fact]
    public async Task When_the_group_counts_reading_a_reading_keeps_the_day_and_says_so()
    {
        var group = _group with { Settings = _group.Settings with { ReadingCountsForStreaks = true } };

        var streak = await Queries.StreakAsync(group, _ada, Monday.AddDays(2).AddHours(12), CancellationToken.None);

        Assert.Equal([StreakDayKind.Counted, StreakDayKind.Counted, StreakDayKind.Counted], streak.Report.History.Select(d => d.Kind));
        Assert.Equal([null, "session-2026-11-24", null], streak.Report.History.Select(d => d.ReadingSubject));
        Assert.Equal(3, streak.Report.Current);
        Assert.Equal(3, (await Queries.CurrentStreaksAsync(group, Monday.AddDays(2).AddHours(12), CancellationToken.None))[_ada.Id]);
        Assert.Equal(3, (await Queries.LeaderboardAsync(group, LeaderboardPeriod.All, Monday.AddDays(2).AddHours(12), CancellationToken.None)).Single().Streak);
    }

    [Fact]
    public async Task The_leaderboard_counts_a_members_streak_on_their_own_days_as_streak_does()
    {
        // Problems at 08:00 UTC on Thursday and Saturday (none on Friday: the bot was down). For a member in
        // Pago Pago (UTC-11) they were posted on Wednesday and Friday evening; they solve both that same evening.
        var pagoPago = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago");
        var bo = await _seed.MemberAsync("U2", "Bo");
        await _seed.Members.SetTimeZoneAsync(bo, pagoPago.Id, CancellationToken.None);
        var member = await _seed.Members.EnsureAsync(new MemberRef(ChatPlatform.Slack, "U2", "Bo"), Monday, CancellationToken.None);
        foreach (var day in new[] { 3, 5 })
        {
            var posted = Monday.AddDays(day);
            var problem = await _seed.ProblemAsync(_group.Id, "q" + day, posted);
            await _seed.Problems.SetMessageAsync(problem.Id, new PostedMessage(_group.Home, "n" + day, null), CancellationToken.None);
            var at = posted.AddHours(1);
            await _seed.Problems.AddAttemptAsync(
                new Attempt(problem.Id, bo, 0, "1", Outcome.Correct, 1, false, ChatPlatform.Slack, at) { LocalDay = LocalTimes.DateIn(at, pagoPago), TimeZoneId = pagoPago.Id },
                CancellationToken.None);
        }

        var now = Monday.AddDays(5).AddHours(12);
        var own = await Queries.StreakAsync(_group, member, now, CancellationToken.None);
        var everyone = await Queries.CurrentStreaksAsync(_group, now, CancellationToken.None);

        Assert.Equal(2, own.Report.Current);
        Assert.Equal(own.Report.Current, everyone[bo]);
    }
}
