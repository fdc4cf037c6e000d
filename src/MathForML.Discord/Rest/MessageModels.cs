using System.Text.Json.Serialization;

namespace MathForML.Discord.Rest;

// Wire shapes of the Discord REST API (v10) that the bot uses. Property names map to snake_case.

/// <summary>Message flags (bit set).</summary>
[Flags]
#pragma warning disable CA1711 // Discord's own name for this bit set.
public enum MessageFlags
#pragma warning restore CA1711
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    /// <summary>Only the invoking user sees the message (interaction responses only).</summary>
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
}

public sealed record EmbedFooter(string Text);

public sealed record EmbedMedia(string Url);

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

public sealed record Embed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
#pragma warning disable CA1056 // Discord's wire field; attachment:// URLs are not System.Uri friendly.
    public string? Url { get; init; }
#pragma warning restore CA1056
    public int? Color { get; init; }
    /// <summary>ISO-8601 timestamp.</summary>
    public string? Timestamp { get; init; }
    public EmbedFooter? Footer { get; init; }
    /// <summary>Use <c>attachment://name.png</c> to show an uploaded file.</summary>
    public EmbedMedia? Image { get; init; }
    public EmbedMedia? Thumbnail { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

public enum TextInputStyle
{
#pragma warning disable CA1720 // Discord's name for a single-line input.
    Short = 1,
#pragma warning restore CA1720
    Paragraph = 2,
}

/// <summary>A message or modal component. One shape with optional fields, as on the wire; build
/// them with the factory methods.</summary>
public sealed record Component
{
    public required ComponentType Type { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
#pragma warning disable CA1056 // Discord's wire field.
    public string? Url { get; init; }
#pragma warning restore CA1056
    public bool? Disabled { get; init; }
    public string? Placeholder { get; init; }
    public bool? Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }

    public static Component ActionRow(params Component[] children) =>
        new() { Type = ComponentType.ActionRow, Components = children };

    public static Component Button(string customId, string label, ButtonStyle style = ButtonStyle.Secondary, bool disabled = false) =>
        new() { Type = ComponentType.Button, Style = (int)style, CustomId = customId, Label = label, Disabled = disabled ? true : null };

    public static Component LinkButton(Uri url, string label)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new() { Type = ComponentType.Button, Style = (int)ButtonStyle.Link, Url = url.AbsoluteUri, Label = label };
    }

    public static Component TextInput(string customId, string label, TextInputStyle style = TextInputStyle.Short,
        bool required = true, int? maxLength = null, string? placeholder = null) =>
        new()
        {
            Type = ComponentType.TextInput, CustomId = customId, Label = label, Style = (int)style,
            Required = required, MaxLength = maxLength, Placeholder = placeholder,
        };
}

/// <summary>Which mentions in the content actually ping. Default for the bot: none.</summary>
public sealed record AllowedMentions
{
    public static readonly AllowedMentions None = new() { Parse = [] };

    /// <summary>"roles", "users", "everyone".</summary>
    public IReadOnlyList<string>? Parse { get; init; }
    public IReadOnlyList<string>? Users { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    public bool? RepliedUser { get; init; }
}

/// <summary>A file uploaded with a message (multipart part <c>files[n]</c>).</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content, string? Description = null, string ContentType = "image/png");

/// <summary>Attachment metadata in <c>payload_json</c>; <c>id</c> is the index of the <c>files[n]</c> part.</summary>
public sealed record AttachmentMetadata(int Id, string Filename, string? Description);

/// <summary>Content of a new message, an edit, an interaction reply or a follow-up.</summary>
public sealed record MessageContent
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;
    public MessageFlags? Flags { get; init; }

    /// <summary>Files to upload; sent as multipart parts, not in the JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<FileUpload> Files { get; init; } = [];
}

public sealed record MessageReference(string MessageId);

/// <summary>The JSON body actually sent (content plus upload metadata and idempotency nonce).</summary>
internal sealed record MessagePayload
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public MessageFlags? Flags { get; init; }
    public IReadOnlyList<AttachmentMetadata>? Attachments { get; init; }
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }

    public static MessagePayload From(MessageContent message, string? nonce = null) => new()
    {
        Content = message.Content,
        Embeds = message.Embeds,
        Components = message.Components,
        AllowedMentions = message.AllowedMentions,
        Flags = message.Flags,
        Attachments = message.Files.Count == 0
            ? null
            : message.Files.Select((f, i) => new AttachmentMetadata(i, f.FileName, f.Description)).ToList(),
        Nonce = nonce,
        EnforceNonce = nonce is null ? null : true,
    };
}

public sealed record DiscordAttachment(string Id, string Filename, string? Description = null);

public sealed record DiscordMessage
{
    public required string Id { get; init; }
    public required string ChannelId { get; init; }
    public DiscordUser? Author { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<DiscordAttachment>? Attachments { get; init; }
    public MessageFlags? Flags { get; init; }
    /// <summary>The thread started from this message, if any (its id equals the message id).</summary>
    public DiscordChannel? Thread { get; init; }
}

public sealed record DiscordChannel
{
    public required string Id { get; init; }
    public int Type { get; init; }
    public string? Name { get; init; }
    public string? GuildId { get; init; }
    public string? ParentId { get; init; }

    /// <summary>Announcement (10), public (11) and private (12) threads.</summary>
    public bool IsThread => IsThreadType(Type);

    public static bool IsThreadType(int type) => type is 10 or 11 or 12;
}

public sealed record DiscordUser
{
    public required string Id { get; init; }
    public string? Username { get; init; }
    public string? GlobalName { get; init; }
    public bool? Bot { get; init; }
}

public sealed record DiscordApplication
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public DiscordUser? Bot { get; init; }
}

public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

#pragma warning disable CA1056 // Discord's wire field.
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);
#pragma warning restore CA1056

/// <summary>Thread auto-archive durations Discord accepts (minutes).</summary>
public enum ThreadArchiveDuration
{
    OneHour = 60,
    OneDay = 1440,
    ThreeDays = 4320,
    OneWeek = 10080,
}

internal sealed record StartThreadFromMessagePayload(string Name, int AutoArchiveDuration);

internal sealed record StartThreadPayload(string Name, int AutoArchiveDuration, int Type);
