namespace MathForML.Core.Commands;

/// <summary>Who may run a command.</summary>
public enum CommandAccess
{
    Everyone,
    Organizers,
}

/// <summary>
/// One argument of a command. A <see cref="TakesRest"/> parameter swallows the rest of the line as
/// typed (answers and LaTeX contain spaces); it must be the last one.
/// </summary>
public sealed record CommandParameter(string Name, string Description)
{
    public bool Required { get; init; } = true;

    public bool TakesRest { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public string Placeholder => Required ? $"<{Name}>" : $"[{Name}]";
}

/// <summary>
/// A command or subcommand, the single description that drives text parsing, help, and the
/// platforms' command registration.
/// </summary>
public sealed record CommandDefinition(string Name, string Summary)
{
    public CommandAccess Access { get; init; } = CommandAccess.Everyone;

    public IReadOnlyList<CommandParameter> Parameters { get; init; } = [];

    public IReadOnlyList<CommandDefinition> Subcommands { get; init; } = [];

    /// <summary>The subcommand used when none is named (<c>/reading</c> means <c>/reading show</c>).</summary>
    public string? DefaultSubcommand { get; init; }

    public string? Example { get; init; }

    /// <summary>The capability behind the command, named in the reply while it is not built yet.</summary>
    public string Capability { get; init; } = "this command";

    /// <summary>Set on subcommands: the command they belong to.</summary>
    public string? Parent { get; init; }

    /// <summary>"group setup" for a subcommand, "help" for a top-level command.</summary>
    public string Path => Parent is null ? Name : $"{Parent} {Name}";

    public string Usage
    {
        get
        {
            var parts = new List<string> { "/" + Path };
            if (Subcommands.Count > 0)
            {
                parts.Add("<" + string.Join('|', Subcommands.Select(s => s.Name)) + ">");
            }

            parts.AddRange(Parameters.Select(p => p.Placeholder));
            return string.Join(' ', parts);
        }
    }

    public CommandDefinition? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
