using System.Globalization;
using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Reading;
using MathForML.Discord.Adapter;
using MathForML.Discord.Hosting;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>
/// The whole Discord bot as the host wires it (<see cref="DiscordBotServiceCollectionExtensions.AddDiscordBot"/>)
/// against a loopback Discord, with a real <see cref="CommandDispatcher"/> over in-memory stores, Core's
/// group and time-zone handlers and the test handlers below.
/// </summary>
#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync.
public abstract class BotTestBase : IAsyncLifetime
#pragma warning restore CA1001
{
    internal const string Channel = "555555555555555555";
    internal const string Thread = "666666666666666666";
    internal const string OrganizerRole = "777777777777777777";
    internal const string ManageGuild = "32";
    internal const string SendMessagesOnly = "2048";

    private static int _nextInteraction = 10_000;
    private ServiceProvider? _provider;

    internal FakeTimeProvider Clock { get; } = new();

    internal LoopbackDiscord Server { get; private set; } = null!;

    internal ListLogger Logger { get; } = new();

    internal InMemoryGroupStore Groups { get; } = new();

    internal InMemoryMemberStore Members { get; } = new();

    internal SwappableLedger Ledger { get; } = new();

    internal TestHandlers Handlers { get; } = new();

    internal RecordingThreadActivity ThreadActivity { get; } = new();

    internal DiscordBotHostedService Bot { get; private set; } = null!;

    internal DiscordChatPlatform Platform { get; private set; } = null!;

    /// <summary>Extra configuration (e.g. Discord:DevGuildId) before the bot starts.</summary>
    internal virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    internal virtual bool StartBot => true;

    /// <summary>Registrations a test class adds (or replaces) before the provider is built.</summary>
    internal virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Server = await LoopbackDiscord.StartAsync(Clock);
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = LoopbackDiscord.Token,
            ["Discord:ApplicationId"] = LoopbackDiscord.ApplicationId,
            ["Discord:ApiBaseUrl"] = Server.ApiBaseUrl,
            ["Discord:OrganizerRoleIds:0"] = OrganizerRole,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(b => b.AddProvider(new ListLoggerProvider(Logger)).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<IStudyGroupStore>(Groups);
        services.AddSingleton<IMemberStore>(Members);
        services.AddSingleton<IPostLedger>(Ledger);
        services.AddSingleton<IBookCatalog>(new TestBooks());
        services.AddSingleton<ICommandHandler, GroupShowHandler>();
        services.AddSingleton<ICommandHandler>(new GroupSetupHandler(Groups));
        services.AddSingleton<ICommandHandler>(new MemberTimeZoneHandler(Members));
        foreach (var handler in Handlers.All)
        {
            services.AddSingleton(handler);
        }

        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<IThreadActivity>(ThreadActivity);
        services.AddDiscordBot(configuration);
        ConfigureServices(services);
        _provider = services.BuildServiceProvider();
        Bot = _provider.GetRequiredService<DiscordBotHostedService>();
        Platform = _provider.GetRequiredService<DiscordChatPlatform>();
        if (StartBot)
        {
            await Bot.StartAsync(CancellationToken.None);
            await Eventually.HoldsAsync(() => Server.Requests.Any(r => r.Method == "PUT"), "command registration after READY");
            await RestQuietAsync();
        }
    }

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed part-way; dispose what exists.
        if (Bot is not null)
        {
            await Bot.StopAsync(CancellationToken.None).WaitAsync(Eventually.RealTimeout);
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    internal T Service<T>() where T : notnull => _provider!.GetRequiredService<T>();

    internal static string NewToken(out string id)
    {
        id = Interlocked.Increment(ref _nextInteraction).ToString(CultureInfo.InvariantCulture);
        return "tok-" + id;
    }

    /// <summary>An INTERACTION_CREATE <c>d</c> from a guild member.</summary>
    internal static Dictionary<string, object?> Interaction(string id, string token, int type, object? data, string permissions = SendMessagesOnly,
        string[]? roles = null, string channelId = Channel, object? channel = null, bool inGuild = true, object? message = null)
    {
        var payload = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["application_id"] = LoopbackDiscord.ApplicationId,
            ["type"] = type,
            ["token"] = token,
            ["channel_id"] = channelId,
            ["channel"] = channel ?? new { id = channelId, type = 0 },
            ["data"] = data,
            ["locale"] = "en-US",

            // Fields real Discord sends (discord.js requires some of them); our parser ignores them.
            ["version"] = 1,
            ["app_permissions"] = "2147483648",
            ["entitlements"] = Array.Empty<object>(),
            ["authorizing_integration_owners"] = new Dictionary<string, string> { ["0"] = LoopbackDiscord.GuildId },
            ["context"] = inGuild ? 0 : 1,
            ["attachment_size_limit"] = 10_485_760,
        };
        if (message is not null)
        {
            payload["message"] = message;
        }

        if (inGuild)
        {
            payload["guild_id"] = LoopbackDiscord.GuildId;
            payload["member"] = new { user = new { id = "42", username = "ada", global_name = "Ada" }, permissions, roles = roles ?? [] };
        }
        else
        {
            payload["user"] = new { id = "42", username = "ada" };
        }

        return payload;
    }

    internal static object Option(string name, string value) => new { name, type = 3, value };

    internal static object Slash(string name, params object[] options) => new { id = "1", name, type = 1, options };

    internal static object Sub(string name, string sub, params object[] options) =>
        new { id = "1", name, type = 1, options = new[] { new { name = sub, type = 1, options } } };

    /// <summary>Sends a slash command and waits until the interaction's first REST call arrived.</summary>
    internal async Task<string> SendAsync(object data, string permissions = SendMessagesOnly, string[]? roles = null, object? channel = null,
        bool inGuild = true, int type = 2, string channelId = Channel)
    {
        var token = NewToken(out var id);
        await Server.DispatchInteractionAsync(token, channelId,
            Interaction(id, token, type, data, permissions, roles, channelId, channel, inGuild));
        await Eventually.HoldsAsync(() => Answered(token), "the interaction's answer");
        return token;
    }

    /// <summary>True once the member sees the answer: a direct response, or a deferral and then its edit or a follow-up.</summary>
    internal bool Answered(string token)
    {
        var requests = RequestsFor(token);
        var callback = requests.FirstOrDefault(r => r.Route.EndsWith("/callback", StringComparison.Ordinal));
        return callback is not null && (callback.Json!.Value.GetProperty("type").GetInt32() is not (5 or 6) || requests.Any(IsAnswerAfterDeferral));
    }

    private static bool IsAnswerAfterDeferral(RestRecord record) =>
        record.Route.StartsWith("webhooks/", StringComparison.Ordinal) && record.Method is "PATCH" or "POST";

    /// <summary>The call that carries what the member sees: the deferred response's edit or follow-up, else the direct response.</summary>
    internal RestRecord Answer(string token) => RequestsFor(token).LastOrDefault(IsAnswerAfterDeferral) ?? Callback(token);

    /// <summary>The message object of <paramref name="record"/>: a callback's <c>data</c>, an edit's or follow-up's body.</summary>
    internal static JsonElement MessageData(RestRecord record) =>
        record.Route.EndsWith("/callback", StringComparison.Ordinal) ? CallbackData(record) : record.Json!.Value;

    /// <summary>Whether only the invoker sees the answer (the first response's flag decides, deferral or not).</summary>
    internal bool IsPrivate(string token)
    {
        var answer = Answer(token);
        return answer.Method == "POST" && !answer.Route.EndsWith("/callback", StringComparison.Ordinal)
            ? IsEphemeral(answer.Json!.Value)
            : Callback(token).Json!.Value.TryGetProperty("data", out var data) && IsEphemeral(data);
    }

    internal IReadOnlyList<RestRecord> RequestsFor(string token) =>
        [.. Server.Requests.Where(r => r.Route.Contains(token, StringComparison.Ordinal))];

    internal RestRecord Callback(string token) => RequestsFor(token).First(r => r.Route.EndsWith("/callback", StringComparison.Ordinal));

    internal static JsonElement CallbackData(RestRecord callback) => callback.Json!.Value.GetProperty("data");

    internal static string? Content(RestRecord record) =>
        (record.Route.EndsWith("/callback", StringComparison.Ordinal) ? CallbackData(record) : record.Json!.Value).TryGetProperty("content", out var c) ? c.GetString() : null;

    internal static bool IsEphemeral(JsonElement messageData) =>
        messageData.TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0;

    /// <summary>Waits until the bot has finished every event it is handling.</summary>
    /// <summary>Waits until no REST call is in flight: the request timeout runs on <see cref="Clock"/>, so a big
    /// clock step while a response is on its way would time that call out.</summary>
    internal Task RestQuietAsync() =>
        Eventually.HoldsAsync(() => Service<MathForML.Discord.Rest.DiscordRestClient>().RequestsInFlight == 0, "REST calls to finish");

    internal Task IdleAsync() => Eventually.HoldsAsync(() => Bot.InFlight == 0, "the bot to finish its work");
}

/// <summary>An <see cref="ILoggerProvider"/> writing into a <see cref="ListLogger"/>.</summary>
internal sealed class ListLoggerProvider(ListLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}

internal sealed class TestBooks : IBookCatalog
{
    public IReadOnlyList<Book> Books { get; } =
    [
        new("mml", "Mathematics for Machine Learning", "Deisenroth, Faisal, Ong", []),
        new("ladr", "Linear Algebra Done Right", "Axler", []),
        new("esl", "The Elements of Statistical Learning", "Hastie, Tibshirani, Friedman", []),
        new("prml", "Pattern Recognition and Machine Learning", "Bishop", []),
    ];

    public Book? Find(string id) => Books.FirstOrDefault(b => b.Id == id);
}
