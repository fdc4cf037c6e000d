using MathForML.Core.Participation;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MathForML.Storage.Configurations;

internal sealed class StudyGroupConfiguration : IEntityTypeConfiguration<StudyGroupEntity>
{
    public void Configure(EntityTypeBuilder<StudyGroupEntity> builder)
    {
        builder.ToTable("StudyGroups");
        builder.Property(g => g.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.WorkspaceId).HasMaxLength(64);
        builder.Property(g => g.ChannelId).HasMaxLength(64);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(g => new { g.Platform, g.WorkspaceId, g.ChannelId }).IsUnique();
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<MemberEntity>
{
    public void Configure(EntityTypeBuilder<MemberEntity> builder)
    {
        builder.ToTable("Members");
        builder.Property(m => m.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.PlatformUserId).HasMaxLength(64);
        builder.Property(m => m.DisplayName).HasMaxLength(200);
        builder.Property(m => m.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(m => new { m.Platform, m.PlatformUserId }).IsUnique();
        builder.Property(m => m.HiddenFromLeaderboards).HasDefaultValueSql("0");
    }
}

internal sealed class ProblemPostConfiguration : IEntityTypeConfiguration<ProblemPostEntity>
{
    public void Configure(EntityTypeBuilder<ProblemPostEntity> builder)
    {
        builder.ToTable("ProblemPosts");
        builder.Property(p => p.ProblemId).HasMaxLength(100);
        builder.Property(p => p.Seed).HasMaxLength(100);
        builder.Property(p => p.PlatformMessageId).HasMaxLength(64);
        builder.Property(p => p.ThreadId).HasMaxLength(64);
        builder.HasOne<StudyGroupEntity>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.GroupId, p.PostedAt });
        builder.Property(p => p.OccurrenceKey).HasMaxLength(32);
        builder.Property(p => p.Number).HasDefaultValueSql("0");
        builder.Property(p => p.ChannelId).HasMaxLength(64);
        builder.HasIndex(p => new { p.GroupId, p.OccurrenceKey }).IsUnique();
    }
}

internal sealed class AttemptConfiguration : IEntityTypeConfiguration<AttemptEntity>
{
    public void Configure(EntityTypeBuilder<AttemptEntity> builder)
    {
        builder.ToTable("Attempts");
        builder.Property(a => a.Verdict).HasMaxLength(16);
        builder.Property(a => a.ReasonCode).HasMaxLength(64);
        builder.HasOne<ProblemPostEntity>().WithMany().HasForeignKey(a => a.ProblemPostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MemberEntity>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ProblemPostId, a.MemberId });
        builder.HasIndex(a => new { a.MemberId, a.SubmittedAt });
        builder.HasIndex(a => new { a.ProblemPostId, a.Verdict, a.Late, a.MemberId, a.AttemptNumber, a.SubmittedAt, a.LocalDay });
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(16).HasDefaultValueSql("'Local'");
        builder.Property(a => a.Late).HasDefaultValueSql("0");
        builder.Property(a => a.LocalDay).HasMaxLength(10);
        builder.Property(a => a.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class ParticipationEventConfiguration : IEntityTypeConfiguration<ParticipationEventEntity>
{
    public void Configure(EntityTypeBuilder<ParticipationEventEntity> builder)
    {
        builder.ToTable("ParticipationEvents");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Subject).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(ParticipationEvent.MaxDetailLength);
        builder.HasIndex(e => new { e.GroupId, e.Kind, e.Subject });
        builder.Property(e => e.Platform).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<StudyGroupEntity>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MemberEntity>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.GroupId, e.OccurredAt });
        builder.HasIndex(e => new { e.MemberId, e.OccurredAt });
    }
}

internal sealed class DueItemConfiguration : IEntityTypeConfiguration<DueItemEntity>
{
    public void Configure(EntityTypeBuilder<DueItemEntity> builder)
    {
        builder.ToTable("DueItems");
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.OccurrenceKey).HasMaxLength(64);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.MessageId).HasMaxLength(64);
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.HasOne<StudyGroupEntity>().WithMany().HasForeignKey(d => d.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.GroupId, d.Kind, d.OccurrenceKey }).IsUnique();
        builder.HasIndex(d => new { d.State, d.DueAt });
    }
}

internal sealed class ReadingPlanConfiguration : IEntityTypeConfiguration<ReadingPlanEntity>
{
    public void Configure(EntityTypeBuilder<ReadingPlanEntity> builder)
    {
        builder.ToTable("ReadingPlans");
        builder.Property(p => p.BookId).HasMaxLength(32);
        builder.HasOne<StudyGroupEntity>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.GroupId).IsUnique();
    }
}

internal sealed class PostLedgerConfiguration : IEntityTypeConfiguration<PostLedgerEntity>
{
    public void Configure(EntityTypeBuilder<PostLedgerEntity> builder)
    {
        builder.ToTable("PostLedger");
        builder.HasKey(p => new { p.Platform, p.Key });
        builder.Property(p => p.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Key).HasMaxLength(200);
        builder.Property(p => p.WorkspaceId).HasMaxLength(64);
        builder.Property(p => p.ChannelId).HasMaxLength(64);
        builder.Property(p => p.MessageId).HasMaxLength(64);
        builder.Property(p => p.ThreadId).HasMaxLength(64);
    }
}
