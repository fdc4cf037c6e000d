using MathForML.Core.Chat;
using MathForML.Core.Participation;
using MathForML.Storage.Migrations;
using MathForML.Storage.Stores;
using MathForML.Storage.Tests.Stores;
using MathForML.TestKit;
using Microsoft.Data.Sqlite;

namespace MathForML.Storage.Tests;

public sealed class ParticipationDetailsMigrationTests
{
    [Fact]
    public async Task Upgrade_from_v7_keeps_participation_events_and_reads_them_with_no_detail()
    {
        using var test = new TestDatabase();
        await test.Database.MigrateToAsync(LeaderboardPrivacy.Id, CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={test.Path};Foreign Keys=True"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                INSERT INTO StudyGroups (Id, Platform, WorkspaceId, ChannelId, Name, TimeZoneId, SettingsJson, CreatedAt)
                    VALUES (1, 'Discord', 'g1', 'c1', 'Strang 18.06', 'UTC', '{}', 1763700000000);
                INSERT INTO Members (Id, Platform, PlatformUserId, DisplayName, CreatedAt, LastSeenAt, HiddenFromLeaderboards)
                    VALUES (7, 'Discord', '42', 'Ada', 1763700000000, 1763700000000, 0);
                INSERT INTO ParticipationEvents (Id, GroupId, MemberId, Kind, Subject, Platform, OccurredAt)
                    VALUES (1, 1, 7, 'reading-done', 'session-3', 'Discord', 1763700100000);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await test.Reopen().InitializeAsync(CancellationToken.None);

        var events = await new SqliteParticipationLog(test.Database).ListAsync(1, [ParticipationKinds.ReadingDone], null, CancellationToken.None);
        Assert.Equal(
            [new ParticipationEvent(1, 7, ParticipationKinds.ReadingDone, "session-3", ChatPlatform.Discord, DateTimeOffset.FromUnixTimeMilliseconds(1763700100000)) { Detail = null }],
            events);
    }

    /// <summary>Core's tests use TestKit's in-memory log; it must answer exactly as the SQLite log does.</summary>
    [Fact]
    public async Task Sqlite_log_and_the_in_memory_log_record_once_count_and_list_alike_keeping_details()
    {
        using var test = new TestDatabase();
        await test.Database.InitializeAsync(CancellationToken.None);
        var seed = new ParticipationSeed(test);
        var one = await seed.GroupAsync("C1", "One");
        var two = await seed.GroupAsync("C2", "Two");
        var ada = await seed.MemberAsync("U1", "Ada");
        var bo = await seed.MemberAsync("U2", "Bo");
        var at = ParticipationSeed.Monday;
        var detail = new string('x', ParticipationEvent.MaxDetailLength);
        ParticipationEvent[] events =
        [
            new(one, ada, ParticipationKinds.ThreadQuestion, "q:C1:t:m1", ChatPlatform.Slack, at.AddMinutes(10)) { Detail = detail },
            new(one, ada, ParticipationKinds.ThreadQuestion, "q:C1:t:m1", ChatPlatform.Slack, at.AddMinutes(11)) { Detail = "again" },
            new(one, bo, ParticipationKinds.ThreadAnswer, "q:C1:t:m1", ChatPlatform.Discord, at.AddMinutes(5)),
            new(one, bo, ParticipationKinds.ReadingDone, "session-1", ChatPlatform.Slack, at.AddMinutes(5)),
            new(one, ada, ParticipationKinds.ReadingDone, "session-1", ChatPlatform.Slack, at),
            new(one, ada, ParticipationKinds.ReadingDone, "session-2", ChatPlatform.Slack, at.AddDays(7)),
            new(two, ada, ParticipationKinds.ThreadQuestion, "q:C2:t:m1", ChatPlatform.Slack, at) { Detail = "other group" },
        ];
        IParticipationLog sqlite = new SqliteParticipationLog(test.Database);
        IParticipationLog memory = new InMemoryParticipationLog();

        foreach (var log in new[] { sqlite, memory })
        {
            var recorded = new List<bool>();
            foreach (var participation in events)
            {
                recorded.Add(await log.RecordOnceAsync(participation, CancellationToken.None));
            }

            Assert.Equal([true, false, true, true, true, true, true], recorded);
        }

        string[] kinds = [ParticipationKinds.ThreadQuestion, ParticipationKinds.ThreadAnswer, ParticipationKinds.ReadingDone];
        foreach (var since in new DateTimeOffset?[] { null, at.AddMinutes(5), at.AddDays(8) })
        {
            var listed = await sqlite.ListAsync(one, kinds, since, CancellationToken.None);
            Assert.Equal(await memory.ListAsync(one, kinds, since, CancellationToken.None), listed);
            Assert.Equal(
                await memory.CountByMemberAsync(one, ParticipationKinds.ReadingDone, since, CancellationToken.None),
                await sqlite.CountByMemberAsync(one, ParticipationKinds.ReadingDone, since, CancellationToken.None));
        }

        Assert.Equal(
            [(ada, ParticipationKinds.ReadingDone), (bo, ParticipationKinds.ThreadAnswer), (bo, ParticipationKinds.ReadingDone), (ada, ParticipationKinds.ThreadQuestion), (ada, ParticipationKinds.ReadingDone)],
            (await sqlite.ListAsync(one, kinds, null, CancellationToken.None)).Select(e => (e.MemberId, e.Kind)));
        Assert.Equal(detail, (await sqlite.ListAsync(one, [ParticipationKinds.ThreadQuestion], null, CancellationToken.None)).Single().Detail);
        Assert.Equal(2, await sqlite.CountMembersAsync(one, ParticipationKinds.ReadingDone, "session-1", CancellationToken.None));
        Assert.Equal(2, await memory.CountMembersAsync(one, ParticipationKinds.ReadingDone, "session-1", CancellationToken.None));
        Assert.Equal(
            (true, false),
            (await memory.HasAsync(two, ada, ParticipationKinds.ThreadQuestion, "q:C2:t:m1", CancellationToken.None), await memory.HasAsync(two, bo, ParticipationKinds.ThreadQuestion, "q:C2:t:m1", CancellationToken.None)));
        Assert.Equal(
            (true, false),
            (await sqlite.HasAsync(two, ada, ParticipationKinds.ThreadQuestion, "q:C2:t:m1", CancellationToken.None), await sqlite.HasAsync(two, bo, ParticipationKinds.ThreadQuestion, "q:C2:t:m1", CancellationToken.None)));
    }
}
