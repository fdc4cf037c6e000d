using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CorePostedMessage = MathForML.Core.Chat.PostedMessage;

namespace MathForML.Slack.Adapter;

/// <summary>
/// Core's <see cref="IChatPlatform"/> for Slack. Exactly once: Slack has no idempotency key, so a keyed post carries
/// the key in its message metadata (<c>mathforml_post</c> / <c>{"key":…}</c>); a key the ledger shows started but not
/// posted is looked for in recent history (<c>include_all_metadata</c>) before anything is sent again.
/// </summary>
public sealed class SlackChatPlatform : IChatPlatform
{
    public const string MetadataEventType = "mathforml_post";
    public const string MetadataKey = "key";

    private readonly SlackWebApiClient _api;
    private readonly SlackPoster _poster;
    private readonly IPostLedger _ledger;
    private readonly SlackAdapterState _state;
    private readonly TimeProvider _time;
    private readonly SlackAdapterTuning _tuning;
    private readonly ILogger _logger;

    public SlackChatPlatform(
        SlackWebApiClient api, IPostLedger ledger, SlackAdapterState state, TimeProvider time, SlackAdapterTuning? tuning = null, ILogger<SlackChatPlatform>? logger = null)
    {
        _api = api;
        _ledger = ledger;
        _state = state;
        _time = time;
        _tuning = tuning ?? new SlackAdapterTuning();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _poster = new SlackPoster(api, _logger);
    }

    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<PostResult> PostAsync(ChatPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        SlackAttachments.CheckLimits(post.Content);
        if (_state.StopReason is { } stopped)
        {
            return PostResult.Failed(string.Format(CultureInfo.InvariantCulture, SlackMessages.AdapterStopped, stopped));
        }

        var target = post.Target;
        var key = post.IdempotencyKey;
        if (key is not null)
        {
            var entry = await _ledger.FindAsync(ChatPlatform.Slack, key, cancellationToken);
            if (entry?.Message is { } done)
            {
                return PostResult.Posted(done);
            }

            if (entry is not null)
            {
                // An earlier send started and its outcome is unknown: Slack may hold the message already.
                var found = await FindInHistoryAsync(post, key, entry.StartedAt, cancellationToken);
                if (found is not null)
                {
                    await _ledger.MarkPostedAsync(ChatPlatform.Slack, key, found, _time.GetUtcNow(), cancellationToken);
                    SlackAdapterLog.PostFoundInHistory(_logger, key, found.MessageId);
                    return PostResult.Posted(found);
                }
            }

            await _ledger.MarkStartedAsync(ChatPlatform.Slack, key, _time.GetUtcNow(), cancellationToken);
        }

        var metadata = key is null ? null : new MessageMetadata(MetadataEventType, new Dictionary<string, string> { [MetadataKey] = key });
        var outcome = await _poster.PostAsync(target.ChannelId, target.ThreadId, post.Content, post.ThreadTitle, metadata, anchorRequired: true, cancellationToken);
        if (outcome.Error is { } error)
        {
            return Fail(error, target.ChannelId);
        }

        var ts = outcome.Message!.Ts;
        var message = new CorePostedMessage(target, ts, target.ThreadId ?? (post.ThreadTitle is null ? null : ts));
        if (key is not null)
        {
            await _ledger.MarkPostedAsync(ChatPlatform.Slack, key, message, _time.GetUtcNow(), cancellationToken);
        }

        return PostResult.Posted(message);
    }

    private async Task<CorePostedMessage?> FindInHistoryAsync(ChatPost post, string key, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var target = post.Target;
        var oldest = (startedAt - _tuning.LedgerLookBack).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000000";
        var history = await _api.GetHistoryAsync(
            new HistoryRequest(target.ChannelId) { ThreadTs = target.ThreadId, Oldest = oldest, Limit = _tuning.LedgerHistoryLimit },
            cancellationToken);
        if (!history.IsSuccess)
        {
            // Cannot tell: sending again risks a duplicate, not sending risks a missed post. A scheduled post that is
            // missing is worse, so we send, and say so.
            SlackAdapterLog.HistoryCheckFailed(_logger, key, history.Error.Code);
            return null;
        }

        var match = history.Value.FirstOrDefault(m => m.Metadata is { EventType: MetadataEventType } meta
                                                     && meta.Payload.TryGetValue(MetadataKey, out var k) && k == key);
        return match is null ? null : new CorePostedMessage(target, match.Ts, target.ThreadId ?? (post.ThreadTitle is null ? null : match.Ts));
    }

    private PostResult Fail(SlackApiError error, string channelId)
    {
        var message = SlackFailures.Describe(error, channelId);
        if (SlackFailures.StopsAdapter(error) && _state.Stop(message))
        {
            SlackAdapterLog.AdapterStopped(_logger, message);
        }

        SlackAdapterLog.PostFailed(_logger, channelId, message);
        return PostResult.Failed(message);
    }
}
