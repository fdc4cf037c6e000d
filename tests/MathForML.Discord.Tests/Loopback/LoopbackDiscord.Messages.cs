using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MathForML.Discord.Tests.Loopback;

/// <summary>A failure the server answers for every message request to a channel (e.g. 403 / 50013).</summary>
internal sealed record ChannelFailure(int Status, int Code, string Message)
{
    public static readonly ChannelFailure MissingAccess = new(403, 50001, "Missing Access");
    public static readonly ChannelFailure MissingPermissions = new(403, 50013, "Missing Permissions");
    public static readonly ChannelFailure UnknownChannel = new(404, 10003, "Unknown Channel");
}

/// <summary>The message side of the loopback Discord: channel history, nonces, threads, interaction responses.</summary>
internal sealed partial class LoopbackDiscord
{
    public const string GuildId = "333333333333333333";

    private readonly Lock _messageGate = new();
    private readonly Dictionary<string, List<JsonObject>> _channels = [];
    private readonly Dictionary<string, JsonObject> _originals = [];
    private readonly ConcurrentDictionary<string, string> _interactionChannels = new();

    /// <summary>Per-channel failures for message routes.</summary>
    public ConcurrentDictionary<string, ChannelFailure> ChannelFailures { get; } = new();

    /// <summary>Discord's enforce_nonce: a repeat nonce from the same author returns the first message.</summary>
    public bool EnforceNonces { get; set; } = true;

    /// <summary>Called for each REST request as it arrives (benchmarks time callbacks with it).</summary>
    public Action<RestRecord>? RequestObserver { get; set; }

    /// <summary>Messages created in a channel, oldest first, as the server stores them.</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channelId)
    {
        lock (_messageGate)
        {
            return _channels.TryGetValue(channelId, out var list) ? [.. list.Select(m => (JsonObject)m.DeepClone())] : [];
        }
    }

    /// <summary>Dispatches INTERACTION_CREATE, remembering its channel so the interaction's messages land there.</summary>
    public Task<long> DispatchInteractionAsync(string token, string? channelId, object data)
    {
        if (channelId is not null)
        {
            _interactionChannels[token] = channelId;
        }

        return DispatchAsync("INTERACTION_CREATE", data);
    }

    /// <summary>Adds a message to a channel's history as if it had been posted earlier.</summary>
    public JsonObject Seed(string channelId, JsonObject body, string? authorId = null)
    {
        lock (_messageGate)
        {
            var message = Stored(channelId, body, authorId ?? BotUserId);
            List(channelId).Add(message);
            return (JsonObject)message.DeepClone();
        }
    }

    private ChannelFailure? ChannelFailure(string channelId) => ChannelFailures.GetValueOrDefault(channelId);

    private JsonObject CreateChannelMessage(string channelId, RestRecord record)
    {
        var body = record.Json is { } json ? (JsonObject)JsonNode.Parse(json.GetRawText())! : [];
        lock (_messageGate)
        {
            var list = List(channelId);
            var nonce = body["nonce"]?.ToJsonString();
            if (EnforceNonces && nonce is not null && body["enforce_nonce"]?.GetValue<bool>() == true
                && list.FirstOrDefault(m => m["nonce"]?.ToJsonString() == nonce) is { } earlier)
            {
                return (JsonObject)earlier.DeepClone();
            }

            var message = Stored(channelId, body, BotUserId, record);
            list.Add(message);
            return (JsonObject)message.DeepClone();
        }
    }

    private JsonArray ChannelMessages(string channelId, int limit)
    {
        lock (_messageGate)
        {
            var list = List(channelId);
            return [.. Enumerable.Reverse(list).Take(int.Clamp(limit, 1, 100)).Select(m => m.DeepClone())];
        }
    }

    /// <summary>A thread started from a message has the message's id; a second one is refused (160004).</summary>
    private (int Status, object Body) StartThreadOnMessage(string channelId, string messageId, RestRecord record)
    {
        if (ChannelFailure(channelId) is { } failure)
        {
            return (failure.Status, new { message = failure.Message, code = failure.Code });
        }

        lock (_messageGate)
        {
            var message = List(channelId).FirstOrDefault(m => m["id"]?.GetValue<string>() == messageId)
                ?? _originals.Values.FirstOrDefault(m => m["id"]?.GetValue<string>() == messageId && m["channel_id"]?.GetValue<string>() == channelId);
            if (message?["thread"] is not null)
            {
                return (400, new { message = "A thread has already been created for this message", code = 160004 });
            }

            var thread = new JsonObject
            {
                ["id"] = messageId,
                ["type"] = 11,
                ["guild_id"] = GuildId,
                ["parent_id"] = channelId,
                ["name"] = record.Json?.GetProperty("name").GetString(),
                ["auto_archive_duration"] = record.Json is { } json && json.TryGetProperty("auto_archive_duration", out var archive) ? archive.GetInt32() : null,
            };
            // Messages the server did not store (client tests posting to made-up ids) still get their thread.
            message?["thread"] = thread.DeepClone();
            return (201, thread);
        }
    }

    private void RecordCallback(string token, RestRecord record)
    {
        var json = record.Json;
        if (json is not { } callback || callback.GetProperty("type").GetInt32() is not (4 or 5))
        {
            return;
        }

        var data = callback.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? (JsonObject)JsonNode.Parse(d.GetRawText())! : [];
        lock (_messageGate)
        {
            _originals[token] = Stored(_interactionChannels.GetValueOrDefault(token, "444444444444444444"), data, BotUserId, record);
        }
    }

    private JsonObject? OriginalFor(string token)
    {
        lock (_messageGate)
        {
            return _originals.TryGetValue(token, out var message) ? (JsonObject)message.DeepClone() : null;
        }
    }

    private void DeleteOriginal(string token)
    {
        lock (_messageGate)
        {
            _originals.Remove(token);
        }
    }

    private JsonObject EditOriginal(string token, RestRecord record)
    {
        var body = record.Json is { } json ? (JsonObject)JsonNode.Parse(json.GetRawText())! : [];
        lock (_messageGate)
        {
            var channel = _interactionChannels.GetValueOrDefault(token, "444444444444444444");
            var id = _originals.TryGetValue(token, out var old) ? old["id"]!.GetValue<string>() : null;
            var message = Stored(channel, body, BotUserId, record, id);
            _originals[token] = message;
            return (JsonObject)message.DeepClone();
        }
    }

    private JsonObject FollowUp(string token, RestRecord record)
    {
        var body = record.Json is { } json ? (JsonObject)JsonNode.Parse(json.GetRawText())! : [];
        return Stored(_interactionChannels.GetValueOrDefault(token, "444444444444444444"), body, BotUserId, record);
    }

    private List<JsonObject> List(string channelId)
    {
        if (!_channels.TryGetValue(channelId, out var list))
        {
            list = [];
            _channels[channelId] = list;
        }

        return list;
    }

    /// <summary>The message object Discord would return for a create payload.</summary>
    private static JsonObject Stored(string channelId, JsonObject body, string authorId, RestRecord? record = null, string? id = null)
    {
        var message = new JsonObject
        {
            ["id"] = id ?? NewId(),
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = authorId, ["username"] = authorId == BotUserId ? "mathbot" : "someone", ["bot"] = authorId == BotUserId },
            ["content"] = body["content"]?.DeepClone() ?? "",
            ["embeds"] = body["embeds"]?.DeepClone() ?? new JsonArray(),
            ["components"] = body["components"]?.DeepClone() ?? new JsonArray(),
            ["flags"] = body["flags"]?.DeepClone() ?? 0,
        };
        if (body["nonce"] is { } nonce)
        {
            message["nonce"] = nonce.DeepClone();
        }

        var metadata = body["attachments"] as JsonArray;
        var files = record?.Files ?? [];
        message["attachments"] = new JsonArray([.. files.Select((f, i) => (JsonNode)new JsonObject
        {
            ["id"] = NewId(),
            ["filename"] = f.FileName,
            ["description"] = metadata?.FirstOrDefault(m => IsAttachmentIndex(m?["id"], i))?["description"]?.DeepClone(),
            ["content_type"] = f.ContentType,
        })]);
        return message;
    }

    /// <summary>An upload's metadata id names its file index, as a number or (discord.js) a string.</summary>
    private static bool IsAttachmentIndex(JsonNode? id, int index) =>
        id is not null && id.GetValueKind() switch
        {
            JsonValueKind.Number => id.GetValue<int>() == index,
            JsonValueKind.String => id.GetValue<string>() == index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => false,
        };
}
