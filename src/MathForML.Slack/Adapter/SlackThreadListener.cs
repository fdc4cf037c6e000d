using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Slack.Wire;
using Microsoft.Extensions.Logging;

namespace MathForML.Slack.Adapter;

/// <summary>
/// Hands people's replies in channel threads to Core's <see cref="IThreadActivity"/>. A reply is a <c>message</c> event
/// (from <c>message.channels</c> / <c>message.groups</c>) whose <c>thread_ts</c> names another message; the thread's
/// parent itself (<c>ts == thread_ts</c>), top-level messages, DMs and the <c>app_mention</c> Slack sends alongside a
/// mention are not thread messages. Bots, the bot itself and housekeeping subtypes never get here or are dropped
/// here (the parser marks them). A failing <see cref="IThreadActivity"/> is logged and skipped.
/// </summary>
public sealed class SlackThreadListener(
    IThreadActivity activity, ISlackUserDirectory users, SlackAdapterState state, TimeProvider time, ILogger<SlackThreadListener> logger)
{
    /// <summary>A person's reply inside a thread of a public or private channel.</summary>
    public static bool IsThreadReply(SlackMessageEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Type == "message"
               && message.ChannelType is "channel" or "group"
               && message.ThreadTs is { } thread
               && thread != message.Ts;
    }

    public async Task RecordAsync(SlackEventCallback callback, SlackMessageEvent message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsThreadReply(message) || message.UserId == state.BotUserId)
        {
            return;
        }

        try
        {
            var profile = await users.FindAsync(message.UserId, cancellationToken);
            var name = NonEmpty(profile?.RealName) ?? NonEmpty(profile?.Name) ?? message.UserId;
            var thread = new ConversationRef(ChatPlatform.Slack, callback.TeamId, message.ChannelId, message.ThreadTs);
            var sentAt = TimeOf(message.Ts) ?? (callback.EventTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(callback.EventTime) : time.GetUtcNow());
            var recorded = new ThreadMessage(thread, message.Ts, new MemberRef(ChatPlatform.Slack, message.UserId, name), sentAt)
            {
                Text = SlackInteractions.Unescape(message.Text),
            };
            await activity.RecordAsync(recorded, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Core's failure to record one message must not stop the receive loop: log it and move on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SlackAdapterLog.ThreadMessageFailed(logger, exception, message.ChannelId, message.Ts);
        }
    }

    /// <summary>A Slack ts ("1700000000.000300": seconds and microseconds since the epoch) as a time.</summary>
    public static DateTimeOffset? TimeOf(string ts)
    {
        ArgumentNullException.ThrowIfNull(ts);
        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        var secondsText = dot < 0 ? ts : ts[..dot];
        var microsText = dot < 0 ? "0" : ts[(dot + 1)..];
        if (!long.TryParse(secondsText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || microsText.Length is 0 or > 6
            || !long.TryParse(microsText.PadRight(6, '0'), NumberStyles.None, CultureInfo.InvariantCulture, out var micros)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 1)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * TimeSpan.TicksPerMicrosecond);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
