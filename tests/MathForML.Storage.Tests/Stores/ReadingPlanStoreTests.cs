using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.Core.Reading;
using MathForML.Core.Scheduling;
using MathForML.Storage.Stores;

namespace MathForML.Storage.Tests.Stores;

public sealed class ReadingPlanStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _test = new();
    private long _groupId;

    public async Task InitializeAsync()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        _groupId = (await new SqliteStudyGroupStore(_test.Database).TryCreateAsync(
            new NewStudyGroup(new ConversationRef(ChatPlatform.Discord, "g", "c"), "G", "Europe/Berlin", new GroupSettings(), T0), CancellationToken.None))!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task A_plan_round_trips_with_every_detail_and_survives_restart()
    {
        var plan = new ReadingPlan
        {
            GroupId = _groupId,
            BookId = "mml",
            SectionNumbers = ["2.1", "2.2", "2.3"],
            StartDate = new DateOnly(2026, 12, 1),
            Cadences =
            [
                new CadenceFrom(new DateOnly(2026, 12, 1), CadenceParser.Parse("every Tuesday and Friday at 18:30").Cadence!),
                new CadenceFrom(new DateOnly(2027, 1, 5), CadenceParser.Parse("weekly on Monday at 19:00").Cadence!),
            ],
            PerSession = new ReadingAmount(30, ReadingUnit.Pages),
            SkippedDates = new HashSet<DateOnly> { new(2026, 12, 25) },
            Pauses = [new PlanPause(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 4))],
            AnnouncementLead = TimeSpan.FromHours(36),
            ReminderLead = TimeSpan.FromMinutes(45),
        };

        await new SqliteReadingPlanStore(_test.Database).SaveAsync(plan, T0, CancellationToken.None);
        var found = await new SqliteReadingPlanStore(_test.Reopen()).FindAsync(_groupId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(plan.SectionNumbers, found.SectionNumbers);
        Assert.Equal(plan.Cadences, found.Cadences);
        Assert.Equal(plan.SkippedDates, found.SkippedDates);
        Assert.Equal(plan.Pauses, found.Pauses);
        Assert.Equal((plan.PerSession, plan.AnnouncementLead, plan.ReminderLead, plan.StartDate), (found.PerSession, found.AnnouncementLead, found.ReminderLead, found.StartDate));
    }

    [Fact]
    public async Task Saving_again_replaces_the_groups_plan()
    {
        var store = new SqliteReadingPlanStore(_test.Database);
        var plan = new ReadingPlan
        {
            GroupId = _groupId,
            BookId = "mml",
            SectionNumbers = ["2.1"],
            StartDate = new DateOnly(2026, 12, 1),
            Cadences = [new CadenceFrom(new DateOnly(2026, 12, 1), CadenceParser.Parse("daily at 9:00").Cadence!)],
            PerSession = new ReadingAmount(1, ReadingUnit.Sections),
        };
        await store.SaveAsync(plan, T0, CancellationToken.None);

        await store.SaveAsync(plan with { BookId = "esl" }, T0.AddDays(1), CancellationToken.None);

        Assert.Equal("esl", Assert.Single(await store.AllAsync(CancellationToken.None)).BookId);
    }

    [Fact]
    public async Task Participation_is_recorded_once_per_member_and_subject()
    {
        var member = await new SqliteMemberStore(_test.Database).EnsureAsync(new MemberRef(ChatPlatform.Discord, "7", "Ada"), T0, CancellationToken.None);
        var other = await new SqliteMemberStore(_test.Database).EnsureAsync(new MemberRef(ChatPlatform.Discord, "8", "Alan"), T0, CancellationToken.None);
        var log = new SqliteParticipationLog(_test.Database);
        var done = new ParticipationEvent(_groupId, member.Id, ParticipationKinds.ReadingDone, "session-1", ChatPlatform.Discord, T0);

        Assert.True(await log.RecordOnceAsync(done, CancellationToken.None));
        Assert.False(await log.RecordOnceAsync(done with { OccurredAt = T0.AddHours(1) }, CancellationToken.None));
        Assert.True(await log.RecordOnceAsync(done with { MemberId = other.Id }, CancellationToken.None));

        Assert.Equal(2, await log.CountMembersAsync(_groupId, ParticipationKinds.ReadingDone, "session-1", CancellationToken.None));
        Assert.Equal(0, await log.CountMembersAsync(_groupId, ParticipationKinds.ReadingDone, "session-2", CancellationToken.None));
    }
}
