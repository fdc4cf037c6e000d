using System.Globalization;

namespace MathForML.Host.Cli;

/// <summary>Arguments of a tool verb: positionals and "--name value" options from a known list.</summary>
internal sealed record CommandOptions(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Values, string? Error)
{
    public static CommandOptions Parse(string verb, string[] args, string optionsHelp, IReadOnlyList<string> known)
    {
        var positional = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith('-') || args[i] == "-")
            {
                positional.Add(args[i]);
                continue;
            }

            if (!known.Contains(args[i]))
            {
                return new([], values, string.Format(CultureInfo.InvariantCulture, BankCommands.UnknownOptionFormat, verb, args[i], optionsHelp));
            }

            if (i + 1 >= args.Length)
            {
                return new([], values, string.Format(CultureInfo.InvariantCulture, BankCommands.MissingValueFormat, verb, args[i]));
            }

            values[args[i]] = args[++i];
        }

        return new(positional, values, null);
    }
}
