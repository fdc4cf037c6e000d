using MathForML.Discord.Gateway;
using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Discord;

public static class ServiceCollectionExtensions
{
    /// <summary>How long pooled HTTP connections live, so DNS changes at Discord's edge are picked up.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers the Discord REST client, gateway client, identify limiter and interaction responder,
    /// with <see cref="DiscordOptions"/> bound from the <c>Discord</c> configuration section and validated
    /// at start-up.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, IConfiguration configuration,
        Action<DiscordOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordHttpClientOwner>();
        services.TryAddSingleton(provider => new DiscordRestClient(
            provider.GetRequiredService<DiscordHttpClientOwner>().Client,
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<DiscordRestClient>>()));
        services.TryAddSingleton(provider => new IdentifyLimiter(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new DiscordGatewayClient(
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IdentifyLimiter>(),
            provider.GetService<ILogger<DiscordGatewayClient>>()));
        services.TryAddSingleton(provider => new InteractionResponder(
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<InteractionResponder>>()));
        return services;
    }

    /// <summary>Owns the HttpClient so the container disposes it. Timeouts are per attempt in the
    /// transport (through TimeProvider), so HttpClient's own timeout is off.</summary>
    internal sealed class DiscordHttpClientOwner : IDisposable
    {
        public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = PooledConnectionLifetime })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        public void Dispose() => Client.Dispose();
    }
}
