using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Rest;

/// <summary>Typed Discord REST calls the bot uses. Every call returns a result value; none throws for Discord's answers.</summary>
public sealed class DiscordRestClient
{
    private readonly DiscordRestTransport _transport;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider clock, ILogger<DiscordRestClient>? logger = null)
        : this(http, options, clock, logger, new RestTuning())
    {
    }

    internal DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider clock, ILogger? logger, RestTuning tuning)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ApplicationId = options.Value.ApplicationId;
        _transport = new DiscordRestTransport(http, options.Value, clock, logger ?? NullLogger.Instance, tuning);
        _transport.Stopped += (_, e) => Stopped?.Invoke(this, e);
    }

    public string ApplicationId { get; }

    /// <summary>True after a 401: the token is invalid and the client refuses further calls.</summary>
    public bool IsStopped => _transport.IsStopped;

    /// <summary>Calls in flight, retries included (tests wait on it).</summary>
    internal int RequestsInFlight => _transport.InFlight;

    /// <summary>Raised once when a 401 stops the client (the gateway stops with it).</summary>
    public event EventHandler? Stopped;

    public Task<DiscordResult<GatewayBotInfo>> GetGatewayBotAsync(CancellationToken cancellationToken = default) =>
        SendAsync<GatewayBotInfo>(RestRoute.GetGatewayBot(), null, cancellationToken);

    public Task<DiscordResult<DiscordUser>> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        SendAsync<DiscordUser>(RestRoute.GetCurrentUser(), null, cancellationToken);

    public Task<DiscordResult<DiscordApplication>> GetCurrentApplicationAsync(CancellationToken cancellationToken = default) =>
        SendAsync<DiscordApplication>(RestRoute.GetCurrentApplication(), null, cancellationToken);

    /// <summary>A channel or thread: its type (10/11/12 are threads) and, for a thread, its parent channel.</summary>
    public Task<DiscordResult<DiscordChannel>> GetChannelAsync(string channelId, CancellationToken cancellationToken = default) =>
        SendAsync<DiscordChannel>(RestRoute.GetChannel(channelId), null, cancellationToken);

    /// <summary>Posts a message. A nonce with <c>enforce_nonce</c> makes retries after a timeout idempotent.</summary>
    public Task<DiscordResult<DiscordMessage>> CreateMessageAsync(string channelId, MessageContent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = MessagePayload.From(message, NewNonce());
        return SendAsync<DiscordMessage>(RestRoute.CreateMessage(channelId), () => MessageBody(payload, message.Files), cancellationToken);
    }

    /// <summary>Posts a message with a caller-chosen nonce (at most 25 characters) and <c>enforce_nonce</c>: a repeat
    /// within Discord's dedupe window returns the message created first instead of a second one.</summary>
    public Task<DiscordResult<DiscordMessage>> CreateMessageAsync(string channelId, MessageContent message, string nonce,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        if (nonce.Length > MaxNonceLength)
        {
            throw new ArgumentException($"Discord nonces are at most {MaxNonceLength} characters.", nameof(nonce));
        }

        var payload = MessagePayload.From(message, nonce);
        return SendAsync<DiscordMessage>(RestRoute.CreateMessage(channelId), () => MessageBody(payload, message.Files), cancellationToken);
    }

    public const int MaxNonceLength = 25;

    /// <summary>The channel's most recent messages, newest first.</summary>
    public Task<DiscordResult<IReadOnlyList<DiscordMessage>>> GetChannelMessagesAsync(string channelId, int limit = 50,
        CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<DiscordMessage>>(RestRoute.GetChannelMessages(channelId, int.Clamp(limit, 1, 100)), null, cancellationToken);

    public Task<DiscordResult<DiscordMessage>> EditMessageAsync(string channelId, string messageId, MessageContent message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = MessagePayload.From(message);
        return SendAsync<DiscordMessage>(RestRoute.EditMessage(channelId, messageId), () => MessageBody(payload, message.Files), cancellationToken);
    }

    public Task<DiscordResult<DiscordChannel>> StartThreadFromMessageAsync(string channelId, string messageId, string name,
        ThreadArchiveDuration autoArchive = ThreadArchiveDuration.OneDay, CancellationToken cancellationToken = default)
    {
        var payload = new StartThreadFromMessagePayload(name, (int)autoArchive);
        return SendAsync<DiscordChannel>(RestRoute.StartThreadFromMessage(channelId, messageId), () => Json(payload), cancellationToken);
    }

    /// <summary>Starts a public thread (channel type 11) not attached to a message.</summary>
    public Task<DiscordResult<DiscordChannel>> StartThreadAsync(string channelId, string name,
        ThreadArchiveDuration autoArchive = ThreadArchiveDuration.OneDay, CancellationToken cancellationToken = default)
    {
        var payload = new StartThreadPayload(name, (int)autoArchive, PublicThreadChannelType);
        return SendAsync<DiscordChannel>(RestRoute.StartThread(channelId), () => Json(payload), cancellationToken);
    }

    public const int PublicThreadChannelType = 11;

    public Task<DiscordResult<IReadOnlyList<RegisteredCommand>>> BulkOverwriteGlobalCommandsAsync(
        IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<RegisteredCommand>>(RestRoute.BulkOverwriteGlobalCommands(ApplicationId), () => Json(commands), cancellationToken);

    public Task<DiscordResult<IReadOnlyList<RegisteredCommand>>> BulkOverwriteGuildCommandsAsync(
        string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<RegisteredCommand>>(RestRoute.BulkOverwriteGuildCommands(ApplicationId, guildId), () => Json(commands), cancellationToken);

    /// <summary>The initial response to an interaction (must happen within 3 s of receiving it).</summary>
    public async Task<DiscordResult> CreateInteractionResponseAsync(string interactionId, string interactionToken,
        InteractionCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var wire = new InteractionCallbackWire((int)callback.Type, callback.Data);
        var result = await _transport.SendAsync(RestRoute.InteractionCallback(interactionId, interactionToken),
            () => callback.Files.Count == 0 ? Json(wire) : Multipart(wire, callback.Files), cancellationToken);
        return result.IsSuccess ? DiscordResult.Success : DiscordResult.Fail(result.Error!);
    }

    public Task<DiscordResult<DiscordMessage>> EditOriginalInteractionResponseAsync(string interactionToken, MessageContent message,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = MessagePayload.From(message);
        return SendAsync<DiscordMessage>(RestRoute.EditOriginalInteractionResponse(ApplicationId, interactionToken),
            () => MessageBody(payload, message.Files), cancellationToken);
    }

    /// <summary>The message an interaction's initial response created (its id is needed to start a thread on it).</summary>
    public Task<DiscordResult<DiscordMessage>> GetOriginalInteractionResponseAsync(string interactionToken, CancellationToken cancellationToken = default) =>
        SendAsync<DiscordMessage>(RestRoute.GetOriginalInteractionResponse(ApplicationId, interactionToken), null, cancellationToken);

    public async Task<DiscordResult> DeleteOriginalInteractionResponseAsync(string interactionToken, CancellationToken cancellationToken = default)
    {
        var result = await _transport.SendAsync(RestRoute.DeleteOriginalInteractionResponse(ApplicationId, interactionToken), () => null, cancellationToken);
        return result.IsSuccess ? DiscordResult.Success : DiscordResult.Fail(result.Error!);
    }

    public Task<DiscordResult<DiscordMessage>> CreateFollowupMessageAsync(string interactionToken, MessageContent message,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = MessagePayload.From(message);
        return SendAsync<DiscordMessage>(RestRoute.CreateFollowup(ApplicationId, interactionToken),
            () => MessageBody(payload, message.Files), cancellationToken);
    }

    private async Task<DiscordResult<T>> SendAsync<T>(RestRoute route, Func<HttpContent?>? content, CancellationToken cancellationToken)
    {
        var result = await _transport.SendAsync(route, content ?? (() => null), cancellationToken);
        if (!result.IsSuccess)
        {
            return DiscordResult.Fail<T>(result.Error!);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(result.Value!, DiscordJson.Options);
            return value is null
                ? DiscordResult.Fail<T>(new DiscordError(DiscordErrorKind.UnreadableResponse, DiscordMessages.UnreadableResponse))
                : DiscordResult.Ok<T>(value);
        }
        catch (JsonException)
        {
            return DiscordResult.Fail<T>(new DiscordError(DiscordErrorKind.UnreadableResponse, DiscordMessages.UnreadableResponse));
        }
    }

    private static HttpContent MessageBody(MessagePayload payload, IReadOnlyList<FileUpload> files) =>
        files.Count == 0 ? Json(payload) : Multipart(payload, files);

    private static ByteArrayContent Json<T>(T payload)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>multipart/form-data: the JSON in a <c>payload_json</c> part, each file in <c>files[n]</c> with its
    /// media type (parameters such as <c>charset</c> kept; an unreadable one goes as application/octet-stream).</summary>
    private static MultipartFormDataContent Multipart<T>(T payload, IReadOnlyList<FileUpload> files)
    {
        var form = new MultipartFormDataContent();
        form.Add(Json(payload), "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = MediaTypeHeaderValue.TryParse(files[i].ContentType, out var type)
                ? type
                : new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, $"files[{i}]", files[i].FileName);
        }

        return form;
    }

    /// <summary>Discord nonces are at most 25 characters.</summary>
    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
