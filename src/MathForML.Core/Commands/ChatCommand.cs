namespace MathForML.Core.Commands;

/// <summary>
/// A command as the platform-neutral layer sees it: which leaf command, and its arguments by
/// parameter name. Text parsing (local, Slack) and structured options (Discord) both produce one.
/// </summary>
public sealed record ChatCommand
{
    private ChatCommand(CommandDefinition definition, IReadOnlyDictionary<string, string> arguments)
    {
        Definition = definition;
        Arguments = arguments;
    }

    public CommandDefinition Definition { get; }

    public IReadOnlyDictionary<string, string> Arguments { get; }

    public string Path => Definition.Path;

    public string? Argument(string name) => Arguments.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Checks arguments against the definition: required ones present, choices respected, nothing
    /// unknown. This is where a platform's structured options are validated too.
    /// </summary>
    public static CommandParseResult Create(CommandDefinition definition, IReadOnlyDictionary<string, string> arguments)
    {
        if (definition.Subcommands.Count > 0)
        {
            return CommandParseResult.Fail(CommandMessages.MissingSubcommand(definition), 0);
        }

        var clean = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in arguments)
        {
            var parameter = definition.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                return CommandParseResult.Fail(CommandMessages.UnknownArgument(definition, name), 0);
            }

            var trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (parameter.Choices.Count > 0 && !parameter.Choices.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                return CommandParseResult.Fail(CommandMessages.NotAChoice(definition, parameter, trimmed), 0);
            }

            clean[parameter.Name] = parameter.Choices.Count > 0 ? trimmed.ToLowerInvariant() : trimmed;
        }

        var missing = definition.Parameters.FirstOrDefault(p => p.Required && !clean.ContainsKey(p.Name));
        if (missing is not null)
        {
            return CommandParseResult.Fail(CommandMessages.MissingArgument(definition, missing), 0);
        }

        return CommandParseResult.Ok(new ChatCommand(definition, clean));
    }
}

/// <summary>A parsed command, or why the text is not one and where it went wrong.</summary>
public sealed record CommandParseResult
{
    private CommandParseResult(ChatCommand? command, string? error, int position)
    {
        Command = command;
        Error = error;
        Position = position;
    }

    public ChatCommand? Command { get; }

    public string? Error { get; }

    /// <summary>Zero-based index into the typed text where the problem starts.</summary>
    public int Position { get; }

    public bool Succeeded => Command is not null;

    public static CommandParseResult Ok(ChatCommand command) => new(command, null, 0);

    public static CommandParseResult Fail(string error, int position) => new(null, error, position);

    public CommandParseResult At(int position) => Succeeded ? this : new(null, Error, position);
}
