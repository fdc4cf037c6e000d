using MathForML.Core.Participation;
using MathForML.Math;
using static MathForML.Storage.Tests.Stores.ParticipationSeed;

namespace MathForML.Storage.Tests.Stores;

public sealed class SqliteGroupRosterTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _test = new();
    private readonly ParticipationSeed _seed;
    private long _one;
    private long _two;
    private long _ada;
    private long _bo;
    private long _cy;
    private long _eve;

    public SqliteGroupRosterTests() => _seed = new ParticipationSeed(_test);

    public async Task InitializeAsync()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        _one = await _seed.GroupAsync("C1", "Group one");
        _two = await _seed.GroupAsync("C2", "Group two");
        _ada = await _seed.MemberAsync("U1", "Ada");
        _bo = await _seed.MemberAsync("U2", "Bo", hidden: true);
        _cy = await _seed.MemberAsync("U3", "Cy");
        await _seed.MemberAsync("U4", "Di");
        _eve = await _seed.MemberAsync("U5", "Eve");

        var inOne = await _seed.ProblemAsync(_one, "la-eigen-2x2", Monday);
        var inTwo = await _seed.ProblemAsync(_two, "calc-chain-rule", Monday);
        await _seed.AttemptAsync(inOne, _ada, "1/2", Outcome.Correct, Monday.AddMinutes(1));
        await _seed.AttemptAsync(inOne, _ada, "1/2", Outcome.Correct, Monday.AddMinutes(2));
        await _seed.EventAsync(_one, _ada, ParticipationKinds.ReadingDone, "session-1", Monday.AddMinutes(3));
        await _seed.EventAsync(_one, _bo, ParticipationKinds.Rsvp, "session-1", Monday.AddMinutes(4));
        await _seed.AttemptAsync(inTwo, _cy, "2x", Outcome.Incorrect, Monday.AddMinutes(5));
        await _seed.EventAsync(_two, _eve, ParticipationKinds.Hint, "1", Monday.AddMinutes(6));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Roster_has_each_member_with_attempts_or_events_in_the_group_once_with_the_hidden_flag()
    {
        var one = await _seed.Roster.MembersAsync(_one, CancellationToken.None);
        var two = await _seed.Roster.MembersAsync(_two, CancellationToken.None);

        Assert.Equal([new RosterEntry(_ada, "Ada", false), new RosterEntry(_bo, "Bo", true)], one);
        Assert.Equal([new RosterEntry(_cy, "Cy", false), new RosterEntry(_eve, "Eve", false)], two);
    }

    [Fact]
    public async Task Roster_of_a_group_without_activity_is_empty()
    {
        var quiet = await _seed.GroupAsync("C3", "Quiet");

        Assert.Empty(await _seed.Roster.MembersAsync(quiet, CancellationToken.None));
        Assert.Empty(await _seed.Roster.MembersAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task Roster_follows_name_and_privacy_changes_and_shows_forgotten_members_as_hidden()
    {
        await _seed.Members.SetHiddenFromLeaderboardsAsync(_bo, false, CancellationToken.None);
        var anonymous = await _seed.DataRights.ForgetMemberAsync(_ada, Monday.AddDays(1), CancellationToken.None);

        var one = await _seed.Roster.MembersAsync(_one, CancellationToken.None);

        Assert.Equal([new RosterEntry(_bo, "Bo", false), new RosterEntry(anonymous!.Value, "forgotten member", true)], one.OrderBy(e => e.MemberId));
    }
}
