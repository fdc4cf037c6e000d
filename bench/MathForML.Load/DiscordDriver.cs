using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Load;

/// <summary>The loopback Discord: INTERACTION_CREATE out over the gateway, callbacks and webhook edits back over REST.</summary>
internal sealed class DiscordDriver : IPlatformDriver
{
    private const string ManageGuild = "32";
    private const string PlainMember = "3072"; // view channel + send messages

    private readonly ConcurrentDictionary<string, Probe> _probes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _observations = new();
    private readonly LoopbackDiscord _server;
    private int _problemPosts;
    private int _next;

    private DiscordDriver(LoopbackDiscord server)
    {
        _server = server;
        server.RequestObserver = Observe;
        server.AddTextChannel(Channel, "load-study");
    }

    public string Platform => "discord";

    public string Channel => "555555555555555501";

    public string Organizer => "420000000000000001";

    public IReadOnlyDictionary<string, string> HostEnvironment => new Dictionary<string, string>
    {
        ["MATHFORML__Discord__Token"] = LoopbackDiscord.Token,
        ["MATHFORML__Discord__ApplicationId"] = LoopbackDiscord.ApplicationId,
        ["MATHFORML__Discord__ApiBaseUrl"] = _server.ApiBaseUrl,
    };

    /// <summary>The REST base without the version (discord.js adds /v10 itself).</summary>
    public string ApiRoot => $"{_server.BaseUri}api";

    /// <summary>The reference bot registers no commands: then READY alone means connected.</summary>
    public bool ExpectsCommandRegistration { get; set; } = true;

    public int ProblemPosts => Volatile.Read(ref _problemPosts);

    public bool? OffersProblemPost { get; private set; }

    public IReadOnlyList<string> Observations => [.. _observations];

    public static async Task<DiscordDriver> StartAsync() => new(await LoopbackDiscord.StartAsync(TimeProvider.System));

    public string Member(int run, int burst, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"43{run % 100_000:D5}{burst % 100:D2}{index % 100_000_000:D8}");

    public async Task WaitConnectedAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (_server.CurrentSession is null || (ExpectsCommandRegistration && !Registered()))
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Discord: no READY and command registration within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(20, cancellationToken);
        }

        var registration = _server.Requests.LastOrDefault(r => r.Method == "PUT" && r.Route.EndsWith("commands", StringComparison.Ordinal));
        OffersProblemPost = registration?.Json is { ValueKind: JsonValueKind.Array } commands && commands.EnumerateArray().Any(c =>
            c.GetProperty("name").GetString() == "problem" && c.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            && options.EnumerateArray().Any(o => o.GetProperty("name").GetString() == "post"));

        // As Discord does after READY with the Guilds intent: the guild and its channels.
        var channel = _server.AddTextChannel(Channel, "load-study");
        await _server.DispatchGuildCreateAsync([channel], []);
    }

    private bool Registered() => _server.Requests.Any(r => r.Method == "PUT" && r.Route.EndsWith("commands", StringComparison.Ordinal));

    public async Task<Probe> SendAsync(int index, string member, LoadCommand command, bool organizer)
    {
        var n = Interlocked.Increment(ref _next);
        var id = (800_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture);
        var token = "load-" + id;
        var probe = new Probe(index, token, member, Channel, command);
        _probes[token] = probe;
        var payload = Payload(id, token, member, command, organizer);
        probe.SentAt = Stopwatch.GetTimestamp();
        await _server.DispatchInteractionAsync(token, Channel, payload);
        return probe;
    }

    private Dictionary<string, object?> Payload(string id, string token, string member, LoadCommand command, bool organizer)
    {
        var path = command.Path.Split(' ');
        var arguments = command.Arguments.Select(a => (object)new { name = a.Name, type = 3, value = a.Value }).ToArray();
        object data = path.Length == 1
            ? new { id = "1", name = path[0], type = 1, options = arguments }
            : new { id = "1", name = path[0], type = 1, options = new object[] { new { name = path[1], type = 1, options = arguments } } };
        return new Dictionary<string, object?>
        {
            ["id"] = id,
            ["application_id"] = LoopbackDiscord.ApplicationId,
            ["type"] = 2,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = LoopbackDiscord.GuildId,
            ["channel_id"] = Channel,
            ["channel"] = new { id = Channel, type = 0, guild_id = LoopbackDiscord.GuildId, name = "load-study" },
            ["member"] = new
            {
                user = new { id = member, username = "member" + member[^4..], discriminator = "0", global_name = (string?)null, avatar = (string?)null },
                roles = Array.Empty<string>(),
                permissions = organizer ? ManageGuild : PlainMember,
                joined_at = "2026-01-01T00:00:00.000000+00:00",
                deaf = false,
                mute = false,
                flags = 0,
            },
            ["app_permissions"] = "3072",
            ["locale"] = "en-US",
            ["guild_locale"] = "en-US",
            ["entitlements"] = Array.Empty<object>(),
            ["authorizing_integration_owners"] = new Dictionary<string, string> { ["0"] = LoopbackDiscord.GuildId },
            ["context"] = 0,
            ["data"] = data,
        };
    }

    private void Observe(RestRecord record)
    {
        var at = Stopwatch.GetTimestamp();
        var parts = record.Route.Split('/');
        switch (parts)
        {
            case ["interactions", _, var token, "callback"] when _probes.TryGetValue(token, out var probe):
                var wasAcked = probe.AckAt != 0;
                probe.Ack(at);
                if (wasAcked)
                {
                    _observations.Enqueue($"second interaction callback for {probe.Command.Path} ({token})");
                }

                if (record.Json is { } callback && callback.TryGetProperty("type", out var type) && type.GetInt32() == 4)
                {
                    probe.Reply(at, Text(callback.TryGetProperty("data", out var d) ? d : callback, record));
                }
                else if (!wasAcked)
                {
                    probe.Deferred = true;
                }

                break;
            case ["webhooks", _, var token, "messages", "@original"] when record.Method == "PATCH" && _probes.TryGetValue(token, out var probe):
                probe.Reply(at, Text(record.Json, record));
                break;
            case ["webhooks", _, var token] when record.Method == "POST" && _probes.TryGetValue(token, out var probe):
                probe.Reply(at, Text(record.Json, record));
                break;
            // The daily post: its text is in embeds (the content may be empty).
            case ["channels", var channel, "messages"] when record.Method == "POST" && channel == Channel
                && record.Json is { } message && message.GetRawText().Contains("Problem #", StringComparison.Ordinal):
                Interlocked.Increment(ref _problemPosts);
                break;
            default:
                break;
        }
    }

    private static string Text(JsonElement? json, RestRecord record)
    {
        var text = json is { } j && j.ValueKind == JsonValueKind.Object && j.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
        if (json is { } e && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array && embeds.GetArrayLength() > 0)
        {
            text += " " + embeds.GetRawText();
        }

        return record.Files.Count > 0 ? text + $" [{record.Files.Count} file(s)]" : text;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
