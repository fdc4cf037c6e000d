namespace MathForML.Core.Chat;

/// <summary>A PNG image with the text a screen reader (or a text-only client) shows instead.</summary>
public sealed record ChatImage(byte[] Png, string AltText, string FileName, int Width, int Height);

/// <summary>
/// A file attached to a message (a data export): its bytes, name with extension, media type
/// (e.g. "text/csv", "application/json") and a one-line description shown where the platform has one.
/// </summary>
public sealed record ChatFile(byte[] Bytes, string FileName, string ContentType, string Description);

public enum ButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

/// <summary>
/// A button. <see cref="ActionId"/> is what comes back when it is pressed (see
/// <c>CommandActions</c>); adapters keep it opaque. With a <see cref="Form"/>, pressing first asks the
/// member for one line of text (a modal on Discord and Slack), handed back with the action id.
/// </summary>
public sealed record ChatButton(string ActionId, string Label, ButtonStyle Style = ButtonStyle.Secondary)
{
    public ButtonForm? Form { get; init; }
}

/// <summary>A one-field form: the modal's title, the field's label and placeholder, and its length limit.</summary>
public sealed record ButtonForm(string Title, string FieldLabel, string Placeholder, int MaxLength);

/// <summary>The platform-neutral body of a message: text (a small Markdown subset), images, files, buttons.</summary>
public sealed record MessageContent
{
    public string Text { get; init; } = "";

    public IReadOnlyList<ChatImage> Images { get; init; } = [];

    /// <summary>Attachments other than pictures; at most <see cref="ChatLimits.MaxFiles"/>, each at most <see cref="ChatLimits.MaxFileBytes"/>.</summary>
    public IReadOnlyList<ChatFile> Files { get; init; } = [];

    public IReadOnlyList<ChatButton> Buttons { get; init; } = [];

    public static MessageContent FromText(string text) => new() { Text = text };
}

/// <summary>
/// The answer to a command. <see cref="Ephemeral"/> replies are shown to the invoker only (answers and
/// verdicts always are); <see cref="ThreadTitle"/> asks the adapter to open a thread on the reply.
/// </summary>
public sealed record ChatReply
{
    public required MessageContent Content { get; init; }

    public bool Ephemeral { get; init; }

    public string? ThreadTitle { get; init; }

    public static ChatReply Text(string text, bool ephemeral = false) =>
        new() { Content = MessageContent.FromText(text), Ephemeral = ephemeral };
}

/// <summary>A message the bot posts on its own (schedules, reveals) into a conversation or thread.</summary>
public sealed record ChatPost
{
    public required ConversationRef Target { get; init; }

    public required MessageContent Content { get; init; }

    public string? ThreadTitle { get; init; }

    /// <summary>
    /// Scheduled posts carry a key that stays the same across retries and restarts. An adapter must
    /// not create a second message for a key it has already posted (Discord: message nonce with
    /// enforce_nonce; others: a record of keys posted), so a crash between posting and recording
    /// the post does not post twice.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>Where a posted message landed, so later posts can edit it or reply in its thread.</summary>
public sealed record PostedMessage(ConversationRef Conversation, string MessageId, string? ThreadId);

/// <summary>Limits every adapter can honour (Discord's default upload limit is the tighter one).</summary>
public static class ChatLimits
{
    public const int MaxFiles = 4;

    /// <summary>8 MiB: below Discord's default attachment limit for bots (10 MiB), far below Slack's.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;
}
