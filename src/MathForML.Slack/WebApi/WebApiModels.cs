using System.Text.Json;

namespace MathForML.Slack.WebApi;

/// <summary><c>chat.postMessage</c>. <see cref="Blocks"/> is a Block Kit JSON array; <see cref="Text"/> is the notification fallback.</summary>
public sealed record PostMessageRequest(string Channel, string Text)
{
    public JsonElement? Blocks { get; init; }

    /// <summary>Parent message's ts to reply in its thread.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>Off by default: links in problem texts should not grow previews.</summary>
    public bool UnfurlLinks { get; init; }

    public bool UnfurlMedia { get; init; }

    /// <summary>Message metadata (<c>metadata.event_type</c> / <c>event_payload</c>), e.g. the idempotency key of a post.</summary>
    public MessageMetadata? Metadata { get; init; }
}

/// <summary>Slack message metadata: an event type (<c>snake_case</c>) and a flat JSON object payload.</summary>
public sealed record MessageMetadata(string EventType, IReadOnlyDictionary<string, string> Payload);

/// <summary>
/// <c>conversations.history</c> (or, with <see cref="ThreadTs"/>, <c>conversations.replies</c>) with message metadata,
/// newest first, limited to messages after <see cref="Oldest"/>.
/// </summary>
public sealed record HistoryRequest(string Channel)
{
    public string? ThreadTs { get; init; }

    /// <summary>Only messages after this Slack timestamp (seconds.micros) are returned.</summary>
    public string? Oldest { get; init; }

    public int Limit { get; init; } = 100;
}

/// <summary>A message read back from history: its ts, thread and metadata.</summary>
public sealed record HistoryMessage(string Ts, string? ThreadTs, string? Text, MessageMetadata? Metadata);

/// <summary><c>chat.postEphemeral</c>: visible only to <paramref name="User"/> in <paramref name="Channel"/>.</summary>
public sealed record PostEphemeralRequest(string Channel, string User, string Text)
{
    public JsonElement? Blocks { get; init; }

    public string? ThreadTs { get; init; }
}

/// <summary><c>chat.update</c> of the message <paramref name="Ts"/>.</summary>
public sealed record UpdateMessageRequest(string Channel, string Ts, string Text)
{
    public JsonElement? Blocks { get; init; }
}

/// <summary>A message Slack stored: its channel and timestamp (the message's ID).</summary>
public sealed record PostedMessage(string Channel, string Ts);

/// <summary>File upload v2 into a channel (or a thread of it).</summary>
public sealed record FileUploadRequest(string ChannelId, string FileName, ReadOnlyMemory<byte> Content)
{
    /// <summary>Shown as the file's title in Slack.</summary>
    public string? Title { get; init; }

    /// <summary>Screen-reader description of an image (<c>alt_txt</c>); for rendered formulas, the LaTeX source.</summary>
    public string? AltText { get; init; }

    public string? ThreadTs { get; init; }

    public string? InitialComment { get; init; }
}

public sealed record UploadedFile(string FileId, string? Title);

public sealed record OpenedView(string ViewId);

/// <summary>The fields of <c>users.info</c> we use.</summary>
public sealed record SlackUser(
    string Id,
    string? Name,
    string? RealName,
    string? TimeZone,
    string? TimeZoneLabel,
    int? TimeZoneOffsetSeconds,
    bool IsAdmin,
    bool IsOwner,
    bool IsBot,
    bool Deleted);

/// <summary>The fields of <c>conversations.info</c> we use.</summary>
public sealed record SlackConversation(
    string Id,
    string? Name,
    bool IsChannel,
    bool IsPrivate,
    bool IsIm,
    bool IsArchived,
    bool IsMember);

/// <summary><c>auth.test</c>: who the token belongs to.</summary>
public sealed record AuthIdentity(string UserId, string TeamId, string? BotId, string? Team, string? User, string? Url);

/// <summary>A file to reserve and upload (steps 1–2 of upload v2) before sharing it.</summary>
public sealed record UploadPreparation(string FileName, ReadOnlyMemory<byte> Content)
{
    /// <summary>Screen-reader description of an image (<c>alt_txt</c>).</summary>
    public string? AltText { get; init; }

    /// <summary>The title it will be shared with.</summary>
    public string? Title { get; init; }
}

/// <summary>A file uploaded but not yet shared anywhere.</summary>
public sealed record PreparedUpload(string FileId, string? Title);

/// <summary><c>files.completeUploadExternal</c>: share prepared files into a channel or a thread of it.</summary>
public sealed record CompleteUploadsRequest(string ChannelId, IReadOnlyList<PreparedUpload> Files)
{
    public string? ThreadTs { get; init; }

    public string? InitialComment { get; init; }
}
