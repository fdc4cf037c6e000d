using System.Diagnostics;
using System.Globalization;
using MathForML.Core;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;
using MathForML.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.Participation.Benchmarks;

/// <summary>
/// The seeded database file, wired as the host wires Core and Storage. The file is written once per seed
/// <see cref="ParticipationSeed.Version"/> into a temp folder and reused by later runs (BenchmarkDotNet starts a
/// process per benchmark); every open checks that the production queries see the seeded rows.
/// </summary>
internal sealed class SeededDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SeededDatabase(ServiceProvider services, string path, StudyGroup group, Member heavy, Member light)
    {
        _services = services;
        FilePath = path;
        Group = group;
        Heavy = heavy;
        Light = light;
    }

    public static string Folder => Path.Combine(Path.GetTempPath(), "mathforml-participation-bench");

    public static string SeedPath => Path.Combine(Folder, $"participation-seed-v{ParticipationSeed.Version}.db");

    public string FilePath { get; }

    public StudyGroup Group { get; }

    public Member Heavy { get; }

    public Member Light { get; }

    public ParticipationQueries Queries => _services.GetRequiredService<ParticipationQueries>();

    public IServiceProvider Services => _services;

    public IDailyProblemStore Problems => _services.GetRequiredService<IDailyProblemStore>();

    /// <summary>Everyone's solves and the problem days, loaded once, for timing the streak arithmetic alone.</summary>
    public (IReadOnlyDictionary<long, IReadOnlySet<DateOnly>> Solves, IReadOnlySet<DateOnly> ProblemDays, DateOnly Today) InMemory { get; private set; }

    public static async Task<SeededDatabase> OpenAsync(TextWriter log, bool reseed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        if (reseed || !File.Exists(SeedPath))
        {
            await SeedAsync(log, cancellationToken);
        }
        else
        {
            log.WriteLine("seed: reusing {0} (delete it or pass --reseed to rebuild)", SeedPath);
        }

        var services = Build(SeedPath);
        await services.GetRequiredService<SqliteDatabase>().InitializeAsync(cancellationToken);
        var group = await services.GetRequiredService<IStudyGroupStore>().FindByHomeAsync(ParticipationSeed.Home, cancellationToken)
            ?? throw new InvalidOperationException($"{SeedPath} has no bench group; delete it to reseed.");
        var members = services.GetRequiredService<IMemberStore>();
        var seenAt = group.CreatedAt;
        var heavy = await members.EnsureAsync(ParticipationSeed.HeavyMember, seenAt, cancellationToken);
        var light = await members.EnsureAsync(ParticipationSeed.LightMember, seenAt, cancellationToken);
        var database = new SeededDatabase(services, SeedPath, group, heavy, light);
        await database.VerifyAsync(log, cancellationToken);
        var zone = TimeZones.Find(group.TimeZoneId)!;
        database.InMemory = (
            await database.Problems.SolveDaysAsync(group.Id, cancellationToken),
            StreakCalculator.ProblemDays(await database.Problems.OpenWindowsAsync(group.Id, cancellationToken), zone),
            LocalTimes.DateIn(ParticipationSeed.Now, zone));
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Writes the seed into a private file, then moves it into place, so a concurrent run never sees half a seed.</summary>
    private static async Task SeedAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var temporary = Path.Combine(Folder, $"seeding-{Guid.NewGuid():N}.db");
        await using (var services = Build(temporary))
        {
            var database = services.GetRequiredService<SqliteDatabase>();
            await database.InitializeAsync(cancellationToken);
            await ParticipationSeed.WriteAsync(services, database.ConnectionString, log, cancellationToken);
        }

        // Closing the last connection checkpoints the WAL into the file, so the one file is the whole database.
        SqliteConnection.ClearAllPools();
        File.Move(temporary, SeedPath, overwrite: true);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: written in {stopwatch.Elapsed.TotalSeconds:F1} s"));
    }

    private static ServiceProvider Build(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = path }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedTime(ParticipationSeed.Now))
            .AddMathForMLCore()
            .AddMathForMLStorage(configuration);
        services.AddSingleton<ParticipationQueries>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Compares what the production queries return with plain SQL counts over the same tables, so a seed that
    /// the queries cannot see (wrong column, wrong verdict text) fails here instead of timing empty results.
    /// </summary>
    private async Task VerifyAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var counts = await CountRowsAsync(cancellationToken);
        var expected = counts.ToDictionary(c => c.Name, c => c.Count);
        var problems = Problems;
        var totals = await problems.SolveTotalsAsync(Group.Id, null, cancellationToken);
        var all = await problems.SolveDaysAsync(Group.Id, cancellationToken);
        var reading = await _services.GetRequiredService<IParticipationLog>().CountByMemberAsync(Group.Id, ParticipationKinds.ReadingDone, null, cancellationToken);
        var board = await Queries.LeaderboardAsync(Group, LeaderboardPeriod.All, ParticipationSeed.Now, cancellationToken);
        var heavy = await Queries.StreakAsync(Group, Heavy, ParticipationSeed.Now, cancellationToken);
        Check("solves", expected["correct"], totals.Sum(t => t.Solved));
        Check("late solves", expected["late correct"], totals.Sum(t => t.Late));
        Check("streak solve days", expected["on-time solve days"], all.Values.Sum(s => s.Count));
        Check("members who solved", expected["solvers"], totals.Count);
        Check("reading marks", expected["reading-done"], reading.Values.Sum());
        if (board.Count < ParticipationSeed.MemberCount / 2 || heavy.Report.Current == 0)
        {
            throw new InvalidOperationException($"The seed looks empty to the queries: {board.Count} leaderboard rows, heavy member's streak {heavy.Report.Current}.");
        }

        var bytes = new FileInfo(FilePath).Length + (File.Exists(FilePath + "-wal") ? new FileInfo(FilePath + "-wal").Length : 0);
        foreach (var (name, count) in counts)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: {name,-22} {count,9:N0}"));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: file {bytes / 1048576.0:F1} MiB; leaderboard rows (all time) {board.Count}; heavy member streak {heavy.Report.Current} (best {heavy.Report.Best})"));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: now = {ParticipationSeed.Now:yyyy-MM-dd HH:mm zzz}; checks passed (production queries match SQL counts)"));
    }

    private async Task<List<(string Name, int Count)>> CountRowsAsync(CancellationToken cancellationToken)
    {
        const string SolvesInGroup = "FROM Attempts a JOIN ProblemPosts p ON p.Id = a.ProblemPostId WHERE p.GroupId = $group AND a.Verdict = 'Correct'";
        (string Name, string Sql)[] queries =
        [
            ("StudyGroups rows", "SELECT COUNT(*) FROM StudyGroups"),
            ("Members rows", "SELECT COUNT(*) FROM Members"),
            ("hidden members", "SELECT COUNT(*) FROM Members WHERE HiddenFromLeaderboards = 1"),
            ("members with own zone", "SELECT COUNT(*) FROM Members WHERE TimeZoneId IS NOT NULL"),
            ("ProblemPosts rows", "SELECT COUNT(*) FROM ProblemPosts"),
            ("Attempts rows", "SELECT COUNT(*) FROM Attempts"),
            ("ParticipationEvents rows", "SELECT COUNT(*) FROM ParticipationEvents"),
            ("correct", "SELECT COUNT(*) " + SolvesInGroup),
            ("late correct", "SELECT COUNT(*) " + SolvesInGroup + " AND a.Late = 1"),
            ("solvers", "SELECT COUNT(DISTINCT a.MemberId) " + SolvesInGroup),
            ("on-time solve days", "SELECT COUNT(*) FROM (SELECT DISTINCT a.MemberId, a.LocalDay " + SolvesInGroup + " AND a.Late = 0)"),
            ("active member-days", "SELECT COUNT(*) FROM (SELECT DISTINCT ProblemPostId, MemberId FROM Attempts)"),
            ("reading-done", $"SELECT COUNT(*) FROM (SELECT DISTINCT MemberId, Subject FROM ParticipationEvents WHERE GroupId = $group AND Kind = '{ParticipationKinds.ReadingDone}')"),
        ];
        await using var connection = new SqliteConnection(_services.GetRequiredService<SqliteDatabase>().ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var counts = new List<(string, int)>();
        foreach (var (name, sql) in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$group", Group.Id);
            counts.Add((name, Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    private static void Check(string what, int expected, int actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"Seed check failed: {what}: SQL counts {expected}, the production query sees {actual}.");
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
