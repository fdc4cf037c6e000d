using MathForML.Content;
using MathForML.Core;
using MathForML.Core.Chat;
using MathForML.Core.Formulas;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace MathForML.CommandBench;

/// <summary>Where a benchmark's commands come from: the study group's home and the members who send them.</summary>
internal sealed record BenchPlace(ChatPlatform Platform, string Workspace, string OpenChannel, string EmptyChannel);

/// <summary>
/// Core, Content and Storage wired the way the host wires them (BotHost.Build): a fresh SQLite file migrated by
/// <see cref="SqliteDatabase.InitializeAsync"/>, the problem bank from config/problems, and every Core handler.
/// Seeded through Core's own ports: a group whose daily problem is open, a group with none, and a pool of members
/// who exist but have not answered (so a judged answer is always a first attempt and attempt limits never apply).
/// </summary>
internal sealed partial class BenchWorld : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;
    private readonly Member[] _pool;
    private readonly Func<int, string> _userId;
    private int _nextPooled = -1;
    private int _fresh;
    private int _nextWarmup;

    private BenchWorld(string folder, ServiceProvider services, Member[] pool, Func<int, string> userId, Problem problem, string expected, StudyGroup open)
    {
        _folder = folder;
        _userId = userId;
        _services = services;
        _pool = pool;
        Problem = problem;
        RightAnswer = expected;
        OpenGroup = open;
    }

    public IServiceProvider Services => _services;

    public Problem Problem { get; }

    /// <summary>The open problem's expected answer for the group's numbers (the ones in the post).</summary>
    public string RightAnswer { get; }

    public StudyGroup OpenGroup { get; }

    /// <summary>Judged answers that found the pool used up and came from a brand-new member (one more INSERT each).</summary>
    public int FreshMembersUsed => Volatile.Read(ref _fresh);

    /// <summary>The platform user id of a member who exists and has not answered yet.</summary>
    public string NextUnansweredMember()
    {
        var index = Interlocked.Increment(ref _nextPooled);
        if (index < _pool.Length)
        {
            return _pool[index].PlatformUserId;
        }

        Interlocked.Increment(ref _fresh);
        return _userId(1_000_000 + index);
    }

    /// <summary>A member who has never sent anything (for warm-up, so the pool is kept for what is measured).</summary>
    public string NewMember() => _userId(2_000_000 + Interlocked.Increment(ref _nextWarmup));

    /// <summary>Builds the world; <paramref name="addAdapter"/> registers the platform (AddDiscordBot or AddSlackBot).</summary>
    public static async Task<BenchWorld> CreateAsync(BenchPlace place, IDictionary<string, string?> settings,
        Action<IServiceCollection, IConfiguration> addAdapter, Func<int, string> poolUserId, int poolSize)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mathforml-command-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var repo = RepositoryRoot();
        var all = new Dictionary<string, string?>(settings)
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "bench.db"),
            ["Content:CurriculaDirectory"] = Path.Combine(repo, "config", "curricula"),
            ["Content:ProblemsDirectory"] = Path.Combine(repo, "config", "problems"),
            ["Content:TopicsFile"] = Path.Combine(repo, "config", "topics.yml"),
            // The shipped levels (config/appsettings.json): what the host logs per command is part of its cost.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddSingleton(TimeProvider.System);
        services.AddMathForMLStorage(configuration);
        services.AddMathForMLContent(configuration);
        services.AddMathForMLCore();
        services.AddReadingGroups();
        services.AddDailyProblems();
        services.AddParticipation();
        // The host's renderers live in the host assembly (internal); none of the measured commands draws anything,
        // so these fail loudly if one ever does.
        services.AddSingleton<IFormulaRenderer, NoPictures>();
        services.AddSingleton<IChartRenderer, NoPictures>();
        addAdapter(services, configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SqliteDatabase>().InitializeAsync(CancellationToken.None);

        var now = DateTimeOffset.UtcNow;
        var groups = provider.GetRequiredService<IStudyGroupStore>();
        var open = await groups.TryCreateAsync(new NewStudyGroup(new ConversationRef(place.Platform, place.Workspace, place.OpenChannel, null),
            "Bench group", "UTC", new GroupSettings(), now.AddDays(-1)), CancellationToken.None) ?? throw new InvalidOperationException("Group exists.");
        _ = await groups.TryCreateAsync(new NewStudyGroup(new ConversationRef(place.Platform, place.Workspace, place.EmptyChannel, null),
            "Bench group without a problem", "UTC", new GroupSettings(), now.AddDays(-1)), CancellationToken.None);

        var bank = provider.GetRequiredService<IProblemBank>();
        // A problem whose answer is a plain number, so "(answer)+1" is a wrong answer the judge reads (not an invalid one).
        var problem = bank.Problems.OrderBy(p => p.IsParameterized).ThenBy(p => p.Id, StringComparer.Ordinal)
            .FirstOrDefault(p => DailyProblemService.GroupInstance(p, open.Id) is { } instance && PlainNumber().IsMatch(instance.ExpectedAnswer))
            ?? throw new InvalidOperationException("The problem bank (config/problems) loaded no usable problem.");
        var daily = await provider.GetRequiredService<IDailyProblemStore>().GetOrCreateAsync(open.Id, "bench:daily:1", _ => problem.Id,
            now.AddHours(-1), now.AddHours(23), CancellationToken.None);
        if (daily.ProblemId != problem.Id)
        {
            throw new InvalidOperationException($"The daily problem is {daily.ProblemId}, not {problem.Id}.");
        }

        var members = provider.GetRequiredService<IMemberStore>();
        var pool = new Member[poolSize];
        for (var i = 0; i < poolSize; i++)
        {
            var id = poolUserId(i);
            pool[i] = await members.EnsureAsync(new MemberRef(place.Platform, id, BenchNames.DisplayName(id)), now.AddMinutes(-5), CancellationToken.None);
        }

        return new BenchWorld(folder, provider, pool, poolUserId, problem, DailyProblemService.GroupInstance(problem, open.Id)!.ExpectedAnswer, open);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open: the temp folder keeps it.
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?\d+(\.\d+)?(/\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MathForML.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (MathForML.sln not found above " + AppContext.BaseDirectory + ").");
    }
}

/// <summary>Members are named after their id, the same way on every command (a changed name would be a write).</summary>
internal static class BenchNames
{
    public static string DisplayName(string userId) => "member " + userId;
}
