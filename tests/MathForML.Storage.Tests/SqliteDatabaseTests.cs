using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Storage.Migrations;
using MathForML.Storage.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Tests;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Initialize_creates_missing_folder_and_file_in_wal_mode()
    {
        using var test = new TestDatabase();
        Assert.False(File.Exists(test.Path));

        await test.Database.InitializeAsync(CancellationToken.None);

        Assert.True(File.Exists(test.Path));
        Assert.Equal("wal", await ScalarAsync(test.Path, "PRAGMA journal_mode;"));
        await using var context = test.Database.CreateContext();
        Assert.Equal([InitialSchema.Id, ParticipationEvents.Id, DueItems.Id, ReadingPlans.Id, DailyProblems.Id, StreakDays.Id, LeaderboardPrivacy.Id, ParticipationDetails.Id, SolveIndex.Id], await context.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Connections_get_busy_timeout_and_foreign_keys()
    {
        using var test = new TestDatabase();
        await test.Database.InitializeAsync(CancellationToken.None);
        await using var context = test.Database.CreateContext();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(2000L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(1L, await command.ExecuteScalarAsync()); // NORMAL: crash-safe in WAL without a flush per commit
        command.CommandText = "PRAGMA cache_size;";
        Assert.Equal(-512L, await command.ExecuteScalarAsync()); // KiB: a small page cache per pooled connection
    }

    [Fact]
    public async Task Flush_every_commit_makes_every_connection_synchronous_full()
    {
        using var folder = new MathForML.TestKit.TempDirectory();
        var database = new SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = System.IO.Path.Combine(folder.Path, "full.db"), FlushEveryCommit = true }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteDatabase>.Instance);
        await database.InitializeAsync(CancellationToken.None);
        await using var context = database.CreateContext();
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(2L, await command.ExecuteScalarAsync());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Initialize_twice_is_harmless_and_keeps_data()
    {
        using var test = new TestDatabase();
        await test.Database.InitializeAsync(CancellationToken.None);
        var store = new SqliteStudyGroupStore(test.Database);
        var home = new ConversationRef(ChatPlatform.Discord, "guild-1", "channel-1");
        await store.TryCreateAsync(new NewStudyGroup(home, "MML", "Europe/Berlin", new GroupSettings(), DateTimeOffset.UnixEpoch), CancellationToken.None);

        await test.Reopen().InitializeAsync(CancellationToken.None);

        var found = await new SqliteStudyGroupStore(test.Database).FindByHomeAsync(home, CancellationToken.None);
        Assert.Equal("MML", found?.Name);
    }

    [Fact]
    public async Task Database_from_a_newer_build_is_refused_with_a_clear_message()
    {
        using var test = new TestDatabase();
        await test.Database.InitializeAsync(CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={test.Path}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '99.0');";
            await insert.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => test.Reopen().InitializeAsync(CancellationToken.None));

        Assert.Contains("29990101000000_FromTheFuture", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrations_the_quick_up_to_date_check_knows_are_the_ones_EF_applies()
    {
        using var test = new TestDatabase();
        await using var context = test.Database.CreateContext();

        Assert.Equal(context.Database.GetMigrations().Order(StringComparer.Ordinal), SqliteDatabase.KnownMigrations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_database_missing_its_newest_migration_is_upgraded_on_the_next_start()
    {
        using var test = new TestDatabase();
        var known = SqliteDatabase.KnownMigrations.Order(StringComparer.Ordinal).ToList();
        await test.Database.MigrateToAsync(known[^2], CancellationToken.None);

        await test.Reopen().InitializeAsync(CancellationToken.None);

        await using var context = test.Database.CreateContext();
        Assert.Equal(known, await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal("wal", await ScalarAsync(test.Path, "PRAGMA journal_mode;"));
    }

    internal static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
