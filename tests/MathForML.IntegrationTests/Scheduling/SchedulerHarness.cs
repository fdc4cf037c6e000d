using MathForML.Core;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;
using MathForML.Storage;
using MathForML.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.IntegrationTests.Scheduling;

/// <summary>
/// One "process" of the bot's scheduling side on a real SQLite file: Core and Storage wired as the
/// host wires them. Disposing it and starting another on the same file is a restart.
/// </summary>
internal sealed class SchedulerProcess : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SchedulerProcess(ServiceProvider services) => _services = services;

    public DueItemRunner Runner => _services.GetRequiredService<DueItemRunner>();

    public IDueItemStore Store => _services.GetRequiredService<IDueItemStore>();

    public IStudyGroupStore Groups => _services.GetRequiredService<IStudyGroupStore>();

    public static async Task<SchedulerProcess> StartAsync(string databasePath, TimeProvider time, params IDueItemHandler[] handlers)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(time)
            .AddMathForMLCore()
            .AddMathForMLStorage(configuration);
        foreach (var handler in handlers)
        {
            services.AddSingleton(handler);
        }

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SqliteDatabase>().InitializeAsync(CancellationToken.None);
        return new SchedulerProcess(provider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

/// <summary>
/// A chat platform that keeps the messages it shows and honours idempotency keys the way the
/// <see cref="ChatPost.IdempotencyKey"/> contract asks of adapters.
/// </summary>
internal sealed class RecordingPlatform
{
    private readonly Dictionary<string, string> _byKey = [];

    public List<(string Key, DateTimeOffset At)> Messages { get; } = [];

    public string Post(string key, DateTimeOffset at)
    {
        if (_byKey.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var id = "m" + Messages.Count;
        _byKey[key] = id;
        Messages.Add((key, at));
        return id;
    }
}

/// <summary>Kills the "process" at random points by cancelling its lifetime token.</summary>
internal sealed class CrashPlan(int seed, double probability)
{
    private readonly Random _random = new(seed);

    public CancellationTokenSource Lifetime { get; private set; } = new();

    public int Crashes { get; private set; }

    public void Restarted()
    {
        Lifetime.Dispose();
        Lifetime = new CancellationTokenSource();
    }

    public void MaybeCrash()
    {
        if (_random.NextDouble() < probability)
        {
            Crashes++;
            Lifetime.Cancel();
            Lifetime.Token.ThrowIfCancellationRequested();
        }
    }
}

/// <summary>Posts an item to the recording platform, with crash points before and after the post.</summary>
internal sealed class PostingHandler(string kind, CatchUpPolicy catchUp, RecordingPlatform platform, TimeProvider time, CrashPlan? crashes = null) : IDueItemHandler
{
    public string Kind => kind;

    public CatchUpPolicy CatchUp => catchUp;

    public Task<DueItemOutcome> RunAsync(DueItem item, CancellationToken cancellationToken)
    {
        crashes?.MaybeCrash();
        var id = platform.Post(item.IdempotencyKey, time.GetUtcNow());
        crashes?.MaybeCrash();
        return Task.FromResult(DueItemOutcome.Done(id));
    }
}

internal static class Groups
{
    public static async Task<StudyGroup> CreateAsync(SchedulerProcess process, string channel, string zone, DateTimeOffset at) =>
        (await process.Groups.TryCreateAsync(new NewStudyGroup(new ConversationRef(ChatPlatform.Discord, "guild", channel), channel, zone, new GroupSettings(), at), CancellationToken.None))!;
}
