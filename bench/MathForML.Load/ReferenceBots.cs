using System.Diagnostics;

namespace MathForML.Load;

/// <summary>
/// The platforms' own clients as reference bots (discord.js, @slack/socket-mode), pinned by the committed
/// package-lock.json and installed with <c>npm ci</c> into bench/MathForML.Load/reference/node_modules.
/// They answer /help with fixed text and nothing else.
/// </summary>
internal static class ReferenceBots
{
    public const string FixedHelp = "Commands: /help, /answer <value>, /tex <latex>, /reading rsvp (reference bot).";

    public static async Task<string> InstallAsync(string repo, TextWriter log, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(repo, "bench", "MathForML.Load", "reference");
        if (Directory.Exists(Path.Combine(directory, "node_modules", "discord.js")) && Directory.Exists(Path.Combine(directory, "node_modules", "@slack", "socket-mode")))
        {
            return directory;
        }

        log.WriteLine($"installing the reference clients (npm ci --prefix {directory}) …");
        var install = ChildProcesses.Start(new ProcessStartInfo("npm", ["ci", "--prefix", directory, "--no-audit", "--no-fund"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        var output = install.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = install.StandardError.ReadToEndAsync(cancellationToken);
        await install.WaitForExitAsync(cancellationToken);
        await ChildProcesses.StopAsync(install, TimeSpan.Zero);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed ({install.ExitCode}):\n{await output}\n{await errors}");
        }

        return directory;
    }

    public static (BotProcess Bot, string Name) Start(string directory, string work, IPlatformDriver driver)
    {
        var environment = new Dictionary<string, string> { ["REFERENCE_HELP"] = FixedHelp };
        switch (driver)
        {
            case DiscordDriver discord:
                environment["DISCORD_TOKEN"] = discord.HostEnvironment["MATHFORML__Discord__Token"];
                environment["DISCORD_API"] = discord.ApiRoot;
                discord.ExpectsCommandRegistration = false;
                return (BotProcess.StartNode(directory, "discord-reference.js", work, "discord.js", environment), "discord.js");
            case SlackDriver slack:
                environment["SLACK_APP_TOKEN"] = slack.HostEnvironment["MATHFORML__Slack__AppToken"];
                environment["SLACK_API"] = slack.ApiBaseUrl.ToString();
                return (BotProcess.StartNode(directory, "slack-reference.js", work, "@slack/socket-mode", environment), "@slack/socket-mode");
            default:
                throw new ArgumentException("Unknown platform.", nameof(driver));
        }
    }
}
