using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Problems;
using MathForML.Math;
using MathForML.Storage.Stores;

namespace MathForML.Storage.Tests.Stores;

public sealed class DailyProblemStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly ConversationRef Home = new(ChatPlatform.Slack, "T1", "C1");
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _test = new();
    private long _groupId;
    private long _memberId;

    public async Task InitializeAsync()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        _groupId = (await new SqliteStudyGroupStore(_test.Database).TryCreateAsync(new NewStudyGroup(Home, "G", "UTC", new GroupSettings(), Monday), CancellationToken.None))!.Id;
        _memberId = (await new SqliteMemberStore(_test.Database).EnsureAsync(new MemberRef(ChatPlatform.Slack, "U1", "Ada"), Monday, CancellationToken.None)).Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task The_same_occurrence_gets_the_same_problem_and_the_chooser_sees_what_was_used()
    {
        var store = new SqliteDailyProblemStore(_test.Database);
        var seen = new List<IReadOnlySet<string>>();
        string Choose(IReadOnlySet<string> used, string id)
        {
            seen.Add(used);
            return id;
        }

        var first = await store.GetOrCreateAsync(_groupId, "2026-11-23", used => Choose(used, "a"), Monday, Monday.AddDays(1), CancellationToken.None);
        var retry = await new SqliteDailyProblemStore(_test.Reopen()).GetOrCreateAsync(_groupId, "2026-11-23", used => Choose(used, "b"), Monday, Monday.AddDays(1), CancellationToken.None);
        var second = await store.GetOrCreateAsync(_groupId, "2026-11-24", used => Choose(used, "b"), Monday.AddDays(1), Monday.AddDays(2), CancellationToken.None);

        Assert.Equal(first, retry);
        Assert.Equal((1, "a", 2, "b"), (first.Number, first.ProblemId, second.Number, second.ProblemId));
        Assert.Equal([[], ["a"]], seen.Select(s => s.Order(StringComparer.Ordinal).ToArray()));
        Assert.Equal(second, await store.LatestAsync(_groupId, CancellationToken.None));
        Assert.Equal(first, await store.FindByNumberAsync(_groupId, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Message_and_reveal_are_stored_and_a_second_reveal_is_refused()
    {
        var store = new SqliteDailyProblemStore(_test.Database);
        var daily = await store.GetOrCreateAsync(_groupId, "d", _ => "a", Monday, Monday.AddDays(1), CancellationToken.None);

        await store.SetMessageAsync(daily.Id, new PostedMessage(Home, "1700000000.0001", "1700000000.0001"), CancellationToken.None);

        Assert.True(await store.TryMarkRevealedAsync(daily.Id, Monday.AddHours(3), CancellationToken.None));
        Assert.False(await store.TryMarkRevealedAsync(daily.Id, Monday.AddHours(4), CancellationToken.None));
        var found = await store.FindAsync(daily.Id, CancellationToken.None);
        Assert.Equal(new PostedMessage(Home, "1700000000.0001", "1700000000.0001"), found!.Message);
        Assert.Equal(Monday.AddHours(3), found.RevealedAt);
    }

    [Fact]
    public async Task Attempts_are_numbered_per_member_and_summarized_without_names()
    {
        var store = new SqliteDailyProblemStore(_test.Database);
        var other = (await new SqliteMemberStore(_test.Database).EnsureAsync(new MemberRef(ChatPlatform.Slack, "U2", "Bo"), Monday, CancellationToken.None)).Id;
        var daily = await store.GetOrCreateAsync(_groupId, "d", _ => "a", Monday, Monday.AddDays(1), CancellationToken.None);
        Attempt Try(long member, Outcome outcome, bool late = false) => new(daily.Id, member, 0, "1/2", outcome, outcome == Outcome.Correct ? 1 : 0, late, ChatPlatform.Slack, Monday);

        var numbers = new List<int>
        {
            (await store.AddAttemptAsync(Try(_memberId, Outcome.Incorrect), CancellationToken.None)).Number,
            (await store.AddAttemptAsync(Try(_memberId, Outcome.Correct), CancellationToken.None)).Number,
            (await store.AddAttemptAsync(Try(other, Outcome.Correct, late: true), CancellationToken.None)).Number,
        };

        Assert.Equal([1, 2, 1], numbers);
        Assert.Equal([Outcome.Incorrect, Outcome.Correct], (await store.AttemptsAsync(daily.Id, _memberId, CancellationToken.None)).Select(a => a.Outcome));
        Assert.Equal(new AttemptSummary(Tried: 2, Solved: 2, SolvedFirstTry: 1, SolvedLate: 1), await store.SummarizeAsync(daily.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Solves_keep_the_local_day_fixed_at_answer_time_and_windows_end_at_the_reveal()
    {
        var store = new SqliteDailyProblemStore(_test.Database);
        var daily = await store.GetOrCreateAsync(_groupId, "d", _ => "a", Monday, Monday.AddDays(1), CancellationToken.None);
        await store.SetMessageAsync(daily.Id, new PostedMessage(Home, "m", null), CancellationToken.None);
        await store.TryMarkRevealedAsync(daily.Id, Monday.AddHours(5), CancellationToken.None);
        var answered = Monday.AddHours(2);
        await store.AddAttemptAsync(
            new Attempt(daily.Id, _memberId, 0, "1", Outcome.Correct, 1, false, ChatPlatform.Slack, answered) { LocalDay = new DateOnly(2026, 11, 24), TimeZoneId = "Asia/Tokyo" },
            CancellationToken.None);
        await store.AddAttemptAsync(new Attempt(daily.Id, _memberId, 0, "2", Outcome.Incorrect, 0, false, ChatPlatform.Slack, answered), CancellationToken.None);

        var solves = await store.SolvesAsync(_groupId, _memberId, CancellationToken.None);
        var windows = await store.OpenWindowsAsync(_groupId, CancellationToken.None);

        Assert.Equal([new Core.Participation.StreakSolve(1, new DateOnly(2026, 11, 24), answered, "Asia/Tokyo", false)], solves);
        Assert.Equal([(Monday, Monday.AddHours(5))], windows);
    }

    [Fact]
    public async Task Post_ledger_keeps_the_first_start_and_finds_the_posted_message_after_a_restart()
    {
        var ledger = new SqlitePostLedger(_test.Database);
        await ledger.MarkStartedAsync(ChatPlatform.Discord, "mfml:1:daily-problem:2026-11-23", Monday, CancellationToken.None);
        await ledger.MarkStartedAsync(ChatPlatform.Discord, "mfml:1:daily-problem:2026-11-23", Monday.AddMinutes(5), CancellationToken.None);
        var started = await ledger.FindAsync(ChatPlatform.Discord, "mfml:1:daily-problem:2026-11-23", CancellationToken.None);

        var message = new PostedMessage(new ConversationRef(ChatPlatform.Discord, "g", "c"), "m-1", "t-1");
        await ledger.MarkPostedAsync(ChatPlatform.Discord, "mfml:1:daily-problem:2026-11-23", message, Monday.AddMinutes(6), CancellationToken.None);
        var posted = await new SqlitePostLedger(_test.Reopen()).FindAsync(ChatPlatform.Discord, "mfml:1:daily-problem:2026-11-23", CancellationToken.None);

        Assert.Equal((Monday, (PostedMessage?)null), (started!.StartedAt, started.Message));
        Assert.Equal((Monday, message, (DateTimeOffset?)Monday.AddMinutes(6)), (posted!.StartedAt, posted.Message, posted.PostedAt));
        Assert.Null(await ledger.FindAsync(ChatPlatform.Slack, "mfml:1:daily-problem:2026-11-23", CancellationToken.None));
    }
}
