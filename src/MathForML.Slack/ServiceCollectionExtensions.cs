using MathForML.Slack.HttpMode;
using MathForML.Slack.SocketMode;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MathForML.Slack;

public static class ServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> the Web API client uses (for adding handlers in the host).</summary>
    public const string HttpClientName = "MathForML.Slack";

    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers <see cref="SlackOptions"/> (bound from <paramref name="section"/>, validated at start-up), the
    /// <see cref="SlackWebApiClient"/> on a named <see cref="HttpClient"/>, the <see cref="SocketModeClient"/> and, when a
    /// signing secret is configured, the <see cref="SlackRequestVerifier"/>. A <see cref="TimeProvider"/> is
    /// registered as <see cref="TimeProvider.System"/> unless one already is. Register a <see cref="SlackApiTuning"/> or
    /// <see cref="SocketModeTuning"/> singleton beforehand to change the client's limits and timings.
    /// </summary>
    public static IServiceCollection AddSlackClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        return services.AddSlackCore();
    }

    /// <summary>As <see cref="AddSlackClient(IServiceCollection, IConfiguration)"/>, configured in code.</summary>
    public static IServiceCollection AddSlackClient(this IServiceCollection services, Action<SlackOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SlackOptions>().Configure(configure).ValidateOnStart();
        return services.AddSlackCore();
    }

    private static IServiceCollection AddSlackCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        // The Web API client must be a singleton: its per-method rate limiter and per-channel pacer are shared state.
        // So it keeps one HttpClient, whose pooled connections are recycled to follow DNS changes. Our transport
        // bounds each attempt itself (SlackApiTuning.RequestTimeout); HttpClient's own timeout would cut retries short.
        services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = PooledConnectionLifetime })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's request logging would write every URL, including pre-signed upload URLs; our own
            // structured events (method, error code, delays) are the log, and they never carry a credential.
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => new SlackWebApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<SlackWebApiClient>>(),
            sp.GetService<SlackApiTuning>()));
        services.TryAddSingleton<SocketModeClient>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new SlackRequestVerifier(
                options.SigningSecret ?? throw new InvalidOperationException(SlackMessages.SigningSecretMissing),
                sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
