using System.Text;
using MathForML.Core.Chat;

namespace MathForML.Core.Commands;

/// <summary>Builds <c>/help</c> from the catalog, marking what this build cannot do yet.</summary>
public static class HelpText
{
    public const string Title = "**MathForML**: a study group for the math behind machine learning.";
    public const string EveryoneHeading = "**Commands**";
    public const string OrganizerHeading = "**For organizers**";
    public const string ComingSoon = " *(coming soon)*";
    public const string Footer = "Type `/help <command>` for details, e.g. `/help answer`.";
    public const string OrganizerOnlyNote = "Organizers only.";

    internal static ChatReply Build(Func<CommandDefinition, bool> isAvailable, string? topic)
    {
        if (!string.IsNullOrWhiteSpace(topic))
        {
            var name = topic.Trim().TrimStart('/');
            var command = CommandCatalog.FindPath(name);
            return command is null
                ? ChatReply.Text(CommandMessages.UnknownCommand(name, CommandTextParser.Suggest(name.Split(' ')[0])), ephemeral: true)
                : ChatReply.Text(Describe(command, isAvailable), ephemeral: true);
        }

        var text = new StringBuilder().AppendLine(Title).AppendLine().AppendLine(EveryoneHeading);
        var leaves = CommandCatalog.Leaves().ToList();
        foreach (var leaf in leaves.Where(l => l.Access == CommandAccess.Everyone))
        {
            AppendLine(text, leaf, isAvailable);
        }

        text.AppendLine().AppendLine(OrganizerHeading);
        foreach (var leaf in leaves.Where(l => l.Access == CommandAccess.Organizers))
        {
            AppendLine(text, leaf, isAvailable);
        }

        text.AppendLine().Append(Footer);
        return ChatReply.Text(text.ToString(), ephemeral: true);
    }

    private static void AppendLine(StringBuilder text, CommandDefinition command, Func<CommandDefinition, bool> isAvailable) =>
        text.Append('`').Append(command.Usage).Append("` ").Append(command.Summary)
            .AppendLine(isAvailable(command) ? "" : ComingSoon);

    private static string Describe(CommandDefinition command, Func<CommandDefinition, bool> isAvailable)
    {
        var text = new StringBuilder();
        text.Append('`').Append(command.Usage).Append("` ").Append(command.Summary);
        if (command.Subcommands.Count == 0 && !isAvailable(command))
        {
            text.Append(ComingSoon);
        }

        text.AppendLine();
        foreach (var sub in command.Subcommands)
        {
            text.Append("- `").Append(sub.Usage).Append("` ").Append(sub.Summary).AppendLine(isAvailable(sub) ? "" : ComingSoon);
        }

        foreach (var parameter in command.Parameters)
        {
            text.Append("- `").Append(parameter.Name).Append("`: ").Append(parameter.Description);
            if (parameter.Choices.Count > 0)
            {
                text.Append(" One of: ").Append(string.Join(", ", parameter.Choices)).Append('.');
            }

            text.AppendLine(parameter.Required ? "" : " (optional)");
        }

        if (command.Access == CommandAccess.Organizers)
        {
            text.AppendLine(OrganizerOnlyNote);
        }

        if (command.Example is not null)
        {
            text.Append("Example: `").Append(command.Example).AppendLine("`");
        }

        return text.ToString().TrimEnd();
    }
}
