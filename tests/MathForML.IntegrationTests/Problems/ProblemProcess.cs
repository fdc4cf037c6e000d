using MathForML.Content;
using MathForML.Core;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Formulas;
using MathForML.Core.Groups;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;
using MathForML.Storage;
using MathForML.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.IntegrationTests.Problems;

/// <summary>
/// One "process" of the bot's daily-problem side as the host wires it (Core, Storage on a real SQLite
/// file, the content bank), posting to a <see cref="CountingPlatform"/> that ignores idempotency keys,
/// so every duplicate Core lets through is seen. Disposing it and starting another on the file is a restart.
/// </summary>
internal sealed class ProblemProcess : IAsyncDisposable
{
    public static readonly ConversationRef Channel = new(ChatPlatform.Discord, "guild", "study");
    public static readonly CommandContext Organizer = new(Channel, new MemberRef(ChatPlatform.Discord, "1", "Olga"), MemberRole.Organizer);

    private readonly ServiceProvider _services;

    private ProblemProcess(ServiceProvider services) => _services = services;

    public CommandDispatcher Dispatcher => _services.GetRequiredService<CommandDispatcher>();

    public DueItemRunner Runner => _services.GetRequiredService<DueItemRunner>();

    public IDueItemStore DueItems => _services.GetRequiredService<IDueItemStore>();

    public IDailyProblemStore Problems => _services.GetRequiredService<IDailyProblemStore>();

    public IStudyGroupStore Groups => _services.GetRequiredService<IStudyGroupStore>();

    public static async Task<ProblemProcess> StartAsync(string databasePath, string bank, TimeProvider time, CountingPlatform platform)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = databasePath,
                ["Content:ProblemsDirectory"] = bank,
                ["Content:CurriculaDirectory"] = Repository.Path("config", "curricula"),
                ["Content:TopicsFile"] = Repository.Path("config", "topics.yml"),
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(time)
            .AddSingleton<IFormulaRenderer>(new RecordingFormulaRenderer())
            .AddSingleton<IChatPlatform>(platform)
            .AddMathForMLCore()
            .AddMathForMLStorage(configuration)
            .AddMathForMLContent(configuration)
            .AddDailyProblems();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SqliteDatabase>().InitializeAsync(CancellationToken.None);
        return new ProblemProcess(provider);
    }

    public async Task<string> SendAsync(string line, CommandContext? context = null, string channel = "study")
    {
        var where = (context ?? Organizer) with { Conversation = Channel with { ChannelId = channel } };
        return (await Dispatcher.DispatchTextAsync(line, where, CancellationToken.None)).Content.Text;
    }

    public async Task<StudyGroup> GroupAsync(string channel = "study") =>
        (await Groups.FindByHomeAsync(Channel with { ChannelId = channel }, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

/// <summary>Every post Core sends, duplicates included (it honours no key), optionally slow to widen races.</summary>
internal sealed class CountingPlatform(TimeSpan delay = default) : IChatPlatform
{
    private readonly List<ChatPost> _posts = [];

    public ChatPlatform Platform => ChatPlatform.Discord;

    /// <summary>While set, every post fails as a platform outage would.</summary>
    public string? FailWith { get; set; }

    public IReadOnlyList<ChatPost> Posts
    {
        get
        {
            lock (_posts)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>Posts whose text starts with <paramref name="prefix"/> (after the bold marker), in the channel.</summary>
    public int Count(string channel, string prefix) =>
        Posts.Count(p => p.Target.ChannelId == channel && p.Content.Text.TrimStart('*').StartsWith(prefix, StringComparison.Ordinal));

    public async Task<PostResult> PostAsync(ChatPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        if (FailWith is { } error)
        {
            return PostResult.Failed(error);
        }

        lock (_posts)
        {
            _posts.Add(post);
            var id = "m" + _posts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return PostResult.Posted(new PostedMessage(post.Target, id, post.ThreadTitle is null ? null : "t" + id));
        }
    }
}
