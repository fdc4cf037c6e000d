using System.Text;
using MathForML.Core.Commands;
using MathForML.Discord.Rest;

namespace MathForML.Discord.Adapter;

/// <summary>
/// Turns Core's <see cref="CommandCatalog"/> into Discord slash-command definitions for bulk overwrite:
/// a top-level command per catalog command, subcommands as SUB_COMMAND options, every parameter a
/// STRING option (Core parses and validates the text), choices where Core has them, autocomplete for
/// book names, Manage Server as the default permission of organizer-only commands, guild-only contexts.
/// </summary>
public static class DiscordCommandRegistry
{
    public const int MaxNameLength = 32;
    public const int MaxDescriptionLength = 100;
    public const int MaxChoices = 25;
    public const int MaxChoiceNameLength = 100;
    public const int MaxOptions = 25;

    /// <summary>Parameters with this name get autocomplete from the book catalogue.</summary>
    public const string BookParameter = "book";

    /// <summary>Every catalog command as Discord should know it.</summary>
    public static IReadOnlyList<ApplicationCommand> Build() => Build(CommandCatalog.All);

    public static IReadOnlyList<ApplicationCommand> Build(IEnumerable<CommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return [.. commands.Select(ToApplicationCommand)];
    }

    private static ApplicationCommand ToApplicationCommand(CommandDefinition command)
    {
        var options = command.Subcommands.Count > 0
            ? command.Subcommands.Take(MaxOptions).Select(sub => new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.SubCommand,
                Name = Name(sub.Name),
                Description = Description(sub.Summary),
                Options = NullIfEmpty(Parameters(sub)),
            }).ToList()
            : Parameters(command);
        var definition = new ApplicationCommand
        {
            Name = Name(command.Name),
            Description = Description(command.Summary),
            Options = NullIfEmpty(options),
            Contexts = [ApplicationCommand.GuildContext],
            DmPermission = false,
        };
        return command.Access == CommandAccess.Organizers ? definition.RequiringPermissions(DiscordPermissions.ManageGuild) : definition;
    }

    /// <summary>Discord wants required options before optional ones; Core matches them by name, so order is free.</summary>
    private static List<ApplicationCommandOption> Parameters(CommandDefinition command) =>
    [
        .. command.Parameters.OrderBy(p => p.Required ? 0 : 1).Take(MaxOptions).Select(p => new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = Name(p.Name),
            Description = Description(p.Description),
            Required = p.Required,
            Choices = p.Choices.Count == 0
                ? null
                : [.. p.Choices.Take(MaxChoices).Select(c => new ApplicationCommandChoice(Truncate(c, MaxChoiceNameLength), Truncate(c, MaxChoiceNameLength)))],
            Autocomplete = p.Choices.Count == 0 && IsBookParameter(p.Name) ? true : null,
        }),
    ];

    public static bool IsBookParameter(string name) => string.Equals(name, BookParameter, StringComparison.OrdinalIgnoreCase);

    private static List<ApplicationCommandOption>? NullIfEmpty(List<ApplicationCommandOption> options) => options.Count == 0 ? null : options;

    /// <summary>Discord names: 1–32 characters, lowercase letters, digits, '-' and '_'.</summary>
    internal static string Name(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var clean = builder.Length == 0 ? "command" : builder.ToString();
        return clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength];
    }

    /// <summary>Descriptions: 1–100 characters; longer ones are cut at a word with an ellipsis.</summary>
    internal static string Description(string text) => Truncate(string.IsNullOrWhiteSpace(text) ? "-" : text.Trim(), MaxDescriptionLength);

    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }
}
