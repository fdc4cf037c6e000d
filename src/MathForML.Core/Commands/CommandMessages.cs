using System.Globalization;

namespace MathForML.Core.Commands;

/// <summary>Every user-facing text of the command layer. Tests assert on these, not on copies.</summary>
public static class CommandMessages
{
    public const string Busy = "I am answering a lot of people at once right now; please try again in a minute.";
    public const string NotACommand = "Commands start with `/`. Try `/help` to see what I can do.";
    public const string EmptyCommand = "Type a command after the `/`, e.g. `/help`.";
    public const string TooLongFormat = "That message is {0:N0} characters long; commands are limited to {1:N0}.";
    public const string UnknownCommandFormat = "I don't know the command `/{0}`.";
    public const string DidYouMeanFormat = " Did you mean `/{0}`?";
    public const string SeeHelp = " Type `/help` for the list of commands.";
    public const string MissingSubcommandFormat = "`/{0}` needs one of: {1}. Usage: `{2}`";
    public const string UnknownSubcommandFormat = "`/{0}` has no subcommand `{1}`; use one of: {2}.";
    public const string MissingArgumentFormat = "`/{0}` needs `{1}`: {2} Usage: `{3}`{4}";
    public const string NotAChoiceFormat = "`{0}` is not a valid {1} for `/{2}`; use one of: {3}.";
    public const string UnknownArgumentFormat = "`/{0}` has no option `{1}`. Usage: `{2}`";
    public const string TooManyArgumentsFormat = "`/{0}` does not take `{1}`. Usage: `{2}`";
    public const string UnclosedQuoteFormat = "The quote at position {0} is never closed.";
    public const string OrganizersOnlyFormat = "Only organizers can use `/{0}`.";
    public const string NotAvailableYetFormat = "`/{0}` is not available yet: {1} is still being built. Type `/help` to see what works today.";
    public const string UnknownAction = "That button belongs to an older version of the bot and no longer works. Type `/help` to see the commands.";
    public const string NoGroupHere = "This channel has no study group yet. An organizer can start one with `/group setup <time-zone> [name]`, e.g. `/group setup Europe/Berlin`.";
    public const string InternalErrorFormat = "Something went wrong while running `/{0}`. It has been logged; please try again in a moment.";

    /// <summary>Most commands need only a line; a long answer or formula still fits comfortably.</summary>
    public const int MaxCommandLength = 4000;

    public static string TooLong(int length) =>
        string.Format(CultureInfo.InvariantCulture, TooLongFormat, length, MaxCommandLength);

    public static string UnknownCommand(string name, string? suggestion) =>
        string.Format(CultureInfo.InvariantCulture, UnknownCommandFormat, name)
        + (suggestion is null ? "" : string.Format(CultureInfo.InvariantCulture, DidYouMeanFormat, suggestion))
        + SeeHelp;

    public static string MissingSubcommand(CommandDefinition command) =>
        string.Format(CultureInfo.InvariantCulture, MissingSubcommandFormat, command.Path, SubcommandList(command), command.Usage);

    public static string UnknownSubcommand(CommandDefinition command, string given) =>
        string.Format(CultureInfo.InvariantCulture, UnknownSubcommandFormat, command.Path, given, SubcommandList(command));

    public static string MissingArgument(CommandDefinition command, CommandParameter parameter) =>
        string.Format(
            CultureInfo.InvariantCulture,
            MissingArgumentFormat,
            command.Path,
            parameter.Name,
            parameter.Description,
            command.Usage,
            command.Example is null ? "" : $", e.g. `{command.Example}`");

    public static string NotAChoice(CommandDefinition command, CommandParameter parameter, string given) =>
        string.Format(CultureInfo.InvariantCulture, NotAChoiceFormat, given, parameter.Name, command.Path, string.Join(", ", parameter.Choices));

    public static string UnknownArgument(CommandDefinition command, string name) =>
        string.Format(CultureInfo.InvariantCulture, UnknownArgumentFormat, command.Path, name, command.Usage);

    public static string TooManyArguments(CommandDefinition command, string extra) =>
        string.Format(CultureInfo.InvariantCulture, TooManyArgumentsFormat, command.Path, extra, command.Usage);

    public static string UnclosedQuote(int position) =>
        string.Format(CultureInfo.InvariantCulture, UnclosedQuoteFormat, position);

    public static string OrganizersOnly(CommandDefinition command) =>
        string.Format(CultureInfo.InvariantCulture, OrganizersOnlyFormat, command.Path);

    public static string NotAvailableYet(CommandDefinition command, string capability) =>
        string.Format(CultureInfo.InvariantCulture, NotAvailableYetFormat, command.Path, capability);

    public static string InternalError(CommandDefinition command) =>
        string.Format(CultureInfo.InvariantCulture, InternalErrorFormat, command.Path);

    private static string SubcommandList(CommandDefinition command) =>
        string.Join(", ", command.Subcommands.Select(s => "`" + s.Name + "`"));
}
