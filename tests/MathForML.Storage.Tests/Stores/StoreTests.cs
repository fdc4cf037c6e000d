using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Storage.Stores;

namespace MathForML.Storage.Tests.Stores;

public sealed class StoreTests : IAsyncLifetime, IDisposable
{
    private static readonly ConversationRef Home = new(ChatPlatform.Discord, "guild-1", "channel-1");
    private readonly TestDatabase _test = new();

    public Task InitializeAsync() => _test.Database.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Group_round_trips_with_settings_survives_restart_and_is_found_from_its_threads()
    {
        var settings = new GroupSettings { DailyProblemAt = new TimeOnly(18, 30), AnswerWindowHours = 36 };
        var created = await new SqliteStudyGroupStore(_test.Database).TryCreateAsync(
            new NewStudyGroup(Home, "Strang 18.06", "America/New_York", settings, new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)),
            CancellationToken.None);

        var found = await new SqliteStudyGroupStore(_test.Reopen()).FindByHomeAsync(Home, CancellationToken.None);

        Assert.Equal(created, found);
        Assert.Equal(created, await new SqliteStudyGroupStore(_test.Database).FindByHomeAsync(Home.InThread("thread-9"), CancellationToken.None));
        Assert.Equal(new TimeOnly(18, 30), found!.Settings.DailyProblemAt);
    }

    [Fact]
    public async Task Second_group_in_the_same_channel_is_refused_as_a_value()
    {
        var store = new SqliteStudyGroupStore(_test.Database);
        var group = new NewStudyGroup(Home, "First", "UTC", new GroupSettings(), DateTimeOffset.UnixEpoch);
        Assert.NotNull(await store.TryCreateAsync(group, CancellationToken.None));

        Assert.Null(await store.TryCreateAsync(group with { Name = "Second" }, CancellationToken.None));
    }

    [Fact]
    public async Task Group_update_changes_time_zone()
    {
        var store = new SqliteStudyGroupStore(_test.Database);
        var group = await store.TryCreateAsync(new NewStudyGroup(Home, "G", "UTC", new GroupSettings(), DateTimeOffset.UnixEpoch), CancellationToken.None);

        await store.UpdateAsync(group! with { TimeZoneId = "Asia/Kolkata" }, CancellationToken.None);

        Assert.Equal("Asia/Kolkata", (await store.FindByHomeAsync(Home, CancellationToken.None))!.TimeZoneId);
    }

    [Fact]
    public async Task Member_is_created_once_and_keeps_display_name_current()
    {
        var store = new SqliteMemberStore(_test.Database);
        var first = await store.EnsureAsync(new MemberRef(ChatPlatform.Slack, "U1", "ada"), DateTimeOffset.UnixEpoch, CancellationToken.None);

        var again = await store.EnsureAsync(new MemberRef(ChatPlatform.Slack, "U1", "Ada Lovelace"), DateTimeOffset.UnixEpoch.AddDays(1), CancellationToken.None);
        var other = await store.EnsureAsync(new MemberRef(ChatPlatform.Discord, "U1", "someone else"), DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Ada Lovelace", again.DisplayName);
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task Concurrent_first_sightings_of_a_member_create_one_row()
    {
        var store = new SqliteMemberStore(_test.Database);
        var member = new MemberRef(ChatPlatform.Discord, "42", "Grace");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.EnsureAsync(member, DateTimeOffset.UnixEpoch, CancellationToken.None))));

        Assert.Single(results.Select(r => r.Id).Distinct());
    }
}
