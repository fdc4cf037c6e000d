using System.Data.Common;
using System.Reflection;
using MathForML.Storage.CompiledModel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Storage;

/// <summary>
/// The database file: its connection settings (WAL, busy timeout, foreign keys) and its schema,
/// brought up to date by the hand-written migrations before anything else touches it.
/// </summary>
public sealed partial class SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger)
{
    public string FullPath { get; } = Path.GetFullPath(options.Value.DatabasePath);

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = FullPath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = options.Value.BusyTimeoutSeconds,
    }.ToString();

    private readonly Lazy<PooledDbContextFactory<MathForMLDbContext>> _contexts = new(() =>
    {
        var builder = new DbContextOptionsBuilder<MathForMLDbContext>();
        ConfigureCore(builder, options.Value);
        return new PooledDbContextFactory<MathForMLDbContext>(builder.Options);
    });

    internal void Configure(DbContextOptionsBuilder builder) => ConfigureCore(builder, options.Value);

    private static void ConfigureCore(DbContextOptionsBuilder builder, StorageOptions settings)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(settings.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = settings.BusyTimeoutSeconds,
        }.ToString();
        builder.UseSqlite(connectionString)
            // The model generated ahead of time (CompiledModel/, README): building it from the entity
            // configurations on the first use cost ~1,100 JIT-compiled methods (bench/db-ready).
            .UseModel(MathForMLDbContextModel.Instance)
            .AddInterceptors(new PragmaInterceptor(settings.BusyTimeoutSeconds, settings.FlushEveryCommit))
            // Migrations are written by hand, so there is no generated model snapshot to compare
            // with; MigrationsTests checks the migrated schema against the model.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>The migrations this build has, found as EF finds them (<c>[DbContext]</c> and <c>[Migration]</c> on a <see cref="Migration"/>).</summary>
    internal static IReadOnlySet<string> KnownMigrations { get; } = typeof(SqliteDatabase).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(MathForMLDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The newest migration this build knows (ids sort by their timestamp), not a name to keep updated by hand.</summary>
    private static string NewestMigration => KnownMigrations.Max(StringComparer.Ordinal) ?? "none";

    /// <summary>Creates the folder and file if missing, switches to WAL and applies pending migrations.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // The usual start, on a file that is up to date, needs nothing of EF: setting up its migrator
        // and history repository was most of the time to ready (bench/db-ready).
        if (await IsUpToDateAsync(cancellationToken))
        {
            LogReady(FullPath, NewestMigration);
            return;
        }

        await using var context = CreateContext();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await using (var command = context.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteScalarAsync(cancellationToken);
        }

        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database {FullPath} has schema migrations this build does not know ({string.Join(", ", unknown)}); it was written by a newer MathForML. Upgrade MathForML or point Storage:DatabasePath at another file.");
        }

        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            var names = string.Join(", ", pending);
            LogMigrating(FullPath, pending.Count, names);
            await context.Database.MigrateAsync(cancellationToken);
        }

        LogReady(FullPath, NewestMigration);
    }

    /// <summary>WAL on, and exactly the known migrations applied (anything else goes the EF way, which explains or migrates).</summary>
    private async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {options.Value.BusyTimeoutSeconds * 1000}; PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return applied.SetEquals(KnownMigrations);
    }

    /// <summary>Applies migrations up to and including <paramref name="migrationId"/> (tests of upgrades).</summary>
    internal async Task MigrateToAsync(string migrationId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        await using var context = CreateContext();
        await context.GetService<IMigrator>().MigrateAsync(migrationId, cancellationToken: cancellationToken);
    }

    /// <summary>A context from a pool over options built once: a store call pays neither for building options nor
    /// for a new context (measured by bench/Shared/CommandBench: ~0.3 ms and ~80 KB per call before).</summary>
    internal MathForMLDbContext CreateContext() => _contexts.Value.CreateDbContext();

    /// <summary>
    /// A context whose model EF builds from the entity configurations at run time: what `dotnet ef dbcontext
    /// optimize` compiles, and what the tests compare the compiled model with.
    /// </summary>
    internal static MathForMLDbContext CreateRuntimeModelContext(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<MathForMLDbContext>();
        builder.UseSqlite(connectionString).ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new MathForMLDbContext(builder.Options);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Upgrading database {Path}: applying {Count} migration(s): {Migrations}")]
    private partial void LogMigrating(string path, int count, string migrations);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database {Path} is ready (schema {Schema})")]
    private partial void LogReady(string path, string schema);

    /// <summary>Per-connection settings SQLite does not keep in the file.</summary>
    private sealed class PragmaInterceptor(int busyTimeoutSeconds, bool flushEveryCommit) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            // One round trip for all; see StorageOptions.FlushEveryCommit for the synchronous level. Each pooled
            // connection would keep up to 2 MB of pages; 512 KB holds a group's hot rows and the OS caches the rest.
            command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA synchronous = {(flushEveryCommit ? "FULL" : "NORMAL")}; PRAGMA cache_size = -512;";
            command.ExecuteNonQuery();
        }
    }
}
