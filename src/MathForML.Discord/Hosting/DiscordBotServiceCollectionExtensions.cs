using MathForML.Core.Chat;
using MathForML.Core;
using MathForML.Core.Commands;
using MathForML.Core.Concurrency;
using MathForML.Core.Reading;
using MathForML.Discord.Adapter;
using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Hosting;

public static class DiscordBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord bot: the client (<see cref="ServiceCollectionExtensions.AddDiscordClient"/>, options
    /// from the <c>Discord</c> section, validated at start), the adapter, <see cref="IChatPlatform"/> for Discord
    /// and the hosted service. Core and Storage are not registered here: the host provides
    /// <see cref="CommandDispatcher"/>, <see cref="IPostLedger"/>, <see cref="IThreadActivity"/> and (optionally)
    /// <see cref="IBookCatalog"/>.
    /// </summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDiscordClient(configuration);
        services.AddCommandWorkPool();
        services.TryAddSingleton<ButtonFormCache>();
        services.TryAddSingleton(provider => new DiscordBotIdentity(provider.GetRequiredService<DiscordRestClient>()));
        services.TryAddSingleton(provider => new DiscordCommandRegistrar(
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetService<ILogger<DiscordCommandRegistrar>>()));
        services.TryAddSingleton(provider => new DiscordInteractionRouter(
            provider.GetRequiredService<InteractionResponder>(),
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<CommandDispatcher>(),
            provider.GetRequiredService<ButtonFormCache>(),
            provider.GetRequiredService<CommandWorkPool>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetService<IBookCatalog>(),
            provider.GetService<ILogger<DiscordInteractionRouter>>()));
        services.TryAddSingleton(provider => new DiscordChatPlatform(
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<IPostLedger>(),
            provider.GetRequiredService<DiscordBotIdentity>(),
            provider.GetRequiredService<ButtonFormCache>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<DiscordChatPlatform>>()));
        services.AddSingleton<IChatPlatform>(provider => provider.GetRequiredService<DiscordChatPlatform>());
        services.TryAddSingleton(provider => new DiscordThreadDirectory(
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetService<ILogger<DiscordThreadDirectory>>()));
        services.TryAddSingleton(provider => new DiscordThreadMessageRouter(
            provider.GetRequiredService<DiscordThreadDirectory>(),
            provider.GetRequiredService<IThreadActivity>(),
            provider.GetRequiredService<DiscordBotIdentity>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetService<ILogger<DiscordThreadMessageRouter>>()));
        services.TryAddSingleton(provider => new DiscordEventRouter(
            provider.GetRequiredService<DiscordInteractionRouter>(),
            provider.GetRequiredService<DiscordCommandRegistrar>(),
            provider.GetRequiredService<DiscordThreadMessageRouter>(),
            provider.GetRequiredService<DiscordThreadDirectory>(),
            provider.GetRequiredService<DiscordBotIdentity>(),
            provider.GetRequiredService<CommandWorkPool>(),
            provider.GetService<ILogger<DiscordEventRouter>>()));
        services.TryAddSingleton(provider => new DiscordBotHostedService(
            provider.GetRequiredService<Gateway.DiscordGatewayClient>(),
            provider.GetRequiredService<DiscordEventRouter>(),
            provider.GetRequiredService<DiscordThreadMessageRouter>(),
            provider.GetRequiredService<CommandWorkPool>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetService<ILogger<DiscordBotHostedService>>()));
        services.AddHostedService(provider => provider.GetRequiredService<DiscordBotHostedService>());
        return services;
    }
}
