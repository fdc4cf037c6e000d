using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MathForML.CommandBench;
using MathForML.Core.Chat;
using MathForML.Discord.Hosting;
using MathForML.Discord.Tests.Loopback;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.Discord.Benchmarks;

/// <summary>
/// The Discord bot as the host wires it (real Core, Content and a migrated SQLite file, see <see cref="BenchWorld"/>)
/// against the loopback Discord, or (<see cref="StartBaselineAsync"/>) the loopback Discord with the minimal
/// fixed-reply client instead of the bot. A command is done when its reply reaches the loopback REST: an interaction
/// callback with a message (type 4), or after a deferral the edit of @original or a follow-up.
/// </summary>
internal sealed class DiscordCommandRig : IAsyncDisposable
{
    public const string OpenChannel = "555555555555555555";
    public const string EmptyChannel = "555555555555555556";

    /// <summary>The member who sends the unjudged commands (help, malformed, no problem): the same one every time.</summary>
    public const string RegularMember = "600000000000000001";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _waiting = new(StringComparer.Ordinal);
    private BenchWorld? _world;
    private DiscordBotHostedService? _bot;
    private MinimalDiscordClient? _minimal;
    private int _next;
    private int _calls;

    private DiscordCommandRig(LoopbackDiscord server) => Server = server;

    public LoopbackDiscord Server { get; }

    public BenchWorld World => _world ?? throw new InvalidOperationException("The baseline rig has no bot.");

    public bool HasWorld => _world is not null;

    /// <summary>REST requests the loopback received so far.</summary>
    public int RestCalls => Volatile.Read(ref _calls);

    public static async Task<DiscordCommandRig> StartBotAsync(int poolSize)
    {
        var rig = await StartServerAsync();
        rig._world = await BenchWorld.CreateAsync(
            new BenchPlace(ChatPlatform.Discord, LoopbackDiscord.GuildId, OpenChannel, EmptyChannel),
            new Dictionary<string, string?>
            {
                ["Discord:Token"] = LoopbackDiscord.Token,
                ["Discord:ApplicationId"] = LoopbackDiscord.ApplicationId,
                ["Discord:ApiBaseUrl"] = rig.Server.ApiBaseUrl,
            },
            (services, configuration) => services.AddDiscordBot(configuration),
            i => (700_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture),
            poolSize);
        rig._bot = rig._world.Services.GetRequiredService<DiscordBotHostedService>();
        await rig._bot.StartAsync(CancellationToken.None);
        await rig.WaitUntilAsync(() => rig.Server.Requests.Any(r => r.Method == "PUT"), "the bot registered its commands");
        return rig;
    }

    public static async Task<DiscordCommandRig> StartBaselineAsync()
    {
        var rig = await StartServerAsync();
        rig._minimal = await MinimalDiscordClient.ConnectAsync(rig.Server);
        await rig.WaitUntilAsync(() => rig.Server.CurrentSession is not null, "the minimal client identified");
        return rig;
    }

    private static async Task<DiscordCommandRig> StartServerAsync()
    {
        var server = await LoopbackDiscord.StartAsync(TimeProvider.System);
        server.KeepEventLog = false;
        var rig = new DiscordCommandRig(server);
        server.RequestObserver = rig.Observe;
        return rig;
    }

    /// <summary>A slash command (<c>/help</c>, or <c>/answer value</c>) from <paramref name="userId"/>; returns the reply's JSON.</summary>
    public async Task<string> SendAsync(string userId, string channel, string command, string? value)
    {
        var id = (900_000_000 + Interlocked.Increment(ref _next)).ToString(CultureInfo.InvariantCulture);
        var token = "bench-" + id;
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[token] = done;
        var payload = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["application_id"] = LoopbackDiscord.ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["guild_id"] = LoopbackDiscord.GuildId,
            ["channel_id"] = channel,
            ["channel"] = new { id = channel, type = 0 },
            ["member"] = new { user = new { id = userId, username = BenchNames.DisplayName(userId) }, permissions = "2048", roles = Array.Empty<string>() },
            ["data"] = new
            {
                id = "1",
                name = command,
                type = 1,
                options = value is null ? [] : new object[] { new { name = "value", type = 3, value } },
            },
        };
        await Server.DispatchInteractionAsync(token, channel, payload);
        try
        {
            return await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _waiting.TryRemove(token, out _);
        }
    }

    private void Observe(RestRecord record)
    {
        Interlocked.Increment(ref _calls);
        var parts = record.Route.Split('/');
        var (token, reply) = (record.Method, parts) switch
        {
            ("POST", ["interactions", _, var t, "callback"]) when record.Json is { } json
                && json.TryGetProperty("type", out var type) && type.GetInt32() is 4 or 7 => (t, json.GetProperty("data").GetRawText()),
            ("PATCH", ["webhooks", _, var t, "messages", "@original"]) => (t, record.Json?.GetRawText() ?? ""),
            ("POST", ["webhooks", _, var t]) => (t, record.Json?.GetRawText() ?? ""),
            _ => (null, null),
        };
        if (token is not null && _waiting.TryGetValue(token, out var done))
        {
            done.TrySetResult(reply!);
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.StopAsync(CancellationToken.None);
        }

        if (_minimal is not null)
        {
            await _minimal.DisposeAsync();
        }

        if (_world is not null)
        {
            await _world.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
