using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Scheduling;
using MathForML.Storage.Stores;
using MathForML.TestKit;

namespace MathForML.Storage.Tests.Stores;

public sealed class DueItemStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _test = new();
    private readonly FakeTimeProvider _time = new(T0);
    private long _groupId;

    public async Task InitializeAsync()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        var group = await new SqliteStudyGroupStore(_test.Database).TryCreateAsync(
            new NewStudyGroup(new ConversationRef(ChatPlatform.Slack, "T", "C"), "G", "UTC", new GroupSettings(), T0),
            CancellationToken.None);
        _groupId = group!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Adding_the_same_occurrence_twice_keeps_one()
    {
        var store = Store();
        var item = new NewDueItem(_groupId, "daily-problem", "2026-11-23", T0);

        Assert.Equal(1, await store.AddAsync([item], CancellationToken.None));
        Assert.Equal(0, await store.AddAsync([item with { DueAt = T0.AddHours(1) }], CancellationToken.None));

        var only = Assert.Single(await store.ListAsync(_groupId, CancellationToken.None));
        Assert.Equal((T0, DueItemState.Pending, 0), (only.DueAt, only.State, only.Attempts));
    }

    [Fact]
    public async Task Claim_takes_only_due_items_in_order_and_marks_them_in_flight()
    {
        var store = Store();
        await store.AddAsync(
            [
                new NewDueItem(_groupId, "k", "later", T0.AddMinutes(5)),
                new NewDueItem(_groupId, "k", "second", T0),
                new NewDueItem(_groupId, "k", "first", T0.AddMinutes(-5), T0.AddHours(1), "{\"x\":1}"),
            ],
            CancellationToken.None);

        var claimed = await store.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 10, CancellationToken.None);

        Assert.Equal(["first", "second"], claimed.Select(c => c.OccurrenceKey));
        Assert.All(claimed, c => Assert.Equal((DueItemState.InFlight, 1), (c.State, c.Attempts)));
        Assert.Equal(("{\"x\":1}", T0.AddHours(1)), (claimed[0].PayloadJson, claimed[0].ExpiresAt));
        Assert.Empty(await store.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_item_whose_lease_ran_out_is_claimed_again_with_the_same_idempotency_key()
    {
        var store = Store();
        await store.AddAsync([new NewDueItem(_groupId, "k", "a", T0)], CancellationToken.None);
        var first = Assert.Single(await store.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 10, CancellationToken.None));

        var restarted = new SqliteDueItemStore(_test.Reopen(), _time);
        Assert.Empty(await restarted.ClaimDueAsync(T0.AddMinutes(1), TimeSpan.FromMinutes(2), 10, CancellationToken.None));
        var again = Assert.Single(await restarted.ClaimDueAsync(T0.AddMinutes(2), TimeSpan.FromMinutes(2), 10, CancellationToken.None));

        Assert.Equal(2, again.Attempts);
        Assert.Equal(first.IdempotencyKey, again.IdempotencyKey);
    }

    [Fact]
    public async Task Concurrent_claimers_never_take_the_same_item()
    {
        var store = Store();
        await store.AddAsync([.. Enumerable.Range(0, 200).Select(i => new NewDueItem(_groupId, "k", "i" + i, T0))], CancellationToken.None);
        var other = new SqliteDueItemStore(_test.Reopen(), _time);

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? store : other).ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 30, CancellationToken.None))));

        var ids = batches.SelectMany(b => b.Select(i => i.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(200, ids.Count);
    }

    [Fact]
    public async Task Finish_records_the_outcome_and_retry_reschedules()
    {
        var store = Store();
        await store.AddAsync([new NewDueItem(_groupId, "k", "a", T0), new NewDueItem(_groupId, "k", "b", T0)], CancellationToken.None);
        var claimed = await store.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 10, CancellationToken.None);

        await store.FinishAsync(claimed[0].Id, DueItemState.Done, T0, "msg-1", null, CancellationToken.None);
        await store.RetryAsync(claimed[1].Id, T0.AddMinutes(10), "platform down", CancellationToken.None);

        var items = await store.ListAsync(_groupId, CancellationToken.None);
        Assert.Equal(DueItemState.Done, items.Single(i => i.OccurrenceKey == "a").State);
        var retried = items.Single(i => i.OccurrenceKey == "b");
        Assert.Equal((DueItemState.Pending, T0.AddMinutes(10)), (retried.State, retried.DueAt));
        Assert.Equal(T0.AddMinutes(10), await store.NextDueAtAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Older_due_items_of_a_latest_only_kind_are_dropped_when_a_newer_one_is_due()
    {
        var store = Store();
        await store.AddAsync(
            [
                new NewDueItem(_groupId, "daily", "mon", T0.AddDays(-2)),
                new NewDueItem(_groupId, "daily", "tue", T0.AddDays(-1)),
                new NewDueItem(_groupId, "daily", "wed", T0),
                new NewDueItem(_groupId, "daily", "thu", T0.AddDays(1)),
                new NewDueItem(_groupId, "reveal", "mon", T0.AddDays(-2)),
            ],
            CancellationToken.None);

        var dropped = await store.DropSupersededAsync(["daily"], T0, CancellationToken.None);

        Assert.Equal(["mon", "tue"], dropped.Select(d => d.OccurrenceKey));
        var claimed = await store.ClaimDueAsync(T0, TimeSpan.FromMinutes(2), 10, CancellationToken.None);
        Assert.Equal([("reveal", "mon"), ("daily", "wed")], claimed.Select(c => (c.Kind, c.OccurrenceKey)));
    }

    [Fact]
    public async Task Replanning_drops_only_waiting_items_from_a_time_on()
    {
        var store = Store();
        await store.AddAsync([new NewDueItem(_groupId, "k", "past", T0.AddDays(-1)), new NewDueItem(_groupId, "k", "future", T0.AddDays(1)), new NewDueItem(_groupId, "other", "future", T0.AddDays(1))], CancellationToken.None);

        Assert.Equal(1, await store.DropWaitingAsync(_groupId, "k", T0, "time zone changed", CancellationToken.None));

        var items = await store.ListAsync(_groupId, CancellationToken.None);
        Assert.Equal(
            [("k", "past", DueItemState.Pending), ("k", "future", DueItemState.Dropped), ("other", "future", DueItemState.Pending)],
            items.Select(i => (i.Kind, i.OccurrenceKey, i.State)));
    }

    private SqliteDueItemStore Store() => new(_test.Database, _time);
}
