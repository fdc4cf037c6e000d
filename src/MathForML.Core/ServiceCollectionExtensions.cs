using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MathForML.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the command layer and the handlers for what Core can do on its own. Storage must
    /// provide the store ports; other capabilities add their handlers with <see cref="AddCommandHandler{T}"/>.
    /// </summary>
    public static IServiceCollection AddMathForMLCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CommandDispatcher>();
        services.TryAddSingleton<DueItemRunner>();
        services.AddCommandHandler<GroupShowHandler>();
        services.AddCommandHandler<GroupSetupHandler>();
        services.AddCommandHandler<GroupTimeZoneHandler>();
        return services;
    }

    public static IServiceCollection AddCommandHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, THandler>());
        return services;
    }
}
