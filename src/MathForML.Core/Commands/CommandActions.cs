using System.Globalization;
using System.Text;

namespace MathForML.Core.Commands;

/// <summary>
/// Buttons run commands. A button's action id is the command path plus fixed arguments
/// (<c>reading rsvp|session=3</c>), so every press goes through the same parsing, rights checks and
/// handlers as a typed command. Ids stay within Discord's 100-character custom_id limit, the
/// tighter of the platforms'.
/// </summary>
public static class CommandActions
{
    public const int MaxActionIdLength = 100;

    private const char Separator = '|';

    /// <summary>The action id for a leaf command with fixed arguments. A bug (not user input) if it does not fit.</summary>
    public static string For(CommandDefinition command, params (string Name, string Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        if (command.Subcommands.Count > 0)
        {
            throw new ArgumentException($"'{command.Path}' has subcommands; a button must name a runnable command.", nameof(command));
        }

        var id = new StringBuilder(command.Path);
        foreach (var (name, value) in arguments)
        {
            if (command.Parameters.All(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"'{command.Path}' has no parameter '{name}'.", nameof(arguments));
            }

            if (value.Contains(Separator, StringComparison.Ordinal) || value.Contains('=', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Button argument '{name}' may not contain '|' or '='.", nameof(arguments));
            }

            id.Append(CultureInfo.InvariantCulture, $"{Separator}{name}={value}");
        }

        return id.Length <= MaxActionIdLength
            ? id.ToString()
            : throw new ArgumentException($"Action id '{id}' is longer than {MaxActionIdLength} characters.", nameof(arguments));
    }

    /// <summary>
    /// The command behind a pressed button. <paramref name="formValue"/> is what the member typed into
    /// the button's form (see <see cref="Chat.ButtonForm"/>); it fills the first parameter the id leaves open.
    /// Ids from old messages of another version that no longer parse are answered, not thrown.
    /// </summary>
    public static CommandParseResult Parse(string actionId, string? formValue = null)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        var parts = actionId.Split(Separator);
        if (CommandCatalog.FindPath(parts[0]) is not { Subcommands.Count: 0 } command)
        {
            return CommandParseResult.Fail(CommandMessages.UnknownAction, 0);
        }

        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return CommandParseResult.Fail(CommandMessages.UnknownAction, 0);
            }

            arguments[part[..equals]] = part[(equals + 1)..];
        }

        if (formValue is not null && command.Parameters.FirstOrDefault(p => !arguments.ContainsKey(p.Name)) is { } open)
        {
            arguments[open.Name] = formValue;
        }

        return ChatCommand.Create(command, arguments);
    }
}
