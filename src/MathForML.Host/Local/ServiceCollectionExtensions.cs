using MathForML.Core.Chat;
using MathForML.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MathForML.Host.Local;

internal static class ServiceCollectionExtensions
{
    /// <summary>Registers the terminal chat; it runs when configured On, or Auto with no platform connected.</summary>
    public static IServiceCollection AddLocalChannel(this IServiceCollection services, IConfiguration configuration, LocalConsole console, PlatformStatus platforms, string workingDirectory)
    {
        services.AddOptions<LocalChannelOptions>().Bind(configuration.GetSection(LocalChannelOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalChannelOptions>, LocalChannelOptionsValidator>();
        services.PostConfigure<LocalChannelOptions>(o => o.RendersDirectory = Path.Combine(workingDirectory, o.RendersDirectory));
        var mode = configuration.GetSection(LocalChannelOptions.SectionName).GetValue(nameof(LocalChannelOptions.Mode), LocalChannelMode.Auto);
        if (mode == LocalChannelMode.On || (mode == LocalChannelMode.Auto && !platforms.AnyPlatformRunning))
        {
            services.AddSingleton(console);
            services.AddSingleton<LocalTranscript>();
            services.AddSingleton<IChatPlatform, LocalChatPlatform>();
            services.AddHostedService<LocalChannelHostedService>();
        }

        return services;
    }
}
