using System.Globalization;
using System.Text.Json;
using MathForML.Discord.Rest;

namespace MathForML.Discord.Interactions;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>One option of a slash command invocation; sub-commands and groups nest their options.</summary>
public sealed record CommandOptionValue(string Name, ApplicationCommandOptionType Type, JsonElement Value, bool Focused,
    IReadOnlyList<CommandOptionValue> Options)
{
    public string? AsString() => Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Value.GetRawText(),
        _ => null,
    };

    public long? AsInteger() => Value.ValueKind == JsonValueKind.Number && Value.TryGetInt64(out var v) ? v : null;

    public double? AsNumber() => Value.ValueKind == JsonValueKind.Number && Value.TryGetDouble(out var v) ? v : null;

    public bool? AsBoolean() => Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}

/// <summary>Data of an application command or autocomplete interaction.</summary>
public sealed record CommandData(string Id, string Name, IReadOnlyList<CommandOptionValue> Options)
{
    /// <summary>Names of the sub-command group / sub-command invoked, outermost first (empty for a plain command).</summary>
    public IReadOnlyList<string> SubcommandPath => LeafPath().Path;

    /// <summary>The options of the innermost sub-command (or of the command itself).</summary>
    public IReadOnlyList<CommandOptionValue> LeafOptions => LeafPath().Options;

    public CommandOptionValue? Option(string name) => LeafOptions.FirstOrDefault(o => o.Name == name);

    /// <summary>The option the user is typing in (autocomplete).</summary>
    public CommandOptionValue? FocusedOption => LeafOptions.FirstOrDefault(o => o.Focused);

    private (IReadOnlyList<string> Path, IReadOnlyList<CommandOptionValue> Options) LeafPath()
    {
        var path = new List<string>();
        var options = Options;
        while (options is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } sub])
        {
            path.Add(sub.Name);
            options = sub.Options;
        }

        return (path, options);
    }
}

/// <summary>Data of a button or select menu press.</summary>
public sealed record ComponentData(string CustomId, ComponentType ComponentType, IReadOnlyList<string> Values);

/// <summary>Data of a submitted modal: text input values by custom id.</summary>
public sealed record ModalSubmitData(string CustomId, IReadOnlyDictionary<string, string> Values);

/// <summary>An INTERACTION_CREATE payload, parsed.</summary>
public sealed record Interaction
{
    public required string Id { get; init; }
    public required string ApplicationId { get; init; }
    public required InteractionType Type { get; init; }
    public required string Token { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }
    /// <summary>The channel's type from the interaction's partial <c>channel</c> (10/11/12 are threads).</summary>
    public int? ChannelType { get; init; }
    /// <summary>For a thread: the channel it belongs to.</summary>
    public string? ChannelParentId { get; init; }
    /// <summary>The invoking user (from <c>member.user</c> in guilds, <c>user</c> in DMs).</summary>
    public required DiscordUser User { get; init; }
    /// <summary>The member's permissions in the channel (guild interactions only).</summary>
    public DiscordPermissions? MemberPermissions { get; init; }
    public IReadOnlyList<string> MemberRoles { get; init; } = [];
    /// <summary>The member's server nickname (<c>member.nick</c>), when they set one.</summary>
    public string? MemberNick { get; init; }
    public string? Locale { get; init; }
    public CommandData? Command { get; init; }
    public ComponentData? Component { get; init; }
    public ModalSubmitData? Modal { get; init; }
    /// <summary>For components: the message the component is attached to.</summary>
    public string? MessageId { get; init; }

    /// <summary>True when the interaction happened inside a thread (announcement, public or private).</summary>
    public bool InThread => ChannelType is 10 or 11 or 12;

    /// <summary>Organizer check: Manage Server or Administrator in this guild.</summary>
    public bool MemberCanManageGuild => MemberPermissions is { } p && p.CanManageGuild();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Interaction {Id} ({Type})");
}
