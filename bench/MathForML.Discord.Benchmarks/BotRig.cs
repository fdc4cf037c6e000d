using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Discord.Hosting;
using MathForML.Discord.Tests.Loopback;
using MathForML.Rendering;
using MathForML.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.Discord.Benchmarks;

/// <summary>
/// The Discord bot as the host wires it, against the loopback Discord on 127.0.0.1 with the real clock:
/// a real dispatcher over in-memory stores, an /answer handler and a /problem handler that renders its
/// formula to PNG on every call (the reply is a multipart upload).
/// </summary>
internal sealed class BotRig : IAsyncDisposable
{
    public const string Channel = "555555555555555555";
    public const string ProblemLatex = @"\nabla_w \frac{1}{2}\|Xw - y\|^2 = X^\top (Xw - y)";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();
    private ServiceProvider _provider = null!;
    private int _next;

    private BotRig(LoopbackDiscord server) => Server = server;

    public LoopbackDiscord Server { get; }

    public DiscordBotHostedService Bot { get; private set; } = null!;

    public Gateway.DiscordGatewayClient Gateway => _provider.GetRequiredService<Gateway.DiscordGatewayClient>();

    public static CommandDefinition ProblemCommand { get; } =
        CommandCatalog.Leaves().First(c => c.Path.StartsWith("problem", StringComparison.Ordinal));

    public static async Task<BotRig> StartAsync()
    {
        var server = await LoopbackDiscord.StartAsync(TimeProvider.System);
        server.KeepEventLog = false;
        var rig = new BotRig(server);
        server.RequestObserver = rig.Observe;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = LoopbackDiscord.Token,
            ["Discord:ApplicationId"] = LoopbackDiscord.ApplicationId,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
        }).Build();
        var groups = new InMemoryGroupStore();
        var members = new InMemoryMemberStore();
        var renderer = new MathRenderer();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IStudyGroupStore>(groups);
        services.AddSingleton<IMemberStore>(members);
        services.AddSingleton<IPostLedger>(new InMemoryPostLedger());
        services.AddSingleton<ICommandHandler>(new GroupSetupHandler(groups));
        services.AddSingleton<ICommandHandler>(new BenchHandler(CommandCatalog.Answer.Path,
            r => ChatReply.Text($"Correct: {r.Command.Argument("value")} (exact match).", ephemeral: true)));
        services.AddSingleton<ICommandHandler>(new BenchHandler(ProblemCommand.Path, _ =>
        {
            var image = renderer.Render(ProblemLatex, RenderOptions.Default);
            return new ChatReply
            {
                Content = new MessageContent
                {
                    Text = $"**Problem 12**: derive the gradient. Due {ChatTime.Token(DateTimeOffset.UnixEpoch.AddDays(20_000), ChatTimeStyle.Relative)}.",
                    Images = [new ChatImage(image.Png!, image.AltText, "problem-12.png", image.Width, image.Height)],
                    Buttons = [new ChatButton(CommandActions.For(CommandCatalog.Hint), "Hint")],
                },
                Ephemeral = true,
            };
        }));
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<IThreadActivity, IgnoredThreadActivity>();
        services.AddDiscordBot(configuration);
        rig._provider = services.BuildServiceProvider();
        rig.Bot = rig._provider.GetRequiredService<DiscordBotHostedService>();
        await rig.Bot.StartAsync(CancellationToken.None);
        var ready = Stopwatch.StartNew();
        while (!server.Requests.Any(r => r.Method == "PUT"))
        {
            if (ready.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("The bot did not become ready.");
            }

            await Task.Delay(5);
        }

        return rig;
    }

    /// <summary>Sends one slash command; completes with the latency from the dispatch leaving the server
    /// to the interaction callback arriving back at it.</summary>
    public async Task<TimeSpan> RoundTripAsync(string command, string? value = null)
    {
        var id = (900_000 + Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);
        var token = "bench-" + id;
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[token] = done;
        var parts = command.Split(' ');
        object data = parts.Length == 1
            ? new { id = "1", name = parts[0], type = 1, options = value is null ? [] : new object[] { new { name = "value", type = 3, value } } }
            : new { id = "1", name = parts[0], type = 1, options = new object[] { new { name = parts[1], type = 1, options = Array.Empty<object>() } } };
        var payload = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["application_id"] = LoopbackDiscord.ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["guild_id"] = LoopbackDiscord.GuildId,
            ["channel_id"] = Channel,
            ["channel"] = new { id = Channel, type = 0 },
            ["member"] = new { user = new { id = "42", username = "ada" }, permissions = "2048", roles = Array.Empty<string>() },
            ["data"] = data,
        };
        var started = Stopwatch.GetTimestamp();
        await Server.DispatchInteractionAsync(token, Channel, payload);
        var arrived = await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _waiting.TryRemove(token, out _);
        return Stopwatch.GetElapsedTime(started, arrived);
    }

    private void Observe(RestRecord record)
    {
        if (record.Route.StartsWith("interactions/", StringComparison.Ordinal) && record.Route.EndsWith("/callback", StringComparison.Ordinal))
        {
            var token = record.Route.Split('/')[2];
            if (_waiting.TryGetValue(token, out var done))
            {
                done.TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        await Server.DisposeAsync();
    }

    private sealed class BenchHandler(string path, Func<CommandRequest, ChatReply> reply) : ICommandHandler
    {
        public string Path => path;

        public bool RequiresGroup => false;

        public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => Task.FromResult(reply(request));
    }
}

/// <summary>The benchmarks send no thread messages; the bot still needs the port.</summary>
internal sealed class IgnoredThreadActivity : IThreadActivity
{
    public Task RecordAsync(ThreadMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
