using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Slack.Adapter;
using MathForML.Slack.Hosting;
using MathForML.Slack.SocketMode;
using MathForML.Slack.Tests.Loopback;
using MathForML.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>
/// The whole Slack bot as the host wires it (<see cref="SlackBotServiceCollectionExtensions.AddSlackBot"/>), with a real
/// <see cref="CommandDispatcher"/> on in-memory stores and a fake clock, connected to a <see cref="LoopbackSlack"/>.
/// </summary>
internal sealed class SlackBotHarness : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99aaabbb85a5";

    private SlackBotHarness(LoopbackSlack slack, ServiceProvider services, SignallingClock clock, ListLogger log)
    {
        Slack = slack;
        Services = services;
        Clock = clock;
        Log = log;
    }

    public LoopbackSlack Slack { get; }

    public ServiceProvider Services { get; }

    public SignallingClock Clock { get; }

    public ListLogger Log { get; }

    public InMemoryGroupStore Groups => Services.GetRequiredService<InMemoryGroupStore>();

    public InMemoryPostLedger Ledger => Services.GetRequiredService<InMemoryPostLedger>();

    public SlowHintHandler SlowHint => Services.GetRequiredService<SlowHintHandler>();

    public SlackBotHostedService Bot => Services.GetRequiredService<SlackBotHostedService>();

    public RecordingThreadActivity Threads => Services.GetRequiredService<RecordingThreadActivity>();

    public ExportTestHandler Export => Services.GetRequiredService<ExportTestHandler>();

    public SlackEventRouter Router => Services.GetRequiredService<SlackEventRouter>();

    public SlackChatPlatform Platform => Services.GetRequiredService<SlackChatPlatform>();

    public SlackAdapterState State => Services.GetRequiredService<SlackAdapterState>();

    public static async Task<SlackBotHarness> StartAsync(SlackMode mode = SlackMode.SocketMode, Dictionary<string, string?>? settings = null, bool start = true)
    {
        var slack = await LoopbackSlack.StartAsync();
        var clock = new SignallingClock();
        var config = new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = LoopbackSlack.AppToken,
            ["Slack:BotToken"] = LoopbackSlack.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:ConnectionCount"] = "1",
            ["Slack:Mode"] = mode.ToString(),
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:HttpListenUrl"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var services = new ServiceCollection();
        var harnessLog = new ListLogger();
        services.AddLogging(b => b.AddProvider(new ListLoggerProvider(harnessLog)).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(SlackClients.Tuning);
        // Channel pacing (1 message/s) runs on the fake clock; the benchmark measures it on the real one.
        services.AddSingleton(new MathForML.Slack.WebApi.SlackApiTuning { PerChannelMessageInterval = TimeSpan.Zero });
        services.AddSingleton<InMemoryGroupStore>();
        services.AddSingleton<IStudyGroupStore>(sp => sp.GetRequiredService<InMemoryGroupStore>());
        services.AddSingleton<IMemberStore, InMemoryMemberStore>();
        services.AddSingleton<InMemoryPostLedger>();
        services.AddSingleton<IPostLedger>(sp => sp.GetRequiredService<InMemoryPostLedger>());
        services.AddSingleton<SlowHintHandler>();
        services.AddSingleton<RecordingThreadActivity>();
        services.AddSingleton<IThreadActivity>(sp => sp.GetRequiredService<RecordingThreadActivity>());
        services.AddSingleton<ExportTestHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<ExportTestHandler>());
        services.AddSingleton<ICommandHandler, GroupSetupHandler>();
        services.AddSingleton<ICommandHandler, GroupShowHandler>();
        services.AddSingleton<ICommandHandler, MemberTimeZoneHandler>();
        services.AddSingleton<ICommandHandler, ProblemTestHandler>();
        services.AddSingleton<ICommandHandler, AnswerTestHandler>();
        services.AddSingleton<ICommandHandler, FailingStatsHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<SlowHintHandler>());
        services.AddSingleton<CommandDispatcher>();
        services.AddSlackBot(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        var harness = new SlackBotHarness(slack, services.BuildServiceProvider(), clock, harnessLog);
        if (start)
        {
            await harness.Bot.StartAsync(CancellationToken.None);
            await harness.Bot.Ready.WaitAsync(TestWait.Limit);
        }

        return harness;
    }

    /// <summary>Waits until a Web API method has been called <paramref name="count"/> times.</summary>
    public Task WaitForCallsAsync(string method, int count = 1) => Slack.WaitForCallsAsync(method, count);

    public async Task<RecordedResponse> NextResponseAsync() => await Slack.Responses.Reader.ReadAsync().AsTask().WaitAsync(TestWait.Limit);

    public JsonElement LastRequestJson(string method) => JsonDocument.Parse(Slack.Requests.Last(r => r.Method == method).Body).RootElement;

    public Dictionary<string, string> LastRequestForm(string method) => LoopbackSlack.ParseForm(Slack.Requests.Last(r => r.Method == method).Body);

    public async ValueTask DisposeAsync()
    {
        await Bot.StopAsync(CancellationToken.None).WaitAsync(TestWait.Limit);
        await Services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

internal sealed class ListLoggerProvider(ListLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
