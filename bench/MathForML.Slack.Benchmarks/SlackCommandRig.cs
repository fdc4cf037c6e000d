using System.Globalization;
using System.Text.Json;
using MathForML.CommandBench;
using MathForML.Core.Chat;
using MathForML.Slack.Hosting;
using MathForML.Slack.Tests.Loopback;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.Slack.Benchmarks;

/// <summary>
/// The Slack bot as the host wires it (real Core, Content and a migrated SQLite file, see <see cref="BenchWorld"/>)
/// over the loopback Slack's Socket Mode, or (<see cref="StartBaselineAsync"/>) the loopback Slack with the minimal
/// fixed-reply client instead of the bot. A command is done when its reply reaches the loopback: on the ack's
/// payload (quick private replies), else on the envelope's response_url.
/// </summary>
internal sealed class SlackCommandRig : IAsyncDisposable
{
    public const string Team = "T0TEAM";
    public const string OpenChannel = "C0STUDY";
    public const string EmptyChannel = "C0EMPTY";

    /// <summary>The member who sends the unjudged commands (help, malformed, no problem): the same one every time.</summary>
    public const string RegularMember = "U6REGULAR";

    private readonly LoopbackSlack _slack;
    private BenchWorld? _world;
    private SlackBotHostedService? _bot;
    private MinimalSlackClient? _minimal;
    private ServerConnection _connection = null!;
    private int _next;

    private SlackCommandRig(LoopbackSlack slack) => _slack = slack;

    public BenchWorld World => _world ?? throw new InvalidOperationException("The baseline rig has no bot.");

    public bool HasWorld => _world is not null;

    /// <summary>Web API calls and response_url posts the loopback received so far.</summary>
    public int ApiCalls => _slack.Requests.Count;

    /// <summary>users.info calls so far.</summary>
    public int UserInfoCalls => _slack.CallCount("users.info");

    public static async Task<SlackCommandRig> StartBotAsync(int poolSize)
    {
        var rig = new SlackCommandRig(await LoopbackSlack.StartAsync());
        rig._world = await BenchWorld.CreateAsync(
            new BenchPlace(ChatPlatform.Slack, Team, OpenChannel, EmptyChannel),
            new Dictionary<string, string?>
            {
                ["Slack:AppToken"] = LoopbackSlack.AppToken,
                ["Slack:BotToken"] = LoopbackSlack.BotToken,
                ["Slack:ApiBaseUrl"] = rig._slack.ApiBaseUrl.ToString(),
                ["Slack:ConnectionCount"] = "1",
            },
            (services, configuration) => services.AddSlackBot(configuration),
            i => "U7" + i.ToString("D8", CultureInfo.InvariantCulture),
            poolSize);
        rig._bot = rig._world.Services.GetRequiredService<SlackBotHostedService>();
        await rig._bot.StartAsync(CancellationToken.None);
        rig._connection = await rig._slack.NextConnectionAsync();
        return rig;
    }

    public static async Task<SlackCommandRig> StartBaselineAsync()
    {
        var rig = new SlackCommandRig(await LoopbackSlack.StartAsync());
        rig._minimal = await MinimalSlackClient.ConnectAsync(rig._slack.ApiBaseUrl);
        rig._connection = await rig._slack.NextConnectionAsync();
        return rig;
    }

    /// <summary><c>/mfml {text}</c> from <paramref name="userId"/>; returns the reply's JSON (ack payload or response_url body).</summary>
    public async Task<string> SendAsync(string userId, string channel, string text)
    {
        var envelope = "env-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        await _connection.SendSlashCommandAsync(envelope, text, userId, _slack.ResponseUrl(envelope), channel);
        var ack = await _connection.Acks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        if (ack.EnvelopeId != envelope)
        {
            throw new InvalidOperationException($"Expected the ack of {envelope}, got {ack.EnvelopeId}.");
        }

        if (ack.Payload is { ValueKind: JsonValueKind.Object } payload)
        {
            return payload.GetRawText();
        }

        var response = await _slack.Responses.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return response.Id == envelope ? response.Body.GetRawText() : throw new InvalidOperationException($"Expected the response of {envelope}, got {response.Id}.");
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

        await _slack.DisposeAsync();
    }
}
