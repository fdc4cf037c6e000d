namespace MathForML.Core.Reading;

/// <summary>Storage port for reading plans: at most one active plan per group.</summary>
public interface IReadingPlanStore
{
    Task<ReadingPlan?> FindAsync(long groupId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the group's plan.</summary>
    Task SaveAsync(ReadingPlan plan, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReadingPlan>> AllAsync(CancellationToken cancellationToken);
}
