using BenchmarkDotNet.Attributes;
using MathForML.Core.Participation;

namespace MathForML.Participation.Benchmarks;

/// <summary>
/// The participation read side on a year of a 1,000-member group (see <see cref="ParticipationSeed"/>): the
/// <c>/leaderboard</c> query for each period, <c>/streak</c> for a member active nearly every day and for one
/// active a few times a month, and everyone's current streak (which every leaderboard also computes).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ParticipationBenchmarks
{
    private SeededDatabase _database = null!;

    /// <summary>The operations in the order they are reported; <see cref="QuickMeasure"/> times the same ones.</summary>
    internal static IReadOnlyList<(string Name, Func<SeededDatabase, Task<int>> Run)> Operations { get; } =
    [
        ("Leaderboard week", db => Leaderboard(db, LeaderboardPeriod.Week)),
        ("Leaderboard month", db => Leaderboard(db, LeaderboardPeriod.Month)),
        ("Leaderboard all", db => Leaderboard(db, LeaderboardPeriod.All)),
        ("Streak heavy member", async db => (await db.Queries.StreakAsync(db.Group, db.Heavy, ParticipationSeed.Now, CancellationToken.None)).Report.History.Count),
        ("Streak light member", async db => (await db.Queries.StreakAsync(db.Group, db.Light, ParticipationSeed.Now, CancellationToken.None)).Report.History.Count),
        ("Current streaks (group)", async db => (await db.Queries.CurrentStreaksAsync(db.Group, ParticipationSeed.Now, CancellationToken.None)).Count),

        // Breakdown of the group-wide parts every leaderboard pays for: the two store reads, and the streak
        // arithmetic alone on solves already in memory.
        ("- store: solve days", async db => (await db.Problems.SolveDaysAsync(db.Group.Id, CancellationToken.None)).Count),
        ("- store: solve totals all", async db => (await db.Problems.SolveTotalsAsync(db.Group.Id, null, CancellationToken.None)).Count),
        ("- calc: 1,000 streaks", db => Task.FromResult(StreaksInMemory(db))),
    ];

    [GlobalSetup]
    public async Task SetUpAsync() => _database = await SeededDatabase.OpenAsync(Console.Out, reseed: false, CancellationToken.None);

    [Benchmark]
    public Task<int> LeaderboardWeek() => Operations[0].Run(_database);

    [Benchmark]
    public Task<int> LeaderboardMonth() => Operations[1].Run(_database);

    [Benchmark]
    public Task<int> LeaderboardAll() => Operations[2].Run(_database);

    [Benchmark]
    public Task<int> StreakHeavyMember() => Operations[3].Run(_database);

    [Benchmark]
    public Task<int> StreakLightMember() => Operations[4].Run(_database);

    [Benchmark]
    public Task<int> CurrentStreaksForGroup() => Operations[5].Run(_database);

    [Benchmark]
    public Task<int> BreakdownStoreSolveDays() => Operations[6].Run(_database);

    [Benchmark]
    public Task<int> BreakdownStoreSolveTotalsAll() => Operations[7].Run(_database);

    [Benchmark]
    public Task<int> BreakdownCalcStreaksInMemory() => Operations[8].Run(_database);

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    private static int StreaksInMemory(SeededDatabase db)
    {
        var (solves, problemDays, today) = db.InMemory;
        var sum = 0;
        foreach (var member in solves.Values)
        {
            sum += StreakCalculator.Summarize(member, problemDays, today).Current;
        }

        return sum;
    }

    private static async Task<int> Leaderboard(SeededDatabase db, LeaderboardPeriod period) =>
        (await db.Queries.LeaderboardAsync(db.Group, period, ParticipationSeed.Now, CancellationToken.None)).Count;
}
