using MathForML.Core;
using MathForML.Core.Chat;
using MathForML.Slack.Adapter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Slack.Hosting;

public static class SlackBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack bot: the client (<see cref="ServiceCollectionExtensions.AddSlackClient(IServiceCollection, IConfiguration)"/>
    /// bound to the <c>Slack</c> section of <paramref name="configuration"/>), the adapter, Slack's
    /// <see cref="IChatPlatform"/> and the hosted service (Socket Mode or HTTP mode per <c>Slack:Mode</c>). Needs Core's
    /// <c>CommandDispatcher</c>, <see cref="IThreadActivity"/> and an <see cref="IPostLedger"/> from the host; registers no Core or Storage service.
    /// </summary>
    public static IServiceCollection AddSlackBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSlackClient(configuration.GetSection(SlackOptions.SectionName));
        services.AddCommandWorkPool();
        services.TryAddSingleton(new SlackAdapterTuning());
        services.TryAddSingleton<SlackAdapterState>();
        services.TryAddSingleton<ISlackUserDirectory>(sp => new SlackUserDirectory(
            sp.GetRequiredService<WebApi.SlackWebApiClient>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SlackAdapterTuning>(),
            sp.GetService<ILogger<SlackUserDirectory>>()));
        services.TryAddSingleton<SlackReplies>();
        // IThreadActivity is Core's (AddMathForMLCore registers it): a required dependency, not registered here.
        services.TryAddSingleton<SlackThreadListener>();
        services.TryAddSingleton<SlackInteractions>();
        services.TryAddSingleton<SlackEventRouter>();
        services.TryAddSingleton<SlackHttpServer>();
        services.TryAddSingleton(sp => new SlackChatPlatform(
            sp.GetRequiredService<WebApi.SlackWebApiClient>(),
            sp.GetRequiredService<IPostLedger>(),
            sp.GetRequiredService<SlackAdapterState>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SlackAdapterTuning>(),
            sp.GetService<ILogger<SlackChatPlatform>>()));
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackChatPlatform>());
        services.TryAddSingleton<SlackBotHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBotHostedService>());
        return services;
    }
}
