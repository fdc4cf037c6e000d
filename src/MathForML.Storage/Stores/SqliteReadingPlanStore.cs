using System.Text.Json;
using MathForML.Core.Reading;
using MathForML.Core.Scheduling;
using MathForML.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

internal sealed class SqliteReadingPlanStore(SqliteDatabase database) : IReadingPlanStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReadingPlan?> FindAsync(long groupId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var entity = await context.ReadingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.GroupId == groupId, cancellationToken);
        return entity is null ? null : ToDomain(entity);
    }

    public async Task SaveAsync(ReadingPlan plan, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var json = JsonSerializer.Serialize(StoredPlan.From(plan), Json);
        await using var context = database.CreateContext();
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO ReadingPlans (GroupId, BookId, PlanJson, CreatedAt, UpdatedAt)
            VALUES ({plan.GroupId}, {plan.BookId}, {json}, {at.ToUnixTimeMilliseconds()}, {at.ToUnixTimeMilliseconds()})
            ON CONFLICT (GroupId) DO UPDATE SET BookId = excluded.BookId, PlanJson = excluded.PlanJson, UpdatedAt = excluded.UpdatedAt
            """,
            cancellationToken);
    }

    public async Task<IReadOnlyList<ReadingPlan>> AllAsync(CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await context.ReadingPlans.AsNoTracking().OrderBy(p => p.GroupId).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    private static ReadingPlan ToDomain(ReadingPlanEntity entity) =>
        (JsonSerializer.Deserialize<StoredPlan>(entity.PlanJson, Json) ?? throw new InvalidOperationException($"Reading plan of group {entity.GroupId} is empty.")).ToDomain(entity.GroupId, entity.BookId);

    /// <summary>The JSON shape: cadences as their canonical text, which the cadence parser reads back.</summary>
    private sealed record StoredPlan(
        IReadOnlyList<string> Sections,
        DateOnly Start,
        IReadOnlyList<StoredCadence> Cadences,
        int PerSession,
        ReadingUnit Unit,
        IReadOnlyList<DateOnly> Skipped,
        IReadOnlyList<PlanPause> Pauses,
        long AnnouncementLeadMinutes,
        long ReminderLeadMinutes)
    {
        public static StoredPlan From(ReadingPlan plan) => new(
            plan.SectionNumbers,
            plan.StartDate,
            [.. plan.Cadences.Select(c => new StoredCadence(c.From, c.Cadence.Description))],
            plan.PerSession.Count,
            plan.PerSession.Unit,
            [.. plan.SkippedDates.Order()],
            plan.Pauses,
            (long)plan.AnnouncementLead.TotalMinutes,
            (long)plan.ReminderLead.TotalMinutes);

        public ReadingPlan ToDomain(long groupId, string bookId) => new()
        {
            GroupId = groupId,
            BookId = bookId,
            SectionNumbers = Sections,
            StartDate = Start,
            Cadences = [.. Cadences.Select(c => new CadenceFrom(c.From, CadenceParser.Parse(c.Text).Cadence ?? throw new InvalidOperationException($"Stored cadence '{c.Text}' no longer parses.")))],
            PerSession = new ReadingAmount(PerSession, Unit),
            SkippedDates = Skipped.ToHashSet(),
            Pauses = Pauses,
            AnnouncementLead = TimeSpan.FromMinutes(AnnouncementLeadMinutes),
            ReminderLead = TimeSpan.FromMinutes(ReminderLeadMinutes),
        };
    }

    private sealed record StoredCadence(DateOnly From, string Text);
}
