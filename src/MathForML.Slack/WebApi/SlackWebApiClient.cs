using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Slack.WebApi;

/// <summary>
/// The Slack Web API methods MathForML uses. Expected failures (<c>ok:false</c>, rate limits after retries,
/// transport failures) come back as <see cref="SlackResult{T}"/> values; tokens are never logged.
/// </summary>
public sealed partial class SlackWebApiClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly SlackOptions _options;
    private readonly SlackApiTransport _transport;
    private readonly ChannelPacer _pacer;

    public SlackWebApiClient(
        HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebApiClient>? logger = null, SlackApiTuning? tuning = null)
        : this(http, options.Value, time, tuning ?? new SlackApiTuning(), logger ?? (ILogger)NullLogger.Instance)
    {
    }

    internal SlackWebApiClient(HttpClient http, SlackOptions options, TimeProvider time, SlackApiTuning tuning, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transport = new SlackApiTransport(http, options.ApiBaseUrl, new MethodRateLimiter(time), tuning, time, logger);
        _pacer = new ChannelPacer(time, tuning.PerChannelMessageInterval, tuning.MaxPacedChannels);
        Tuning = tuning;
    }

    internal SlackApiTuning Tuning { get; }

    internal MethodRateLimiter Limiter => _transport.Limiter;

    internal ChannelPacer Pacer => _pacer;

    public async Task<SlackResult<PostedMessage>> PostMessageAsync(PostMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _pacer.WaitTurnAsync(request.Channel, cancellationToken);
        var result = await CallBotAsync("chat.postMessage", w =>
        {
            w.WriteString("channel", request.Channel);
            w.WriteString("text", request.Text);
            WriteBlocks(w, request.Blocks);
            WriteOptional(w, "thread_ts", request.ThreadTs);
            w.WriteBoolean("unfurl_links", request.UnfurlLinks);
            w.WriteBoolean("unfurl_media", request.UnfurlMedia);
            WriteMetadata(w, request.Metadata);
        }, cancellationToken);
        return Map(result, "chat.postMessage", ReadPosted);
    }

    /// <summary>
    /// Recent messages of a channel (<c>conversations.history</c>) or of one thread (<c>conversations.replies</c>),
    /// with every message's metadata (<c>include_all_metadata</c>). Reads only the first page: callers look back a
    /// bounded window.
    /// </summary>
    public async Task<SlackResult<IReadOnlyList<HistoryMessage>>> GetHistoryAsync(HistoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.ThreadTs is null ? "conversations.history" : "conversations.replies";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("channel", request.Channel),
            new("include_all_metadata", "true"),
            new("limit", request.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (request.ThreadTs is not null)
        {
            fields.Add(new("ts", request.ThreadTs));
        }

        if (request.Oldest is not null)
        {
            fields.Add(new("oldest", request.Oldest));
        }

        var result = await CallBotFormAsync(method, [.. fields], cancellationToken);
        return Map<IReadOnlyList<HistoryMessage>>(result, method, root => JsonRead.Array(root, "messages") is { } messages
            ? [.. messages.EnumerateArray().Select(ReadHistoryMessage).OfType<HistoryMessage>()]
            : null);
    }

    /// <summary>
    /// Sends <paramref name="message"/> (a JSON message object, e.g. with <c>response_type</c>) to an interaction's
    /// <c>response_url</c>. Only https addresses are followed (http only when the API itself is a loopback test server).
    /// </summary>
    public async Task<SlackResult<bool>> RespondAsync(Uri responseUrl, JsonElement message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        if (!IsAcceptableUploadUrl(responseUrl))
        {
            return SlackResult<bool>.Failure(new SlackApiError("response_url", SlackErrorKind.InvalidResponse, SlackApiError.InvalidResponseCode, []));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var failure = await _transport.RespondAsync(responseUrl, body, cancellationToken);
        return failure is null ? SlackResult<bool>.Success(true) : SlackResult<bool>.Failure(failure);
    }

    /// <summary>Ephemeral messages are not stored as channel messages, so they are not paced per channel.</summary>
    public async Task<SlackResult<string>> PostEphemeralAsync(PostEphemeralRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await CallBotAsync("chat.postEphemeral", w =>
        {
            w.WriteString("channel", request.Channel);
            w.WriteString("user", request.User);
            w.WriteString("text", request.Text);
            WriteBlocks(w, request.Blocks);
            WriteOptional(w, "thread_ts", request.ThreadTs);
        }, cancellationToken);
        return Map(result, "chat.postEphemeral", root => JsonRead.String(root, "message_ts"));
    }

    public async Task<SlackResult<PostedMessage>> UpdateMessageAsync(UpdateMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await CallBotAsync("chat.update", w =>
        {
            w.WriteString("channel", request.Channel);
            w.WriteString("ts", request.Ts);
            w.WriteString("text", request.Text);
            WriteBlocks(w, request.Blocks);
        }, cancellationToken);
        return Map(result, "chat.update", ReadPosted);
    }

    /// <summary><c>views.open</c>: <paramref name="view"/> is the modal's view JSON object.</summary>
    public async Task<SlackResult<OpenedView>> OpenViewAsync(string triggerId, JsonElement view, CancellationToken cancellationToken = default)
    {
        var result = await CallBotAsync("views.open", w =>
        {
            w.WriteString("trigger_id", triggerId);
            w.WritePropertyName("view");
            view.WriteTo(w);
        }, cancellationToken);
        return Map(result, "views.open", root => JsonRead.Object(root, "view") is { } v && JsonRead.String(v, "id") is { } id ? new OpenedView(id) : null);
    }

    public async Task<SlackResult<SlackUser>> GetUserInfoAsync(string userId, CancellationToken cancellationToken = default)
    {
        var result = await CallBotFormAsync("users.info", [new("user", userId)], cancellationToken);
        return Map(result, "users.info", root => JsonRead.Object(root, "user") is { } u && JsonRead.String(u, "id") is { } id
            ? new SlackUser(
                id,
                JsonRead.String(u, "name"),
                JsonRead.String(u, "real_name"),
                JsonRead.String(u, "tz"),
                JsonRead.String(u, "tz_label"),
                JsonRead.Int(u, "tz_offset"),
                JsonRead.Bool(u, "is_admin"),
                JsonRead.Bool(u, "is_owner"),
                JsonRead.Bool(u, "is_bot"),
                JsonRead.Bool(u, "deleted"))
            : null);
    }

    public async Task<SlackResult<SlackConversation>> GetConversationInfoAsync(string channelId, CancellationToken cancellationToken = default)
    {
        var result = await CallBotFormAsync("conversations.info", [new("channel", channelId)], cancellationToken);
        return Map(result, "conversations.info", root => JsonRead.Object(root, "channel") is { } c && JsonRead.String(c, "id") is { } id
            ? new SlackConversation(
                id,
                JsonRead.String(c, "name"),
                JsonRead.Bool(c, "is_channel"),
                JsonRead.Bool(c, "is_private"),
                JsonRead.Bool(c, "is_im"),
                JsonRead.Bool(c, "is_archived"),
                JsonRead.Bool(c, "is_member"))
            : null);
    }

    /// <summary><c>usergroups.users.list</c>: member IDs of a user group (organizer rights by group).</summary>
    public async Task<SlackResult<IReadOnlyList<string>>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken = default)
    {
        var result = await CallBotFormAsync("usergroups.users.list", [new("usergroup", userGroupId)], cancellationToken);
        return Map<IReadOnlyList<string>>(result, "usergroups.users.list", root => JsonRead.Array(root, "users") is { } users
            ? [.. users.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!)]
            : null);
    }

    public async Task<SlackResult<AuthIdentity>> AuthTestAsync(CancellationToken cancellationToken = default)
    {
        var result = await CallBotFormAsync("auth.test", [], cancellationToken);
        return Map(result, "auth.test", root => JsonRead.String(root, "user_id") is { } user && JsonRead.String(root, "team_id") is { } team
            ? new AuthIdentity(user, team, JsonRead.String(root, "bot_id"), JsonRead.String(root, "team"), JsonRead.String(root, "user"), JsonRead.String(root, "url"))
            : null);
    }

    /// <summary><c>apps.connections.open</c> with the app-level token: a fresh Socket Mode WebSocket URL.</summary>
    public async Task<SlackResult<Uri>> OpenSocketModeConnectionAsync(CancellationToken cancellationToken = default)
    {
        var token = _options.AppToken ?? throw new InvalidOperationException(SlackMessages.AppTokenMissing);
        var result = await _transport.CallAsync("apps.connections.open", token, () => new FormUrlEncodedContent([]), cancellationToken);
        return Map(result, "apps.connections.open", root => Uri.TryCreate(JsonRead.String(root, "url"), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeWss || url.Scheme == Uri.UriSchemeWs) ? url : null);
    }

    private string BotToken => _options.BotToken ?? throw new InvalidOperationException(SlackMessages.BotTokenMissing);

    private Task<SlackResult<JsonElement>> CallBotAsync(string method, Action<Utf8JsonWriter> writeFields, CancellationToken cancellationToken)
    {
        var body = BuildJson(writeFields);
        return _transport.CallAsync(method, BotToken, () =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonContentType;
            return content;
        }, cancellationToken);
    }

    /// <summary>Read methods (users.info, conversations.info, auth.test) take form fields, not JSON.</summary>
    private Task<SlackResult<JsonElement>> CallBotFormAsync(string method, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken) =>
        _transport.CallAsync(method, BotToken, () => new FormUrlEncodedContent(fields), cancellationToken);

    private static byte[] BuildJson(Action<Utf8JsonWriter> writeFields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteBlocks(Utf8JsonWriter writer, JsonElement? blocks)
    {
        if (blocks is not { } value)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ArgumentException("Block Kit blocks must be a JSON array.", nameof(blocks));
        }

        writer.WritePropertyName("blocks");
        value.WriteTo(writer);
    }

    private static void WriteMetadata(Utf8JsonWriter writer, MessageMetadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        writer.WriteStartObject("metadata");
        writer.WriteString("event_type", metadata.EventType);
        writer.WriteStartObject("event_payload");
        foreach (var (name, value) in metadata.Payload)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static HistoryMessage? ReadHistoryMessage(JsonElement message)
    {
        if (JsonRead.String(message, "ts") is not { } ts)
        {
            return null;
        }

        MessageMetadata? metadata = null;
        if (JsonRead.Object(message, "metadata") is { } m && JsonRead.String(m, "event_type") is { } eventType)
        {
            var payload = new Dictionary<string, string>(StringComparer.Ordinal);
            if (JsonRead.Object(m, "event_payload") is { } p)
            {
                foreach (var property in p.EnumerateObject().Where(x => x.Value.ValueKind == JsonValueKind.String))
                {
                    payload[property.Name] = property.Value.GetString()!;
                }
            }

            metadata = new MessageMetadata(eventType, payload);
        }

        return new HistoryMessage(ts, JsonRead.String(message, "thread_ts"), JsonRead.String(message, "text"), metadata);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static PostedMessage? ReadPosted(JsonElement root) =>
        JsonRead.String(root, "channel") is { } channel && JsonRead.String(root, "ts") is { } ts ? new PostedMessage(channel, ts) : null;

    /// <summary>The upload URL comes from a response; only https (or http when we talk to a loopback API) is followed.</summary>
    private bool IsAcceptableUploadUrl(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && _options.ApiBaseUrl.IsLoopback);

    private static SlackResult<T> Map<T>(SlackResult<JsonElement> result, string method, Func<JsonElement, T?> read)
        where T : class
    {
        if (!result.IsSuccess)
        {
            return SlackResult<T>.Failure(result.Error);
        }

        return read(result.Value) is { } value
            ? SlackResult<T>.Success(value)
            : SlackResult<T>.Failure(new SlackApiError(method, SlackErrorKind.InvalidResponse, SlackApiError.InvalidResponseCode, [], 200));
    }
}
