using BenchmarkDotNet.Attributes;
using MathForML.Core;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;
using MathForML.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.Scheduling.Benchmarks;

/// <summary>
/// How the scheduler's cost grows with the number of groups, on a real SQLite file: every group has
/// one item due now and twenty waiting in the future (a realistic backlog of planned posts).
/// <see cref="RunDue"/> finds, claims and finishes the due ones; <see cref="PollWhenNothingIsDue"/> is the
/// idle check the scheduler makes between posts.
/// </summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mfml-bench-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private DueItemRunner _runner = null!;
    private IDueItemStore _store = null!;

    [Params(10, 1_000, 10_000)]
    public int Groups { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = _path }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedTime(Now))
            .AddMathForMLCore()
            .AddMathForMLStorage(configuration)
            .AddSingleton<IDueItemHandler, NoOpHandler>()
            .BuildServiceProvider();
        await _services.GetRequiredService<SqliteDatabase>().InitializeAsync(CancellationToken.None);
        _runner = _services.GetRequiredService<DueItemRunner>();
        _store = _services.GetRequiredService<IDueItemStore>();
        var groups = _services.GetRequiredService<IStudyGroupStore>();
        for (var g = 0; g < Groups; g++)
        {
            var group = await groups.TryCreateAsync(new NewStudyGroup(new ConversationRef(ChatPlatform.Discord, "guild", "c" + g), "G" + g, "UTC", new GroupSettings(), Now), CancellationToken.None);
            var items = Enumerable.Range(1, 20).Select(d => new NewDueItem(group!.Id, "bench", "future-" + d, Now.AddDays(d))).Append(new NewDueItem(group!.Id, "bench", "due", Now.AddMinutes(-1)));
            await _store.AddAsync([.. items], CancellationToken.None);
        }
    }

    [IterationSetup(Target = nameof(RunDue))]
    public void ResetDueItems()
    {
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE DueItems SET State = 'Pending', Attempts = 0, LeaseUntil = NULL, FinishedAt = NULL WHERE OccurrenceKey = 'due'";
        command.ExecuteNonQuery();
    }

    [Benchmark]
    [InvocationCount(1)]
    public Task<int> RunDue() => _runner.RunDueAsync(CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<DueItem>> PollWhenNothingIsDue() => _store.ClaimDueAsync(Now.AddHours(-1), DueItemRunner.Lease, DueItemRunner.BatchSize, CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private sealed class NoOpHandler : IDueItemHandler
    {
        public string Kind => "bench";

        public CatchUpPolicy CatchUp => CatchUpPolicy.Always;

        public Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken) => Task.FromResult(DueItemOutcome.Done("m"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
