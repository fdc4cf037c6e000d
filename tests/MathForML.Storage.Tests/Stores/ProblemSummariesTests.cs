using MathForML.Core.Problems;
using MathForML.Math;
using static MathForML.Storage.Tests.Stores.ParticipationSeed;

namespace MathForML.Storage.Tests.Stores;

public sealed class ProblemSummariesTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _test = new();
    private readonly ParticipationSeed _seed;
    private long _group;
    private DailyProblem _monday = null!;
    private DailyProblem _tuesday = null!;
    private DailyProblem _wednesday = null!;

    public ProblemSummariesTests() => _seed = new ParticipationSeed(_test);

    public async Task InitializeAsync()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        _group = await _seed.GroupAsync("C1", "Group one");
        var other = await _seed.GroupAsync("C2", "Group two");
        var ada = await _seed.MemberAsync("U1", "Ada");
        var bo = await _seed.MemberAsync("U2", "Bo");
        var cy = await _seed.MemberAsync("U3", "Cy");
        var di = await _seed.MemberAsync("U4", "Di");

        // Posted out of time order: #2 is Wednesday's, #3 Tuesday's.
        _monday = await _seed.ProblemAsync(_group, "p-mon", Monday);
        _wednesday = await _seed.ProblemAsync(_group, "p-wed", Monday.AddDays(2));
        _tuesday = await _seed.ProblemAsync(_group, "p-tue", Monday.AddDays(1));
        var elsewhere = await _seed.ProblemAsync(other, "p-other", Monday.AddDays(1));

        // Monday: Ada solves on the second try, Bo on the first, Cy only fails, Di only types nonsense.
        await _seed.AttemptAsync(_monday, ada, "1/3", Outcome.Incorrect, Monday.AddMinutes(2));
        await _seed.AttemptAsync(_monday, ada, "1/2", Outcome.Correct, Monday.AddMinutes(3));
        await _seed.InvalidAttemptAsync(_monday, ada, "1/", Monday.AddMinutes(8));
        await _seed.AttemptAsync(_monday, bo, "0.5", Outcome.Correct, Monday.AddMinutes(4));
        await _seed.AttemptAsync(_monday, bo, "1/2", Outcome.Correct, Monday.AddMinutes(5));
        await _seed.AttemptAsync(_monday, cy, "2", Outcome.Incorrect, Monday.AddMinutes(6));
        await _seed.InvalidAttemptAsync(_monday, di, "??", Monday.AddMinutes(7));

        // Tuesday: Ada solves on the first try but after the reveal; Bo solves late on the second try.
        await _seed.AttemptAsync(_tuesday, ada, "x", Outcome.Correct, Monday.AddDays(2), late: true);
        await _seed.AttemptAsync(_tuesday, bo, "y", Outcome.Incorrect, Monday.AddDays(1).AddHours(1));
        await _seed.AttemptAsync(_tuesday, bo, "x", Outcome.Correct, Monday.AddDays(2), late: true);

        // Another group's problem never leaks in.
        await _seed.AttemptAsync(elsewhere, di, "z", Outcome.Correct, Monday.AddDays(1));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Summaries_count_tried_solved_first_try_and_late_per_problem_oldest_first()
    {
        var summaries = await _seed.Problems.SummariesAsync(_group, null, CancellationToken.None);

        Assert.Equal(
            [
                new ProblemSummary(_monday.Id, 1, "p-mon", Monday, new AttemptSummary(Tried: 3, Solved: 2, SolvedFirstTry: 1, SolvedLate: 0)),
                new ProblemSummary(_tuesday.Id, 3, "p-tue", Monday.AddDays(1), new AttemptSummary(Tried: 2, Solved: 2, SolvedFirstTry: 1, SolvedLate: 2)),
                new ProblemSummary(_wednesday.Id, 2, "p-wed", Monday.AddDays(2), new AttemptSummary(0, 0, 0, 0)),
            ],
            summaries);
    }

    [Theory]
    [InlineData(0, new[] { 1, 3, 2 })]
    [InlineData(24, new[] { 3, 2 })]
    [InlineData(25, new[] { 2 })]
    [InlineData(48, new[] { 2 })]
    [InlineData(49, new int[0])]
    public async Task Since_keeps_problems_posted_from_that_time_on(int hoursAfterMonday, int[] numbers)
    {
        var summaries = await _seed.Problems.SummariesAsync(_group, Monday.AddHours(hoursAfterMonday), CancellationToken.None);

        Assert.Equal(numbers, summaries.Select(s => s.Number));
    }

    [Fact]
    public async Task Summaries_agree_with_each_problems_own_summary_once_invalid_attempts_are_set_aside()
    {
        var summaries = await _seed.Problems.SummariesAsync(_group, null, CancellationToken.None);

        Assert.Equal(
            new AttemptSummary(Tried: 2, Solved: 2, SolvedFirstTry: 1, SolvedLate: 2),
            await _seed.Problems.SummarizeAsync(_tuesday.Id, CancellationToken.None));
        Assert.Equal(
            await _seed.Problems.SummarizeAsync(_tuesday.Id, CancellationToken.None),
            summaries.Single(s => s.DailyProblemId == _tuesday.Id).Attempts);
    }

    [Fact]
    public async Task A_group_without_problems_has_no_summaries()
    {
        var empty = await _seed.GroupAsync("C3", "Empty");

        Assert.Empty(await _seed.Problems.SummariesAsync(empty, null, CancellationToken.None));
    }
}
