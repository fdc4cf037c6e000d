using System.Globalization;
using System.Reflection;
using MathForML.Host.Hosting;

namespace MathForML.Host.Cli;

/// <summary>The executable's entry: tool verbs for scripts, or the bot itself.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, CliIo io, IDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        // No verb, or a leading --Section:Key=value override, means: run the bot.
        var runsBot = args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not "--help" and not "--version");
        var verb = runsBot ? "run" : args[0];
        var rest = runsBot ? args : args[1..];
        switch (verb)
        {
            case "run":
                return await BotHost.RunAsync(rest, io, environment);
            case "help" when rest.Length == 0:
            case "--help" or "-h":
                await io.Out.WriteLineAsync(CliMessages.Usage);
                return ExitCodes.Ok;
            case "version" or "--version":
                await io.Out.WriteLineAsync(typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
                return ExitCodes.Ok;
            case "check":
                return await CheckCommand.RunAsync(rest, io);
            case "render":
                return await RenderCommand.RunAsync(rest, io);
            case "validate-bank":
                return await BankCommands.ValidateAsync(rest, io);
            case "preview":
                return await BankCommands.PreviewAsync(rest, io);
            default:
                await io.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, CliMessages.UnknownVerbFormat, verb));
                return ExitCodes.Usage;
        }
    }
}
