namespace MathForML.Discord.Rest;

#pragma warning disable CA1720 // Member names are Discord's option type names.
public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}
#pragma warning restore CA1720

public sealed record ApplicationCommandChoice(string Name, object Value);

public sealed record ApplicationCommandOption
{
    public required ApplicationCommandOptionType Type { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public bool? Autocomplete { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
}

/// <summary>A slash command definition for bulk overwrite.</summary>
public sealed record ApplicationCommand
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    /// <summary>1 = chat input (slash command).</summary>
    public int Type { get; init; } = 1;
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    /// <summary>Decimal permission string; members need these to see the command ("0" = admins only).</summary>
    public string? DefaultMemberPermissions { get; init; }
    /// <summary>Interaction contexts where the command can be used: 0 = guild, 1 = bot DM, 2 = private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
    /// <summary>Deprecated predecessor of <see cref="Contexts"/>; still honoured for global commands.</summary>
    public bool? DmPermission { get; init; }

    public const int GuildContext = 0;

    /// <summary>Restricts the command to members holding <paramref name="permissions"/> by default.</summary>
    public ApplicationCommand RequiringPermissions(DiscordPermissions permissions) =>
        this with { DefaultMemberPermissions = permissions.ToWireString() };
}

/// <summary>A registered command as Discord returns it.</summary>
public sealed record RegisteredCommand
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? GuildId { get; init; }
}

/// <summary>Interaction callback types.</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

public sealed record AutocompleteChoice(string Name, string Value);

/// <summary>A modal dialog: a title and up to five action rows each holding one text input.</summary>
public sealed record ModalDefinition(string CustomId, string Title, IReadOnlyList<Component> Components);

/// <summary>Body of POST /interactions/{id}/{token}/callback.</summary>
public sealed record InteractionCallback
{
    public required InteractionCallbackType Type { get; init; }

    /// <summary>The message, autocomplete choices or modal; shape depends on <see cref="Type"/>.</summary>
    internal object? Data { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal IReadOnlyList<FileUpload> Files { get; init; } = [];

    public static InteractionCallback Message(MessageContent message, bool ephemeral = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var withFlags = ephemeral ? message with { Flags = (message.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral } : message;
        return new() { Type = InteractionCallbackType.ChannelMessageWithSource, Data = MessagePayload.From(withFlags), Files = message.Files };
    }

    public static InteractionCallback Defer(bool ephemeral = false) => new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        Data = ephemeral ? new MessagePayload { Flags = MessageFlags.Ephemeral } : null,
    };

    public static InteractionCallback DeferUpdate() => new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    public static InteractionCallback UpdateMessage(MessageContent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new() { Type = InteractionCallbackType.UpdateMessage, Data = MessagePayload.From(message), Files = message.Files };
    }

    public static InteractionCallback Autocomplete(IReadOnlyList<AutocompleteChoice> choices) =>
        new() { Type = InteractionCallbackType.ApplicationCommandAutocompleteResult, Data = new AutocompletePayload(choices) };

    public static InteractionCallback Modal(ModalDefinition modal) =>
        new() { Type = InteractionCallbackType.Modal, Data = modal };
}

internal sealed record AutocompletePayload(IReadOnlyList<AutocompleteChoice> Choices);

/// <summary>What is serialized for a callback (Data as object so each shape serializes fully).</summary>
internal sealed record InteractionCallbackWire(int Type, object? Data);
