using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace MathForML.Discord.Tests.Loopback;

/// <summary>A member as MESSAGE_CREATE describes them: the user, and the guild member part (nickname).</summary>
internal sealed record LoopbackAuthor(string Id, string Username, string? GlobalName = null, string? Nick = null, bool Bot = false, bool System = false);

/// <summary>
/// The channel side of the loopback Discord: channels and threads the server knows (answered on
/// <c>GET /channels/{id}</c>), and gateway events describing them and the messages posted in them, in the
/// shapes Discord documents (GUILD_CREATE with <c>channels</c> and <c>threads</c>, THREAD_*, MESSAGE_CREATE).
/// </summary>
internal sealed partial class LoopbackDiscord
{
    public const int TextChannelType = 0;
    public const int PublicThreadType = 11;

    private readonly ConcurrentDictionary<string, JsonObject> _knownChannels = new();

    /// <summary>A text channel the server answers GET /channels/{id} for.</summary>
    public JsonObject AddTextChannel(string id, string name = "study")
    {
        var channel = new JsonObject
        {
            ["id"] = id, ["type"] = TextChannelType, ["guild_id"] = GuildId, ["name"] = name, ["position"] = 0,
            ["parent_id"] = null, ["nsfw"] = false, ["permission_overwrites"] = new JsonArray(), ["rate_limit_per_user"] = 0,
        };
        _knownChannels[id] = channel;
        return (JsonObject)channel.DeepClone();
    }

    /// <summary>A thread of <paramref name="parentId"/> the server answers GET /channels/{id} for.</summary>
    public JsonObject AddThread(string id, string parentId, int type = PublicThreadType, string name = "Problem 3")
    {
        var thread = new JsonObject
        {
            ["id"] = id, ["type"] = type, ["guild_id"] = GuildId, ["parent_id"] = parentId, ["name"] = name,
            ["owner_id"] = "42", ["message_count"] = 1, ["member_count"] = 1, ["rate_limit_per_user"] = 0,
            ["thread_metadata"] = new JsonObject
            {
                ["archived"] = false, ["auto_archive_duration"] = 1440, ["archive_timestamp"] = "2026-01-05T18:00:00.000000+00:00", ["locked"] = false,
            },
        };
        _knownChannels[id] = thread;
        return (JsonObject)thread.DeepClone();
    }

    private JsonObject? ChannelObject(string id) => _knownChannels.TryGetValue(id, out var channel) ? (JsonObject)channel.DeepClone() : null;

    /// <summary>GUILD_CREATE with the given channels and active threads (as after IDENTIFY with the Guilds intent).</summary>
    public Task<long> DispatchGuildCreateAsync(IEnumerable<JsonObject> channels, IEnumerable<JsonObject> threads) =>
        DispatchAsync("GUILD_CREATE", new JsonObject
        {
            ["id"] = GuildId, ["name"] = "MathForML study", ["owner_id"] = "42", ["unavailable"] = false, ["member_count"] = 3,
            ["joined_at"] = "2026-01-01T00:00:00.000000+00:00", ["large"] = false,
            ["roles"] = new JsonArray(), ["members"] = new JsonArray(), ["voice_states"] = new JsonArray(), ["presences"] = new JsonArray(),
            ["channels"] = new JsonArray([.. channels.Select(c => (JsonNode)c.DeepClone())]),
            ["threads"] = new JsonArray([.. threads.Select(t => (JsonNode)t.DeepClone())]),
        });

    /// <summary>THREAD_CREATE, THREAD_UPDATE or THREAD_DELETE for a thread object.</summary>
    public Task<long> DispatchThreadEventAsync(string type, JsonObject thread)
    {
        var data = (JsonObject)thread.DeepClone();
        if (type == "THREAD_CREATE")
        {
            data["newly_created"] = true;
        }
        else if (type == "THREAD_DELETE")
        {
            data = new JsonObject { ["id"] = thread["id"]!.DeepClone(), ["guild_id"] = GuildId, ["parent_id"] = thread["parent_id"]!.DeepClone(), ["type"] = thread["type"]!.DeepClone() };
        }

        return DispatchAsync(type, data);
    }

    /// <summary>THREAD_LIST_SYNC for threads of <paramref name="parentIds"/>.</summary>
    public Task<long> DispatchThreadListSyncAsync(IEnumerable<string> parentIds, IEnumerable<JsonObject> threads) =>
        DispatchAsync("THREAD_LIST_SYNC", new JsonObject
        {
            ["guild_id"] = GuildId,
            ["channel_ids"] = new JsonArray([.. parentIds.Select(p => (JsonNode)JsonValue.Create(p))]),
            ["threads"] = new JsonArray([.. threads.Select(t => (JsonNode)t.DeepClone())]),
            ["members"] = new JsonArray(),
        });

    /// <summary>
    /// MESSAGE_CREATE as Discord sends it to a bot with GuildMessages: without the MessageContent intent
    /// (<paramref name="withContent"/> false) content is empty. <paramref name="replyTo"/> makes it a REPLY (type 19).
    /// </summary>
    public async Task<string> DispatchMessageAsync(string channelId, LoopbackAuthor author, DateTimeOffset at, string text,
        bool withContent = false, string? replyTo = null, int? type = null, bool inGuild = true, string? webhookId = null, string? applicationId = null)
    {
        var id = NewId();
        var data = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = new JsonObject
            {
                ["id"] = author.Id, ["username"] = author.Username, ["discriminator"] = "0", ["global_name"] = author.GlobalName,
                ["avatar"] = null, ["public_flags"] = 0,
            },
            ["content"] = withContent ? text : "",
            ["timestamp"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["pinned"] = false,
            ["type"] = type ?? (replyTo is null ? 0 : 19),
            ["flags"] = 0,
            ["components"] = new JsonArray(),
        };
        if (author.Bot)
        {
            data["author"]!["bot"] = true;
        }

        if (author.System)
        {
            data["author"]!["system"] = true;
        }

        if (inGuild)
        {
            data["guild_id"] = GuildId;
            data["member"] = new JsonObject
            {
                ["nick"] = author.Nick, ["roles"] = new JsonArray(), ["joined_at"] = "2026-01-01T00:00:00.000000+00:00",
                ["deaf"] = false, ["mute"] = false, ["flags"] = 0,
            };
        }

        if (replyTo is not null)
        {
            data["message_reference"] = new JsonObject { ["type"] = 0, ["message_id"] = replyTo, ["channel_id"] = channelId, ["guild_id"] = GuildId };
            data["referenced_message"] = null;
        }

        if (webhookId is not null)
        {
            data["webhook_id"] = webhookId;
        }

        if (applicationId is not null)
        {
            data["application_id"] = applicationId;
        }

        await DispatchAsync("MESSAGE_CREATE", data);
        return id;
    }
}
