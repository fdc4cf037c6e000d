using System.Text.Json;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MathForML.Discord.Adapter;

/// <summary>What the directory knows about a channel id.</summary>
public enum ChannelKind
{
    /// <summary>Not seen yet: ask Discord (<see cref="DiscordThreadDirectory.ResolveAsync"/>).</summary>
    Unknown,
    /// <summary>A text, forum, voice or other channel that is not a thread.</summary>
    NotThread,
    /// <summary>A thread (types 10, 11, 12) with a known parent channel.</summary>
    Thread,
}

/// <summary>
/// Which channel ids are threads, and their parent channel: a bounded map fed by the gateway (GUILD_CREATE's
/// <c>channels</c> and <c>threads</c>, CHANNEL_*, THREAD_CREATE/UPDATE/DELETE, THREAD_LIST_SYNC). An id the
/// gateway has not described (a thread older than the session, archived when the guild arrived) is looked up
/// once with <c>GET /channels/{id}</c> and the answer kept, "not a thread" included. Thread-safe.
/// </summary>
public sealed class DiscordThreadDirectory
{
    /// <summary>Channels and threads remembered before the oldest are forgotten (ids are kept as numbers:
    /// about 3 MB when full), enough for every channel of a few thousand servers.</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>The parent id stored for a channel that is not a thread (snowflakes are never 0).</summary>
    private const ulong NotAThread = 0;

    private readonly DiscordRestClient _rest;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, ulong> _parents = [];
    private readonly Queue<ulong> _order = new();
    private readonly Dictionary<ulong, TaskCompletionSource<string?>> _lookups = [];

    public DiscordThreadDirectory(DiscordRestClient rest, ILogger<DiscordThreadDirectory>? logger = null)
        : this(rest, DefaultCapacity, logger)
    {
    }

    internal DiscordThreadDirectory(DiscordRestClient rest, int capacity, ILogger? logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _rest = rest;
        _capacity = capacity;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Channel ids currently remembered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _parents.Count;
            }
        }
    }

    /// <summary>The gateway events that describe channels and threads; others are ignored.</summary>
    public static bool Describes(string eventType) => eventType is "GUILD_CREATE" or "CHANNEL_CREATE" or "CHANNEL_UPDATE" or "CHANNEL_DELETE"
        or "THREAD_CREATE" or "THREAD_UPDATE" or "THREAD_DELETE" or "THREAD_LIST_SYNC";

    /// <summary>Learns from one gateway event (see <see cref="Describes"/>).</summary>
    public void Observe(string eventType, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (eventType)
        {
            case "GUILD_CREATE":
                LearnAll(data, "channels");
                LearnAll(data, "threads");
                break;
            case "THREAD_LIST_SYNC":
                LearnAll(data, "threads");
                break;
            case "CHANNEL_CREATE" or "CHANNEL_UPDATE" or "THREAD_CREATE" or "THREAD_UPDATE":
                Learn(data);
                break;
            case "CHANNEL_DELETE" or "THREAD_DELETE":
                if (Id(data) is { } id)
                {
                    Forget(id);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>What is known about <paramref name="channelId"/> without asking Discord.</summary>
    public ChannelKind Find(string channelId, out string? parentId)
    {
        parentId = null;
        if (Snowflake(channelId) is not { } id)
        {
            return ChannelKind.NotThread;
        }

        lock (_gate)
        {
            if (!_parents.TryGetValue(id, out var parent))
            {
                return ChannelKind.Unknown;
            }

            parentId = Text(parent);
        }

        return parentId is null ? ChannelKind.NotThread : ChannelKind.Thread;
    }

    /// <summary>
    /// The parent channel of thread <paramref name="channelId"/>, or null when it is not a thread or cannot be
    /// told now. Unknown ids are looked up once (concurrent callers share the call); Discord's answer is kept,
    /// a refusal (404, 403) as "not a thread"; a transient failure (network, 5xx, rate limit) is not kept.
    /// </summary>
    public async Task<string?> ResolveAsync(string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        if (Snowflake(channelId) is not { } id)
        {
            return null;
        }

        TaskCompletionSource<string?>? running;
        var lookup = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_parents.TryGetValue(id, out var known))
            {
                return Text(known);
            }

            if (!_lookups.TryGetValue(id, out running))
            {
                _lookups[id] = lookup;
            }
        }

        if (running is not null)
        {
            return await running.Task.WaitAsync(cancellationToken);
        }

        string? parent = null;
        try
        {
            parent = await LookUpAsync(channelId, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _lookups.Remove(id);
            }

            lookup.TrySetResult(parent);
        }

        return parent;
    }

    private async Task<string?> LookUpAsync(string channelId, CancellationToken cancellationToken)
    {
        var channel = await _rest.GetChannelAsync(channelId, cancellationToken);
        if (channel.IsSuccess)
        {
            var value = channel.Value!;
            var parent = value.IsThread ? value.ParentId : null;
            Remember(channelId, parent);
            DiscordAdapterLog.ChannelResolved(_logger, channelId, parent ?? "-");
            return parent;
        }

        DiscordAdapterLog.ChannelLookupFailed(_logger, channelId, channel.Error!.ToString());
        if (channel.Error.Kind == DiscordErrorKind.Rejected)
        {
            Remember(channelId, null);
        }

        return null;
    }

    private void LearnAll(JsonElement data, string property)
    {
        if (data.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var channel in list.EnumerateArray())
            {
                Learn(channel);
            }
        }
    }

    /// <summary>A channel object: a thread (type 10/11/12 with parent_id) or anything else.</summary>
    private void Learn(JsonElement channel)
    {
        if (channel.ValueKind != JsonValueKind.Object || Id(channel) is not { } id
            || !channel.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Number || !type.TryGetInt32(out var kind))
        {
            return;
        }

        if (!DiscordChannel.IsThreadType(kind))
        {
            Remember(id, null);
        }
        else if (channel.TryGetProperty("parent_id", out var parent) && parent.ValueKind == JsonValueKind.String)
        {
            Remember(id, parent.GetString());
        }
    }

    private void Remember(string channelId, string? parentId)
    {
        if (Snowflake(channelId) is not { } id)
        {
            return;
        }

        var parent = parentId is null ? NotAThread : Snowflake(parentId) ?? NotAThread;

        lock (_gate)
        {
            if (!_parents.ContainsKey(id))
            {
                _order.Enqueue(id);
            }

            _parents[id] = parent;
            while (_parents.Count > _capacity && _order.TryDequeue(out var oldest))
            {
                _parents.Remove(oldest);
            }

            if (_order.Count > 2 * _capacity)
            {
                // Ids forgotten (deleted channels) leave stale entries behind: keep the queue bounded too.
                var live = _order.Where(_parents.ContainsKey).Distinct().ToList();
                _order.Clear();
                live.ForEach(_order.Enqueue);
            }
        }
    }

    private void Forget(string channelId)
    {
        if (Snowflake(channelId) is not { } id)
        {
            return;
        }

        lock (_gate)
        {
            _parents.Remove(id);
        }
    }

    private static ulong? Snowflake(string text) =>
        ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id != NotAThread ? id : null;

    private static string? Text(ulong parent) =>
        parent == NotAThread ? null : parent.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Id(JsonElement channel) =>
        channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
