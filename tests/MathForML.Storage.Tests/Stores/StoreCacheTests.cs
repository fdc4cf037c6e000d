using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Storage.Stores;
using MathForML.TestKit;
using Microsoft.Data.Sqlite;

namespace MathForML.Storage.Tests.Stores;

/// <summary>
/// Cheap commands are cheap: who sent a command and where is answered from <see cref="StoreCache"/> without a round
/// trip, writes through the stores are seen at once, and another process's writes within <see cref="StoreCache.Lifetime"/>.
/// Rows are changed behind the cache's back with plain SQL to prove what was (not) read or written.
/// </summary>
public sealed class StoreCacheTests : IAsyncLifetime, IDisposable
{
    private static readonly ConversationRef Home = new(ChatPlatform.Discord, "guild-1", "channel-1");
    private static readonly MemberRef Ada = new(ChatPlatform.Discord, "42", "Ada");
    private readonly TestDatabase _test = new();
    private readonly FakeTimeProvider _clock = new();

    public Task InitializeAsync() => _test.Database.InitializeAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task A_known_member_costs_no_round_trip_and_last_seen_is_written_at_most_hourly()
    {
        var store = new SqliteMemberStore(_test.Database, new StoreCache(_clock));
        var created = await store.EnsureAsync(Ada, _clock.GetUtcNow(), CancellationToken.None);
        var stored = await LastSeenAsync(created.Id);

        // Renamed behind the cache's back: a read would see it.
        await ExecuteAsync($"UPDATE Members SET TimeZoneId = 'Asia/Tokyo' WHERE Id = {created.Id}");
        _clock.Advance(TimeSpan.FromSeconds(10));
        var again = await store.EnsureAsync(Ada, _clock.GetUtcNow(), CancellationToken.None);

        Assert.Null(again.TimeZoneId);
        Assert.Equal(stored, await LastSeenAsync(created.Id));

        // Past the cache's lifetime the row is read again; "last seen" waits for the hour.
        _clock.Advance(StoreCache.Lifetime);
        Assert.Equal("Asia/Tokyo", (await store.EnsureAsync(Ada, _clock.GetUtcNow(), CancellationToken.None)).TimeZoneId);
        Assert.Equal(stored, await LastSeenAsync(created.Id));
        _clock.Advance(StoreCache.LastSeenResolution);
        await store.EnsureAsync(Ada, _clock.GetUtcNow(), CancellationToken.None);
        Assert.True(await LastSeenAsync(created.Id) > stored);
    }

    [Fact]
    public async Task A_members_own_changes_are_seen_by_the_next_command_at_once()
    {
        var cache = new StoreCache(_clock);
        var store = new SqliteMemberStore(_test.Database, cache);
        var member = await store.EnsureAsync(Ada, _clock.GetUtcNow(), CancellationToken.None);

        await store.SetTimeZoneAsync(member.Id, "Europe/Berlin", CancellationToken.None);
        Assert.Equal("Europe/Berlin", (await store.EnsureAsync(Ada, _clock.GetUtcNow(), CancellationToken.None)).TimeZoneId);
        await store.SetHiddenFromLeaderboardsAsync(member.Id, hidden: true, CancellationToken.None);
        Assert.True((await store.EnsureAsync(Ada, _clock.GetUtcNow(), CancellationToken.None)).HiddenFromLeaderboards);
        Assert.Equal("Ada Lovelace", (await store.EnsureAsync(Ada with { DisplayName = "Ada Lovelace" }, _clock.GetUtcNow(), CancellationToken.None)).DisplayName);

        var forgotten = await new SqliteDataRights(_test.Database, cache).ForgetMemberAsync(member.Id, _clock.GetUtcNow(), CancellationToken.None);
        Assert.Null(forgotten); // no records: the row is simply deleted
        Assert.NotEqual(member.Id, (await store.EnsureAsync(Ada with { DisplayName = "Ada Lovelace" }, _clock.GetUtcNow(), CancellationToken.None)).Id);
    }

    [Fact]
    public async Task A_channel_without_a_group_is_remembered_until_a_group_is_set_up_there()
    {
        var store = new SqliteStudyGroupStore(_test.Database, new StoreCache(_clock));
        Assert.Null(await store.FindByHomeAsync(Home, CancellationToken.None));

        // Created behind the cache's back (another process): unseen until the entry expires.
        var other = new SqliteStudyGroupStore(_test.Database, new StoreCache(_clock));
        var created = await other.TryCreateAsync(new NewStudyGroup(Home, "MML", "UTC", new GroupSettings(), _clock.GetUtcNow()), CancellationToken.None);
        Assert.Null(await store.FindByHomeAsync(Home.InThread("thread-1"), CancellationToken.None));
        _clock.Advance(StoreCache.Lifetime);
        Assert.Equal(created, await store.FindByHomeAsync(Home, CancellationToken.None));

        // Through the same store: seen at once.
        await store.UpdateAsync(created! with { TimeZoneId = "Asia/Kolkata" }, CancellationToken.None);
        Assert.Equal("Asia/Kolkata", (await store.FindByHomeAsync(Home, CancellationToken.None))!.TimeZoneId);
    }

    [Fact]
    public async Task Setting_up_a_group_where_the_cache_said_none_is_seen_at_once()
    {
        var store = new SqliteStudyGroupStore(_test.Database, new StoreCache(_clock));
        Assert.Null(await store.FindByHomeAsync(Home, CancellationToken.None));

        var created = await store.TryCreateAsync(new NewStudyGroup(Home, "MML", "UTC", new GroupSettings(), _clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(created, await store.FindByHomeAsync(Home, CancellationToken.None));
    }

    /// <summary>The stored value as it is in the row (the model stores instants as numbers).</summary>
    private async Task<long> LastSeenAsync(long memberId)
    {
        await using var connection = new SqliteConnection(_test.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT LastSeenAt FROM Members WHERE Id = {memberId}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_test.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
