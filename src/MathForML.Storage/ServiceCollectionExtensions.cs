using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Core.Scheduling;
using MathForML.Storage.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MathForML.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite database and the stores behind Core's ports. Call
    /// <see cref="SqliteDatabase.InitializeAsync"/> at start-up (the host does) before serving commands.
    /// </summary>
    public static IServiceCollection AddMathForMLStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StoreCache>();
        services.TryAddSingleton<IStudyGroupStore, SqliteStudyGroupStore>();
        services.TryAddSingleton<IMemberStore, SqliteMemberStore>();
        services.TryAddSingleton<IDueItemStore, SqliteDueItemStore>();
        services.TryAddSingleton<IReadingPlanStore, SqliteReadingPlanStore>();
        services.TryAddSingleton<IParticipationLog, SqliteParticipationLog>();
        services.TryAddSingleton<IDailyProblemStore, SqliteDailyProblemStore>();
        services.TryAddSingleton<IPostLedger, SqlitePostLedger>();
        services.TryAddSingleton<IDataRightsStore, SqliteDataRights>();
        services.TryAddSingleton<IGroupRoster, SqliteGroupRoster>();
        return services;
    }
}
