using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Adapter;

/// <summary>
/// Scheduled posts on Discord. Each post is one embed card (see <see cref="DiscordMessageRenderer.Post"/>);
/// <see cref="ChatPost.ThreadTitle"/> opens a thread on it; <see cref="ConversationRef.ThreadId"/> posts
/// into a thread (a thread is a channel on Discord). Keyed posts happen at most once, through the
/// <see cref="IPostLedger"/>, the message nonce and the key's marker (see <see cref="DiscordPostKey"/>).
/// </summary>
public sealed class DiscordChatPlatform : IChatPlatform
{
    public const int MaxThreadNameLength = 100;

    private readonly DiscordRestClient _rest;
    private readonly IPostLedger _ledger;
    private readonly DiscordBotIdentity _identity;
    private readonly ButtonFormCache _forms;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _projectUrl;

    public DiscordChatPlatform(DiscordRestClient rest, IPostLedger ledger, DiscordBotIdentity identity, ButtonFormCache forms,
        IOptions<DiscordOptions> options, TimeProvider clock, ILogger<DiscordChatPlatform>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rest = rest;
        _ledger = ledger;
        _identity = identity;
        _forms = forms;
        _clock = clock;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _projectUrl = options.Value.UserAgentUrl;
    }

    public ChatPlatform Platform => ChatPlatform.Discord;

    /// <exception cref="ArgumentException">The content breaks <see cref="ChatLimits"/> (checked before anything is sent).</exception>
    public async Task<PostResult> PostAsync(ChatPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        DiscordMessageRenderer.EnsureWithinLimits(post.Content);
        if (post.Target.Platform != ChatPlatform.Discord)
        {
            return PostResult.Failed(DiscordMessages.PostWrongPlatform);
        }

        var channelId = post.Target.ThreadId ?? post.Target.ChannelId;
        _forms.Remember(post.Content.Buttons);
        if (post.IdempotencyKey is not { } key)
        {
            return await SendAsync(post, channelId, nonce: null, cancellationToken);
        }

        var nonce = DiscordPostKey.Nonce(key);
        var entry = await _ledger.FindAsync(ChatPlatform.Discord, key, cancellationToken);
        if (entry?.Message is { } earlier)
        {
            return PostResult.Posted(earlier);
        }

        if (entry is not null && _clock.GetUtcNow() - entry.StartedAt > DiscordPostKey.NonceWindow)
        {
            // The earlier send may have landed, but Discord's nonce no longer dedupes it: look for it.
            if (await FindInHistoryAsync(post, channelId, nonce, cancellationToken) is { } result)
            {
                if (result.Message is { } message)
                {
                    await _ledger.MarkPostedAsync(ChatPlatform.Discord, key, message, _clock.GetUtcNow(), cancellationToken);
                }

                return result;
            }
        }
        else if (entry is null)
        {
            await _ledger.MarkStartedAsync(ChatPlatform.Discord, key, _clock.GetUtcNow(), cancellationToken);
        }

        // Within the nonce window a re-send with the same nonce returns the message created first.
        var posted = await SendAsync(post, channelId, nonce, cancellationToken);
        if (posted.Message is { } created)
        {
            await _ledger.MarkPostedAsync(ChatPlatform.Discord, key, created, _clock.GetUtcNow(), cancellationToken);
        }

        return posted;
    }

    private async Task<PostResult> SendAsync(ChatPost post, string channelId, string? nonce, CancellationToken cancellationToken)
    {
        var marker = nonce is null ? null : DiscordPostKey.Marker(_projectUrl, nonce);
        var body = DiscordMessageRenderer.Post(post.Content, marker);
        var created = nonce is null
            ? await _rest.CreateMessageAsync(channelId, body, cancellationToken)
            : await _rest.CreateMessageAsync(channelId, body, nonce, cancellationToken);
        if (!created.IsSuccess)
        {
            var reason = Describe(created.Error!, channelId);
            DiscordAdapterLog.PostFailed(_logger, nonce ?? "-", channelId, created.Error!.ToString());
            return PostResult.Failed(reason);
        }

        return PostResult.Posted(await WithThreadAsync(post, created.Value!, nonce, cancellationToken));
    }

    /// <summary>Opens the post's thread when asked (not inside a thread). A thread started from a message
    /// has the message's id, so a thread that already exists (a deduplicated re-send) is found too.</summary>
    private async Task<PostedMessage> WithThreadAsync(ChatPost post, DiscordMessage message, string? nonce, CancellationToken cancellationToken)
    {
        var conversation = post.Target;
        if (post.Target.ThreadId is not null || string.IsNullOrWhiteSpace(post.ThreadTitle))
        {
            return new PostedMessage(conversation, message.Id, post.Target.ThreadId);
        }

        if (message.Thread is { } existing)
        {
            return new PostedMessage(conversation, message.Id, existing.Id);
        }

        var name = DiscordCommandRegistry.Truncate(post.ThreadTitle.Trim(), MaxThreadNameLength);
        var thread = await _rest.StartThreadFromMessageAsync(message.ChannelId, message.Id, name, ThreadArchiveDuration.OneDay, cancellationToken);
        if (thread.IsSuccess)
        {
            return new PostedMessage(conversation, message.Id, thread.Value!.Id);
        }

        if (thread.Error!.DiscordCode == ThreadAlreadyCreated)
        {
            return new PostedMessage(conversation, message.Id, message.Id);
        }

        // The message is out; a missing thread must not make the scheduler post it again.
        DiscordAdapterLog.PostThreadFailed(_logger, nonce ?? "-", message.ChannelId, thread.Error.ToString());
        return new PostedMessage(conversation, message.Id, null);
    }

    /// <summary>Discord's code for "a thread has already been created for this message".</summary>
    public const int ThreadAlreadyCreated = 160004;

    /// <summary>Looks through the channel's recent messages by the bot for one carrying the key's marker.
    /// Null: not found (send); a result: found, or the check itself failed (then sending could duplicate).</summary>
    private async Task<PostResult?> FindInHistoryAsync(ChatPost post, string channelId, string nonce, CancellationToken cancellationToken)
    {
        var botId = await _identity.GetUserIdAsync(cancellationToken);
        var history = await _rest.GetChannelMessagesAsync(channelId, DiscordPostKey.HistoryLimit, cancellationToken);
        if (!history.IsSuccess)
        {
            DiscordAdapterLog.HistoryCheckFailed(_logger, nonce, channelId, history.Error!.ToString());
            return PostResult.Failed(Describe(history.Error, channelId));
        }

        var mine = history.Value!.FirstOrDefault(m => (botId is null || m.Author?.Id == botId) && DiscordPostKey.Carries(m, nonce));
        if (mine is null)
        {
            return null;
        }

        DiscordAdapterLog.PostFoundInHistory(_logger, nonce, channelId, mine.Id);
        return PostResult.Posted(await WithThreadAsync(post, mine, nonce, cancellationToken));
    }

    /// <summary>A clear reason for an expected Discord failure.</summary>
    public static string Describe(DiscordError error, string channelId)
    {
        ArgumentNullException.ThrowIfNull(error);
        string Format(string format) => string.Format(CultureInfo.InvariantCulture, format, channelId);
        return error switch
        {
            { IsTooLarge: true } => Format(DiscordMessages.PostTooLargeFormat),
            { Kind: DiscordErrorKind.Rejected, DiscordCode: 50001 } => Format(DiscordMessages.PostMissingAccessFormat),
            { Kind: DiscordErrorKind.Rejected, DiscordCode: 50013 } => Format(DiscordMessages.PostMissingPermissionsFormat),
            { Kind: DiscordErrorKind.Rejected, DiscordCode: 10003 } => Format(DiscordMessages.PostUnknownChannelFormat),
            { Kind: DiscordErrorKind.RateLimited } => Format(DiscordMessages.PostRateLimitedFormat),
            { Kind: DiscordErrorKind.Unauthorized } => DiscordMessages.Unauthorized,
            { Kind: DiscordErrorKind.ClientStopped } => DiscordMessages.ClientStopped,
            _ => string.Format(CultureInfo.InvariantCulture, DiscordMessages.PostFailedFormat, channelId, error.ToString()),
        };
    }
}
