using MathForML.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Adapter;

/// <summary>
/// Registers the slash commands by bulk overwrite: on the dev guild when <c>Discord:DevGuildId</c> is set
/// (updates show at once), globally otherwise. Runs once per READY (a new session after IDENTIFY), not
/// on RESUMED.
/// </summary>
public sealed class DiscordCommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<DiscordCommandRegistrar>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task<DiscordResult<IReadOnlyList<RegisteredCommand>>> RegisterAsync(CancellationToken cancellationToken)
    {
        var commands = DiscordCommandRegistry.Build();
        var guild = options.Value.DevGuildId;
        var scope = guild is null ? "global" : "guild " + guild;
        var result = guild is null
            ? await rest.BulkOverwriteGlobalCommandsAsync(commands, cancellationToken)
            : await rest.BulkOverwriteGuildCommandsAsync(guild, commands, cancellationToken);
        if (result.IsSuccess)
        {
            DiscordAdapterLog.CommandsRegistered(_logger, result.Value!.Count, scope);
        }
        else
        {
            DiscordAdapterLog.CommandRegistrationFailed(_logger, scope, result.Error!.ToString());
        }

        return result;
    }
}
