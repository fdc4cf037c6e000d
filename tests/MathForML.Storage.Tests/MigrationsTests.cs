using MathForML.Core.Chat;
using MathForML.Storage.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Tests;

public sealed class MigrationsTests
{
    /// <summary>
    /// The hand-written migrations must build exactly the schema the EF model describes: compare every
    /// table's columns, indexes and foreign keys with a database created straight from the model.
    /// </summary>
    [Fact]
    public async Task Migrated_schema_matches_the_schema_the_model_creates()
    {
        using var migrated = new TestDatabase("migrated.db");
        await migrated.Database.InitializeAsync(CancellationToken.None);
        using var fromModel = new TestDatabase("model.db");
        await using (var context = fromModel.Database.CreateContext())
        {
            await context.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeSchemaAsync(fromModel.Path);
        var actual = await DescribeSchemaAsync(migrated.Path);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Upgrade_from_v1_keeps_rows_and_adds_new_schema()
    {
        using var test = new TestDatabase();
        await test.Database.MigrateToAsync(InitialSchema.Id, CancellationToken.None);
        await ExecuteAsync(
            test.Path,
            """
            INSERT INTO StudyGroups (Id, Platform, WorkspaceId, ChannelId, Name, TimeZoneId, SettingsJson, CreatedAt)
                VALUES (1, 'Slack', 'T1', 'C1', 'ESL group', 'America/New_York', '{"answerWindowHours":48}', 1763700000000);
            INSERT INTO Members (Id, Platform, PlatformUserId, DisplayName, CreatedAt, LastSeenAt)
                VALUES (7, 'Slack', 'U7', 'Ada', 1763700000000, 1763700000000);
            INSERT INTO ProblemPosts (Id, GroupId, ProblemId, ProblemVersion, PostedAt, DeadlineAt)
                VALUES (3, 1, 'la-eigen-2x2', 2, 1763700000000, 1763786400000);
            INSERT INTO Attempts (ProblemPostId, MemberId, AttemptNumber, RawInput, Reading, Verdict, Score, SubmittedAt)
                VALUES (3, 7, 1, '1/4', '1/4', 'correct', 1.0, 1763700100000);
            """);

        await test.Reopen().InitializeAsync(CancellationToken.None);

        await using var context = test.Database.CreateContext();
        var group = await context.StudyGroups.SingleAsync();
        Assert.Equal(("ESL group", ChatPlatform.Slack, "America/New_York"), (group.Name, group.Platform, group.TimeZoneId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763700000000), group.CreatedAt);
        var member = await context.Members.SingleAsync();
        Assert.Equal(("Ada", (string?)null), (member.DisplayName, member.TimeZoneId));
        var attempt = await context.Attempts.SingleAsync();
        Assert.Equal(("1/4", "correct", 7L), (attempt.RawInput, attempt.Verdict, attempt.MemberId));
        Assert.Equal(2, (await context.ProblemPosts.SingleAsync()).ProblemVersion);
        Assert.Empty(await context.ParticipationEvents.ToListAsync());
        Assert.Equal([InitialSchema.Id, ParticipationEvents.Id, DueItems.Id, ReadingPlans.Id, DailyProblems.Id, StreakDays.Id, LeaderboardPrivacy.Id, ParticipationDetails.Id, SolveIndex.Id], await context.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Foreign_keys_are_enforced()
    {
        using var test = new TestDatabase();
        await test.Database.InitializeAsync(CancellationToken.None);
        await using var context = test.Database.CreateContext();
        context.Attempts.Add(new Entities.AttemptEntity { ProblemPostId = 999, MemberId = 999, RawInput = "1", Verdict = "correct" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.Contains("FOREIGN KEY", error.InnerException?.Message ?? "", StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Foreign Keys=True");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A sorted text description of tables, columns, indexes and foreign keys.</summary>
    private static async Task<List<string>> DescribeSchemaAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'");
        foreach (var table in tables.Select(t => t[0]))
        {
            lines.Add($"table {table} autoincrement={(await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE name = '{table}'"))[0][0].Contains("AUTOINCREMENT", StringComparison.Ordinal)}");
            foreach (var column in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}')"))
            {
                lines.Add($"column {table}.{column[0]} {column[1]} notnull={column[2]} pk={column[3]} default={column[4]}");
            }

            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                lines.Add($"index {table}.{index[0]} unique={index[1]} ({string.Join(",", columns.Select(c => c[0]))})");
            }

            foreach (var key in await QueryAsync(connection, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
            {
                lines.Add($"fk {table}.{key[0]} -> {key[1]}.{key[2]} on delete {key[3]}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }
}
