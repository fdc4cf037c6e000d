using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MathForML.Host.Hosting;

/// <summary>Which chat platforms are configured, and which this build can connect.</summary>
internal sealed record PlatformStatus(bool DiscordConfigured, bool SlackConfigured)
{
    /// <summary>Platforms whose adapters this build contains; they start when their tokens are set.</summary>
    public static bool DiscordAdapterBuilt => true;

    public static bool SlackAdapterBuilt => true;

    public bool AnyPlatformRunning => (DiscordConfigured && DiscordAdapterBuilt) || (SlackConfigured && SlackAdapterBuilt);

    public static PlatformStatus From(IConfiguration configuration) => new(
        !string.IsNullOrWhiteSpace(configuration["Discord:Token"]),
        !string.IsNullOrWhiteSpace(configuration["Slack:BotToken"]) || !string.IsNullOrWhiteSpace(configuration["Slack:AppToken"]));
}

/// <summary>Says plainly, at start-up, when a configured platform cannot be connected by this build.</summary>
internal sealed partial class PlatformStatusReporter(PlatformStatus status, ILogger<PlatformStatusReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (status.DiscordConfigured && !PlatformStatus.DiscordAdapterBuilt)
        {
            LogNotBuilt("Discord", "Discord:Token");
        }

        if (status.SlackConfigured && !PlatformStatus.SlackAdapterBuilt)
        {
            LogNotBuilt("Slack", "Slack:BotToken");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "{Key} is set, but this build does not include the {Platform} adapter yet; it will not connect to {Platform}.")]
    private partial void LogNotBuilt(string platform, string key);
}
