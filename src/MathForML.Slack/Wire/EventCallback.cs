using System.Text.Json;

namespace MathForML.Slack.Wire;

/// <summary>What the bot should do with an event.</summary>
public enum EventDisposition
{
    Handle,

    /// <summary>Posted by a bot (ours included): never answered, so bots cannot loop.</summary>
    IgnoreBotMessage,

    /// <summary>An edit, deletion, join/leave or other housekeeping subtype.</summary>
    IgnoreSubtype,

    /// <summary>An event type the bot does not use.</summary>
    IgnoreEventType,
}

/// <summary>A <c>message</c> or <c>app_mention</c> from a person.</summary>
public sealed record SlackMessageEvent(string Type, string ChannelId, string UserId, string Text, string Ts, string? ThreadTs, string? ChannelType);

/// <summary>
/// An Events API <c>event_callback</c>. <see cref="Message"/> is set when <see cref="Disposition"/> is
/// <see cref="EventDisposition.Handle"/>.
/// </summary>
public sealed record SlackEventCallback(
    string TeamId,
    string EventId,
    long EventTime,
    string EventType,
    EventDisposition Disposition,
    SlackMessageEvent? Message);

public static class EventCallbackParser
{
    /// <summary>Message subtypes that are still a person writing to the channel.</summary>
    private static readonly HashSet<string> HandledSubtypes = new(StringComparer.Ordinal) { "thread_broadcast", "file_share" };

    /// <summary>The <c>payload</c> of an <c>events_api</c> envelope, or the body of an HTTP-mode event request.</summary>
    public static WireResult<SlackEventCallback> Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return WireResult<SlackEventCallback>.Failure("$", WireMessages.NotAnObject);
        }

        var teamId = JsonRead.String(payload, "team_id");
        var eventId = JsonRead.String(payload, "event_id");
        if (teamId is null || eventId is null)
        {
            return WireResult<SlackEventCallback>.Failure(teamId is null ? "$.team_id" : "$.event_id", WireMessages.Missing);
        }

        if (JsonRead.Object(payload, "event") is not { } inner)
        {
            return WireResult<SlackEventCallback>.Failure("$.event", WireMessages.NotAnObject);
        }

        var type = JsonRead.String(inner, "type");
        if (type is null)
        {
            return WireResult<SlackEventCallback>.Failure("$.event.type", WireMessages.Missing);
        }

        var eventTime = payload.TryGetProperty("event_time", out var time) && time.ValueKind == JsonValueKind.Number && time.TryGetInt64(out var t) ? t : 0;
        SlackEventCallback Outcome(EventDisposition disposition, SlackMessageEvent? message = null) =>
            new(teamId, eventId, eventTime, type, disposition, message);

        if (type is not ("message" or "app_mention"))
        {
            return WireResult<SlackEventCallback>.Success(Outcome(EventDisposition.IgnoreEventType));
        }

        var subtype = JsonRead.String(inner, "subtype");
        if (JsonRead.String(inner, "bot_id") is not null || subtype == "bot_message")
        {
            return WireResult<SlackEventCallback>.Success(Outcome(EventDisposition.IgnoreBotMessage));
        }

        if (subtype is not null && !HandledSubtypes.Contains(subtype))
        {
            return WireResult<SlackEventCallback>.Success(Outcome(EventDisposition.IgnoreSubtype));
        }

        foreach (var required in (ReadOnlySpan<string>)["channel", "user", "ts"])
        {
            if (JsonRead.String(inner, required) is null)
            {
                return WireResult<SlackEventCallback>.Failure("$.event." + required, WireMessages.Missing);
            }
        }

        var message = new SlackMessageEvent(
            type,
            JsonRead.String(inner, "channel")!,
            JsonRead.String(inner, "user")!,
            JsonRead.String(inner, "text") ?? "",
            JsonRead.String(inner, "ts")!,
            JsonRead.String(inner, "thread_ts"),
            JsonRead.String(inner, "channel_type"));
        return WireResult<SlackEventCallback>.Success(Outcome(EventDisposition.Handle, message));
    }
}
