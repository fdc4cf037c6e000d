using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using MathForML.Core.Chat;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Adapter;

/// <summary>
/// MESSAGE_CREATE → <see cref="IThreadActivity"/>, for messages people post inside threads. Bots, webhooks,
/// the app itself, DMs and system messages (joins, pins, thread starters…) are not reported; only DEFAULT (0)
/// and REPLY (19) messages are. Messages are filtered on the gateway's loop (cheap, no I/O) and recorded one
/// at a time, in arrival order, by <see cref="RunAsync"/>: a question is recorded before the answer below it.
/// </summary>
/// <remarks>
/// Without the privileged Message Content intent Discord sends <c>content</c> empty, so
/// <see cref="ThreadMessage.Text"/> is null then; with it (<see cref="DiscordOptions.Intents"/>) the text is
/// passed on. A failing <see cref="IThreadActivity.RecordAsync"/> is logged and the next message goes on.
/// </remarks>
public sealed class DiscordThreadMessageRouter
{
    /// <summary>Thread messages waiting to be recorded before new ones are dropped (with a warning).</summary>
    public const int QueueCapacity = 10_000;

    public const int DefaultMessageType = 0;
    public const int ReplyMessageType = 19;

    /// <summary>Discord's epoch (2015-01-01) in Unix milliseconds: snowflakes count from it.</summary>
    private const long DiscordEpochMs = 1_420_070_400_000;

    private readonly DiscordThreadDirectory _threads;
    private readonly IThreadActivity _activity;
    private readonly DiscordBotIdentity _identity;
    private readonly string _applicationId;
    private readonly bool _readsContent;
    private readonly ILogger _logger;
    private readonly Channel<PendingMessage> _queue =
        Channel.CreateBounded<PendingMessage>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true });

    public DiscordThreadMessageRouter(DiscordThreadDirectory threads, IThreadActivity activity, DiscordBotIdentity identity,
        IOptions<DiscordOptions> options, ILogger<DiscordThreadMessageRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _threads = threads;
        _activity = activity;
        _identity = identity;
        _applicationId = options.Value.ApplicationId;
        _readsContent = options.Value.Intents.HasFlag(GatewayIntents.MessageContent);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Messages waiting to be recorded.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>Takes one MESSAGE_CREATE <c>d</c>: a person's message in a thread (or in a channel not known
    /// yet) is queued for <see cref="RunAsync"/>; anything else is dropped at once.</summary>
    public void Enqueue(JsonElement data)
    {
        if (Read(data) is not { } message)
        {
            return;
        }

        var kind = _threads.Find(message.ChannelId, out var parent);
        if (kind == ChannelKind.NotThread)
        {
            return;
        }

        // A parent known now is kept: the thread may be deleted (and forgotten) before the message is recorded.
        var pending = kind == ChannelKind.Thread ? message with { ParentId = parent } : message;
        if (!_queue.Writer.TryWrite(pending))
        {
            DiscordAdapterLog.ThreadQueueFull(_logger, message.Id, _queue.Reader.Count);
        }
    }

    /// <summary>No more messages will come (the gateway has stopped); <see cref="RunAsync"/> ends when the queue is empty.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Records queued messages in order until <see cref="Complete"/> and the queue is empty, or cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                await RecordAsync(message, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown outlasted its grace period: what is left is not recorded.
        }
    }

    private async Task RecordAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var parent = message.ParentId ?? await _threads.ResolveAsync(message.ChannelId, cancellationToken);
            if (parent is null)
            {
                return;
            }

            var thread = new ConversationRef(ChatPlatform.Discord, message.GuildId, parent, message.ChannelId);
            await _activity.RecordAsync(new ThreadMessage(thread, message.Id, message.Author, message.SentAt)
            {
                Text = message.Text,
                ReplyToMessageId = message.ReplyToMessageId,
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Core's failure is contained: logged, and the next message is recorded.
        catch (Exception error)
#pragma warning restore CA1031
        {
            DiscordAdapterLog.ThreadActivityFailed(_logger, message.Id, message.ChannelId, error);
        }
    }

    /// <summary>The message as Core needs it, or null when it is not a person's message in a guild channel.</summary>
    internal PendingMessage? Read(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object)
        {
            DiscordAdapterLog.MalformedMessage(_logger, "d is not an object");
            return null;
        }

        var type = d.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var n) ? n : DefaultMessageType;
        if (type is not (DefaultMessageType or ReplyMessageType) || Text(d, "guild_id") is not { } guildId
            || Text(d, "webhook_id") is not null || Text(d, "application_id") == _applicationId)
        {
            return null;
        }

        if (Text(d, "id") is not { } id || Text(d, "channel_id") is not { } channelId
            || !d.TryGetProperty("author", out var author) || author.ValueKind != JsonValueKind.Object || Text(author, "id") is not { } authorId)
        {
            DiscordAdapterLog.MalformedMessage(_logger, "id, channel_id or author.id is missing");
            return null;
        }

        if (IsTrue(author, "bot") || IsTrue(author, "system") || authorId == _identity.UserId)
        {
            return null;
        }

        var user = new DiscordUser { Id = authorId, Username = Text(author, "username"), GlobalName = Text(author, "global_name") };
        var nick = d.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object ? Text(member, "nick") : null;
        var replyTo = type == ReplyMessageType && d.TryGetProperty("message_reference", out var reference) && reference.ValueKind == JsonValueKind.Object
            ? Text(reference, "message_id")
            : null;
        return new PendingMessage(id, guildId, channelId, null,
            new MemberRef(ChatPlatform.Discord, authorId, DiscordInteractionRouter.DisplayName(nick, user)),
            SentAt(d, id),
            _readsContent ? Text(d, "content") ?? "" : null,
            replyTo);
    }

    /// <summary>The message's <c>timestamp</c> (ISO 8601); when missing or unreadable, the time in its snowflake id.</summary>
    private static DateTimeOffset SentAt(JsonElement d, string id)
    {
        if (Text(d, "timestamp") is { } timestamp
            && DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        return ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var snowflake)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(snowflake >> 22) + DiscordEpochMs)
            : DateTimeOffset.UnixEpoch;
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsTrue(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>A filtered MESSAGE_CREATE waiting to be recorded; <see cref="ParentId"/> when already known.</summary>
    internal sealed record PendingMessage(string Id, string GuildId, string ChannelId, string? ParentId, MemberRef Author, DateTimeOffset SentAt,
        string? Text, string? ReplyToMessageId);
}
