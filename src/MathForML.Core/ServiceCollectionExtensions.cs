using MathForML.Core.Commands;
using MathForML.Core.Concurrency;
using MathForML.Core.Chat;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddCommandWorkPool();
        services.TryAddSingleton<DueItemRunner>();
        services.AddCommandHandler<GroupShowHandler>();
        services.AddCommandHandler<GroupSetupHandler>();
        services.AddCommandHandler<GroupTimeZoneHandler>();
        services.AddCommandHandler<MemberTimeZoneHandler>();
        services.TryAddSingleton<ChatPlatforms>();
        services.TryAddSingleton<IThreadActivity, Participation.ThreadActivityRecorder>();
        services.TryAddSingleton<ReadingPostsPlanner>();
        return services;
    }

    /// <summary>
    /// The reading group: its commands and scheduled posts. Needs a book catalogue
    /// (<see cref="Reading.IBookCatalog"/>), plan storage and the participation log.
    /// </summary>
    public static IServiceCollection AddReadingGroups(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGroupChangeListener, ReadingPostsPlanner>(sp => sp.GetRequiredService<ReadingPostsPlanner>()));
        services.AddCommandHandler<ReadingBooksHandler>();
        services.AddCommandHandler<ReadingShowHandler>();
        services.AddCommandHandler<ReadingPlanHandler>();
        services.AddCommandHandler<ReadingDoneHandler>();
        services.AddCommandHandler<ReadingRsvpHandler>();
        services.AddCommandHandler<ReadingSetupHandler>();
        services.AddCommandHandler<ReadingSkipHandler>();
        services.AddCommandHandler<ReadingPauseHandler>();
        services.AddCommandHandler<ReadingResumeHandler>();
        services.AddCommandHandler<ReadingCadenceHandler>();
        services.AddDueItemHandler<ReadingAnnouncementHandler>();
        services.AddDueItemHandler<ReadingReminderHandler>();
        services.AddDueItemHandler<ReadingSessionHandler>();
        services.AddDueItemHandler<ReadingTopUpHandler>();
        return services;
    }

    /// <summary>
    /// Participation: streaks, leaderboards, statistics with charts, digests and data rights. Needs the
    /// problem store, the participation log, a chart renderer (<see cref="Participation.IChartRenderer"/>),
    /// the group roster and the data-rights store.
    /// </summary>
    public static IServiceCollection AddParticipation(this IServiceCollection services)
    {
        services.TryAddSingleton<Participation.ParticipationQueries>();
        services.TryAddSingleton<Participation.ParticipationPictures>();
        services.AddCommandHandler<StreakHandler>();
        services.AddCommandHandler<StatsHandler>();
        services.AddCommandHandler<MyDataExportHandler>();
        services.AddCommandHandler<MyDataForgetHandler>();
        services.AddCommandHandler<GroupExportHandler>();
        services.AddCommandHandler<GroupStreakHandler>();
        services.AddDueItemHandler<ReadingDigestHandler>();
        services.AddCommandHandler<LeaderboardHandler>();
        services.AddCommandHandler<PrivacyHandler>();
        return services;
    }

    /// <summary>
    /// The daily problem: planning, posting (on schedule, or now with <c>/problem post</c>), timed hints, reveals, and <c>/problem</c>, <c>/answer</c>, <c>/hint</c>.
    /// Needs a problem bank, a formula renderer and the problem store.
    /// </summary>
    public static IServiceCollection AddDailyProblems(this IServiceCollection services)
    {
        services.TryAddSingleton<DailyProblemPlanner>();
        services.TryAddSingleton<DailyProblemService>();
        services.TryAddSingleton<DailyProblemReveal>();
        services.TryAddSingleton<DailyProblemPoster>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGroupChangeListener, DailyProblemPlanner>(sp => sp.GetRequiredService<DailyProblemPlanner>()));

        // After the planner: a group set up after today's posting time gets today's problem at once.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGroupChangeListener, DailyProblemCatchUp>());
        services.AddCommandHandler<ProblemShowHandler>();
        services.AddCommandHandler<ProblemPostHandler>();
        services.AddCommandHandler<ProblemRevealHandler>();
        services.AddCommandHandler<AnswerHandler>();
        services.AddCommandHandler<HintHandler>();
        services.AddDueItemHandler<DailyProblemPostHandler>();
        services.AddDueItemHandler<DailyRevealHandler>();
        services.AddDueItemHandler<DailyHintHandler>();
        services.AddDueItemHandler<DailyTopUpHandler>();
        return services;
    }

    /// <summary>
    /// The <see cref="CommandWorkPool"/> every platform adapter runs command handling on (options from the
    /// <c>Commands</c> section when the host binds it). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddCommandWorkPool(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CommandWorkOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommandWorkOptions>, CommandWorkOptionsValidator>());
        services.TryAddSingleton<CommandWorkPool>();
        return services;
    }

    public static IServiceCollection AddDueItemHandler<THandler>(this IServiceCollection services)
        where THandler : class, IDueItemHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDueItemHandler, THandler>());
        return services;
    }

    public static IServiceCollection AddCommandHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, THandler>());
        return services;
    }
}
