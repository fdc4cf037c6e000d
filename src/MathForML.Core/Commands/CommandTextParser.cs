using MathForML.Core.Text;

namespace MathForML.Core.Commands;

/// <summary>
/// Reads a typed command line (<c>/answer 1/4</c>, <c>/group setup Europe/Berlin "MML group"</c>) into a
/// <see cref="ChatCommand"/>. Words are separated by spaces; double quotes group words; a parameter
/// that takes the rest of the line gets it exactly as typed.
/// </summary>
public static class CommandTextParser
{
    public static CommandParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > CommandMessages.MaxCommandLength)
        {
            return CommandParseResult.Fail(CommandMessages.TooLong(text.Length), CommandMessages.MaxCommandLength);
        }

        var reader = new WordReader(text);
        reader.SkipSpaces();
        if (!reader.TryConsume('/'))
        {
            return CommandParseResult.Fail(CommandMessages.NotACommand, reader.Position);
        }

        var nameStart = reader.Position;
        var name = reader.ReadBareWord();
        if (name.Length == 0)
        {
            return CommandParseResult.Fail(CommandMessages.EmptyCommand, nameStart);
        }

        var command = CommandCatalog.Find(name);
        if (command is null)
        {
            return CommandParseResult.Fail(CommandMessages.UnknownCommand(name, Suggest(name)), nameStart);
        }

        if (command.Subcommands.Count > 0)
        {
            reader.SkipSpaces();
            var subStart = reader.Position;
            var chosen = ChooseSubcommand(command, reader.PeekBareWord());
            if (chosen.Subcommand is null)
            {
                return CommandParseResult.Fail(chosen.Error!, subStart);
            }

            if (chosen.Named)
            {
                reader.ReadBareWord();
            }

            command = chosen.Subcommand;
        }

        return ReadArguments(command, reader);
    }

    private static CommandParseResult ReadArguments(CommandDefinition command, WordReader reader)
    {
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in command.Parameters)
        {
            reader.SkipSpaces();
            if (reader.AtEnd)
            {
                break;
            }

            var start = reader.Position;
            if (parameter.TakesRest)
            {
                arguments[parameter.Name] = reader.ReadRest();
                continue;
            }

            var word = reader.ReadWord();
            if (word is null)
            {
                return CommandParseResult.Fail(CommandMessages.UnclosedQuote(start), start);
            }

            arguments[parameter.Name] = word;
        }

        reader.SkipSpaces();
        if (!reader.AtEnd)
        {
            var start = reader.Position;
            return CommandParseResult.Fail(CommandMessages.TooManyArguments(command, reader.ReadRest()), start);
        }

        return ChatCommand.Create(command, arguments).At(reader.Position);
    }

    /// <summary>
    /// A named subcommand wins; with none named the default applies; an unknown word is an error
    /// unless the default subcommand takes arguments (then the word is its first argument).
    /// </summary>
    private static (CommandDefinition? Subcommand, bool Named, string? Error) ChooseSubcommand(CommandDefinition command, string word)
    {
        if (word.Length > 0 && command.FindSubcommand(word) is { } named)
        {
            return (named, true, null);
        }

        var fallback = command.DefaultSubcommand is { } name ? command.FindSubcommand(name) : null;
        if (word.Length == 0)
        {
            return fallback is null ? (null, false, CommandMessages.MissingSubcommand(command)) : (fallback, false, null);
        }

        return fallback is { Parameters.Count: > 0 }
            ? (fallback, false, null)
            : (null, false, CommandMessages.UnknownSubcommand(command, word));
    }

    /// <summary>The closest command name within two edits, for "did you mean".</summary>
    internal static string? Suggest(string name)
    {
        var lowered = name.ToLowerInvariant();
        return CommandCatalog.All
            .Select(c => (c.Name, Distance: EditDistance.Between(lowered, c.Name)))
            .Where(x => x.Distance <= 2 || x.Name.StartsWith(lowered, StringComparison.Ordinal))
            .OrderBy(x => x.Distance)
            .Select(x => x.Name)
            .FirstOrDefault();
    }

    private sealed class WordReader(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public bool TryConsume(char c)
        {
            if (AtEnd || text[Position] != c)
            {
                return false;
            }

            Position++;
            return true;
        }

        public string PeekBareWord()
        {
            var end = Position;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            return text[Position..end];
        }

        public string ReadBareWord()
        {
            var word = PeekBareWord();
            Position += word.Length;
            return word;
        }

        /// <summary>A bare word or a "quoted phrase"; null when a quote is never closed.</summary>
        public string? ReadWord()
        {
            if (!TryConsume('"'))
            {
                return ReadBareWord();
            }

            var close = text.IndexOf('"', Position);
            if (close < 0)
            {
                return null;
            }

            var word = text[Position..close];
            Position = close + 1;
            return word;
        }

        public string ReadRest()
        {
            var rest = text[Position..].Trim();
            Position = text.Length;
            return rest;
        }
    }
}
