using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MathForML.Storage;

internal sealed class MathForMLDbContext(DbContextOptions<MathForMLDbContext> options) : DbContext(options)
{
    public DbSet<StudyGroupEntity> StudyGroups => Set<StudyGroupEntity>();

    public DbSet<MemberEntity> Members => Set<MemberEntity>();

    public DbSet<ProblemPostEntity> ProblemPosts => Set<ProblemPostEntity>();

    public DbSet<AttemptEntity> Attempts => Set<AttemptEntity>();

    public DbSet<ParticipationEventEntity> ParticipationEvents => Set<ParticipationEventEntity>();

    public DbSet<DueItemEntity> DueItems => Set<DueItemEntity>();

    public DbSet<ReadingPlanEntity> ReadingPlans => Set<ReadingPlanEntity>();

    public DbSet<PostLedgerEntity> PostLedger => Set<PostLedgerEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MathForMLDbContext).Assembly);

    /// <summary>
    /// Instants are stored as UTC Unix milliseconds: SQLite cannot compare or order
    /// DateTimeOffset text server-side, and schedules query by time constantly.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMillisecondsConverter>();
    }

    /// <summary>Internal, not private: the generated compiled model (CompiledModel/) constructs it.</summary>
    internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.ToUnixTimeMilliseconds(),
        stored => DateTimeOffset.FromUnixTimeMilliseconds(stored));
}
