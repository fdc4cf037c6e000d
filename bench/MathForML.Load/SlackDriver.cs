using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MathForML.Slack.Tests.Loopback;

namespace MathForML.Load;

/// <summary>
/// The loopback Slack: slash-command envelopes out over Socket Mode; the reply is whatever the member sees first:
/// the ack's payload, a POST to the interaction's response_url, chat.postEphemeral to them, or (for public
/// replies such as /tex) a message or file shared in the channel.
/// </summary>
internal sealed class SlackDriver : IPlatformDriver
{
    private readonly ConcurrentDictionary<string, Probe> _probes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _observations = new();
    private readonly List<ServerConnection> _connections = [];
    private readonly Lock _gate = new();
    private readonly LoopbackSlack _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private int _problemPosts;
    private int _next;

    private SlackDriver(LoopbackSlack server)
    {
        _server = server;
        server.RequestObserver = Observe;
        _readers.Add(Task.Run(AcceptConnectionsAsync));
        _readers.Add(Task.Run(ReadResponsesAsync));
    }

    public string Platform => "slack";

    public string Channel => "C0LOADSTUDY";

    public string Organizer => "U0ADA";

    public IReadOnlyDictionary<string, string> HostEnvironment => new Dictionary<string, string>
    {
        ["MATHFORML__Slack__BotToken"] = LoopbackSlack.BotToken,
        ["MATHFORML__Slack__AppToken"] = LoopbackSlack.AppToken,
        ["MATHFORML__Slack__ApiBaseUrl"] = _server.ApiBaseUrl.ToString(),
    };

    public Uri ApiBaseUrl => _server.ApiBaseUrl;

    public int ProblemPosts => Volatile.Read(ref _problemPosts);

    // Slack has no command registration to read: the harness finds out by trying.
    public bool? OffersProblemPost => null;

    public IReadOnlyList<string> Observations => [.. _observations];

    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    public static async Task<SlackDriver> StartAsync() => new(await LoopbackSlack.StartAsync());

    public string Member(int run, int burst, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"UL{run % 100_000:D5}{burst % 100:D2}{index % 1_000_000:D6}");

    public async Task WaitConnectedAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (OpenConnections().Count == 0)
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Slack: no Socket Mode connection within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(20, cancellationToken);
        }

        // The bot opens its connections one after another; give the rest a moment, as Slack spreads envelopes over them.
        var first = waited.Elapsed;
        while (waited.Elapsed - first < TimeSpan.FromSeconds(3) && OpenConnections().Count < 2)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task<Probe> SendAsync(int index, string member, LoadCommand command, bool organizer)
    {
        var n = Interlocked.Increment(ref _next);
        var envelope = "env-" + n.ToString(CultureInfo.InvariantCulture);
        var probe = new Probe(index, envelope, member, Channel, command);
        _probes[envelope] = probe;
        var open = OpenConnections();
        if (open.Count == 0)
        {
            _observations.Enqueue($"no open Socket Mode connection for {command.Path}; not sent");
            probe.SentAt = Stopwatch.GetTimestamp();
            return probe;
        }

        // Slack spreads envelopes over the app's open connections.
        var connection = open[n % open.Count];
        probe.SentAt = Stopwatch.GetTimestamp();
        try
        {
            await connection.SendSlashCommandAsync(envelope, command.SlackText, member, _server.ResponseUrl(envelope), Channel);
        }
        catch (Exception exception) when (exception is System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            _observations.Enqueue($"sending {command.Path} failed: {exception.Message}");
        }

        return probe;
    }

    private List<ServerConnection> OpenConnections()
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => c.IsOpen)];
        }
    }

    private async Task AcceptConnectionsAsync()
    {
        try
        {
            await foreach (var connection in _server.Connections.Reader.ReadAllAsync(_stop.Token))
            {
                lock (_gate)
                {
                    _connections.Add(connection);
                    if (_connections.Count > 2)
                    {
                        _observations.Enqueue($"Socket Mode connection #{_connections.Count} opened (a reconnect)");
                    }
                }

                lock (_gate)
                {
                    _readers.Add(Task.Run(() => ReadAcksAsync(connection)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ReadAcksAsync(ServerConnection connection)
    {
        try
        {
            await foreach (var ack in connection.Acks.Reader.ReadAllAsync(_stop.Token))
            {
                if (!_probes.TryGetValue(ack.EnvelopeId, out var probe))
                {
                    continue;
                }

                if (probe.AckAt != 0)
                {
                    _observations.Enqueue($"second ack for envelope {ack.EnvelopeId} ({probe.Command.Path})");
                }

                var first = probe.AckAt == 0;
                probe.Ack(ack.ReceivedAt);
                if (ack.Payload is { ValueKind: JsonValueKind.Object } payload && (payload.TryGetProperty("text", out _) || payload.TryGetProperty("blocks", out _)))
                {
                    probe.Reply(ack.ReceivedAt, payload.GetRawText());
                }
                else if (first)
                {
                    probe.Deferred = true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ReadResponsesAsync()
    {
        try
        {
            await foreach (var response in _server.Responses.Reader.ReadAllAsync(_stop.Token))
            {
                if (_probes.TryGetValue(response.Id, out var probe))
                {
                    probe.Reply(Stopwatch.GetTimestamp(), response.Body.GetRawText());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Observe(RecordedRequest request)
    {
        var at = Stopwatch.GetTimestamp();
        switch (request.Method)
        {
            case "chat.postEphemeral":
                var ephemeral = Fields(request);
                if (Pending(p => p.Member == ephemeral.GetValueOrDefault("user") && p.Channel == ephemeral.GetValueOrDefault("channel")) is { } member)
                {
                    member.Reply(at, request.Body);
                }

                break;
            case "chat.postMessage":
                var posted = Fields(request);
                if (posted.GetValueOrDefault("channel") != Channel)
                {
                    break;
                }

                // Scheduled posts carry the bot's post metadata (its idempotency key); command replies do not.
                if (HasMetadata(request))
                {
                    if (posted.GetValueOrDefault("text") is { } text && text.Contains("Problem #", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _problemPosts);
                    }
                }
                else if (Pending(p => p.Command.Kind == "setup") is { } setup)
                {
                    // Organizer commands answer in the channel; setup sends them one at a time.
                    setup.Reply(at, request.Body);
                }

                break;
            case "files.completeUploadExternal":
                // A /tex image: tied to its interaction by the alt text, which is the formula the member typed.
                foreach (var alt in SharedAltTexts(request))
                {
                    if (Pending(p => p.Command.PublicReply && p.Command.Arguments.Any(a => a.Value == alt)) is { } tex)
                    {
                        tex.Reply(at, "[image] " + alt);
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The oldest interaction still waiting for its reply that matches (replies come in no particular order).</summary>
    private Probe? Pending(Func<Probe, bool> match) =>
        _probes.Values.Where(p => p.ReplyAt == 0 && match(p)).OrderBy(p => p.SentAt).FirstOrDefault();

    private static bool HasMetadata(RecordedRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return false;
        }

        using var json = JsonDocument.Parse(request.Body);
        return json.RootElement.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object;
    }

    private IEnumerable<string> SharedAltTexts(RecordedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        if (!json.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. files.EnumerateArray()
            .Select(f => f.TryGetProperty("id", out var id) ? id.GetString() : null)
            .Select(id => id is not null && _server.Reserved.TryGetValue(id, out var reserved) ? reserved.AltText : null)
            .OfType<string>()];
    }

    private static Dictionary<string, string> Fields(RecordedRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            using var json = JsonDocument.Parse(request.Body);
            return json.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        }

        return LoopbackSlack.ParseForm(request.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task[] readers;
        lock (_gate)
        {
            readers = [.. _readers];
        }

        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _server.DisposeAsync();
        _stop.Dispose();
    }
}
