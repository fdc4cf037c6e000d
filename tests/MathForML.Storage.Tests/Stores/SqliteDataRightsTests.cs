using MathForML.Core.Chat;
using MathForML.Core.Participation;
using MathForML.Math;
using MathForML.Storage.Stores;
using Microsoft.EntityFrameworkCore;
using static MathForML.Storage.Tests.Stores.ParticipationSeed;

namespace MathForML.Storage.Tests.Stores;

public sealed class SqliteDataRightsTests : IAsyncLifetime, IDisposable
{
    private const string Question = "why is   it symmetric?";
    private readonly TestDatabase _test = new();
    private readonly ParticipationSeed _seed;
    private long _one;
    private long _two;
    private long _ada;
    private long _bo;

    public SqliteDataRightsTests() => _seed = new ParticipationSeed(_test);

    public async Task InitializeAsync()
    {
        await _test.Database.InitializeAsync(CancellationToken.None);
        _one = await _seed.GroupAsync("C1", "Group one");
        _two = await _seed.GroupAsync("C2", "Group two");
        _ada = await _seed.MemberAsync("U1", "Ada");
        await _seed.Members.SetTimeZoneAsync(_ada, "Europe/Berlin", CancellationToken.None);
        _bo = await _seed.MemberAsync("U2", "Bo", hidden: true);

        // Written out of time order on purpose: exports sort by time.
        var eigen = await _seed.ProblemAsync(_one, "la-eigen-2x2", Monday);
        var chain = await _seed.ProblemAsync(_two, "calc-chain-rule", Monday.AddHours(1));
        await _seed.EventAsync(_two, _ada, ParticipationKinds.ThreadQuestion, "q:C2:t1:m1", Monday.AddHours(3), Question);
        await _seed.AttemptAsync(chain, _ada, "2x", Outcome.Correct, Monday.AddHours(2), late: true);
        await _seed.EventAsync(_one, _ada, ParticipationKinds.ReadingDone, "session-1", Monday.AddMinutes(5));
        await _seed.AttemptAsync(eigen, _ada, "1/3", Outcome.Incorrect, Monday.AddMinutes(10));
        await _seed.AttemptAsync(eigen, _bo, "0.5", Outcome.Correct, Monday.AddMinutes(15));
        await _seed.AttemptAsync(eigen, _ada, "1/2", Outcome.Correct, Monday.AddMinutes(20));
        await _seed.EventAsync(_one, _bo, ParticipationKinds.Rsvp, "session-1", Monday.AddMinutes(30));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Member_export_has_the_profile_and_every_attempt_and_event_across_groups_oldest_first()
    {
        var export = await _seed.DataRights.ExportMemberAsync(_ada, CancellationToken.None);

        Assert.NotNull(export);
        Assert.Equal(
            (_ada, ChatPlatform.Slack, "U1", "Ada", (string?)"Europe/Berlin", false, Monday, Monday),
            (export.MemberId, export.Platform, export.PlatformUserId, export.DisplayName, export.TimeZoneId, export.HiddenFromLeaderboards, export.FirstSeenAt, export.LastSeenAt));
        Assert.Equal(
            [
                Event(_one, "Group one", _ada, "Ada", ParticipationKinds.ReadingDone, "session-1", Monday.AddMinutes(5)),
                Answer(_one, "Group one", _ada, "Ada", "la-eigen-2x2", 1, 1, "1/3", Outcome.Incorrect, false, Monday.AddMinutes(10)),
                Answer(_one, "Group one", _ada, "Ada", "la-eigen-2x2", 1, 2, "1/2", Outcome.Correct, false, Monday.AddMinutes(20)),
                Answer(_two, "Group two", _ada, "Ada", "calc-chain-rule", 1, 1, "2x", Outcome.Correct, true, Monday.AddHours(2)),
                Event(_two, "Group two", _ada, "Ada", ParticipationKinds.ThreadQuestion, "q:C2:t1:m1", Monday.AddHours(3)) with { Detail = Question },
            ],
            export.Records);
    }

    [Fact]
    public async Task Group_export_has_only_that_groups_records_and_pseudonymizes_hidden_members()
    {
        var records = await _seed.DataRights.ExportGroupAsync(_one, null, CancellationToken.None);

        var bo = $"member {_bo}";
        Assert.Equal(
            [
                Event(_one, "Group one", _ada, "Ada", ParticipationKinds.ReadingDone, "session-1", Monday.AddMinutes(5)),
                Answer(_one, "Group one", _ada, "Ada", "la-eigen-2x2", 1, 1, "1/3", Outcome.Incorrect, false, Monday.AddMinutes(10)),
                Answer(_one, "Group one", _bo, bo, "la-eigen-2x2", 1, 1, "0.5", Outcome.Correct, false, Monday.AddMinutes(15)),
                Answer(_one, "Group one", _ada, "Ada", "la-eigen-2x2", 1, 2, "1/2", Outcome.Correct, false, Monday.AddMinutes(20)),
                Event(_one, "Group one", _bo, bo, ParticipationKinds.Rsvp, "session-1", Monday.AddMinutes(30)),
            ],
            records);
        Assert.Empty(await _seed.DataRights.ExportGroupAsync(_two + 100, null, CancellationToken.None));
    }

    [Fact]
    public async Task Group_export_since_a_time_keeps_only_later_records_of_both_kinds()
    {
        var records = await _seed.DataRights.ExportGroupAsync(_one, Monday.AddMinutes(15), CancellationToken.None);

        Assert.Equal([Monday.AddMinutes(15), Monday.AddMinutes(20), Monday.AddMinutes(30)], records.Select(r => r.At));
        Assert.Equal([ParticipationKinds.ProblemAnswer, ParticipationKinds.ProblemAnswer, ParticipationKinds.Rsvp], records.Select(r => r.Kind));
    }

    [Fact]
    public async Task A_hidden_member_sees_their_own_name_in_their_own_export()
    {
        var export = await _seed.DataRights.ExportMemberAsync(_bo, CancellationToken.None);

        Assert.True(export!.HiddenFromLeaderboards);
        Assert.Equal(["Bo", "Bo"], export.Records.Select(r => r.MemberName));
    }

    [Fact]
    public async Task Unknown_member_has_no_export_and_cannot_be_forgotten()
    {
        Assert.Null(await _seed.DataRights.ExportMemberAsync(999, CancellationToken.None));
        Assert.Null(await _seed.DataRights.ForgetMemberAsync(999, Monday, CancellationToken.None));
    }

    [Fact]
    public async Task Forgetting_erases_identity_and_free_text_but_keeps_every_record_and_count()
    {
        await using (var context = _test.Database.CreateContext())
        {
            await context.Attempts.Where(a => a.MemberId == _ada).ExecuteUpdateAsync(set => set.SetProperty(a => a.Reading, a => a.RawInput));
        }

        var before = await SnapshotAsync();
        var forgottenAt = Monday.AddDays(3);

        var anonymous = await _seed.DataRights.ForgetMemberAsync(_ada, forgottenAt, CancellationToken.None);

        Assert.NotNull(anonymous);
        Assert.NotEqual(_ada, anonymous);
        Assert.Null(await _seed.DataRights.ExportMemberAsync(_ada, CancellationToken.None));
        var after = await SnapshotAsync(anonymous.Value);
        var ada = await _seed.DataRights.ExportMemberAsync(anonymous.Value, CancellationToken.None);
        Assert.Equal(
            ($"forgotten-{anonymous}", "forgotten member", (string?)null, true, forgottenAt, forgottenAt),
            (ada!.PlatformUserId, ada.DisplayName, ada.TimeZoneId, ada.HiddenFromLeaderboards, ada.FirstSeenAt, ada.LastSeenAt));
        var adaBefore = before.Exports[_ada]!.Records;
        Assert.Equal(
            adaBefore.Select(r => r with { MemberId = anonymous.Value, MemberName = "forgotten member", Answer = r.Answer is null ? null : "", Detail = null }),
            ada.Records);
        Assert.Equal(before.Exports[_bo]! with { Records = [] }, after.Exports[_bo]! with { Records = [] });
        Assert.Equal(before.Exports[_bo]!.Records, after.Exports[_bo]!.Records);
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Summaries, after.Summaries);
        Assert.Equal(before.Totals, after.Totals);
        Assert.All(
            await _seed.DataRights.ExportGroupAsync(_one, null, CancellationToken.None),
            r => Assert.Equal(r.MemberId == anonymous ? "forgotten member" : $"member {_bo}", r.MemberName));

        await using var check = _test.Database.CreateContext();
        Assert.False(await check.Members.AnyAsync(m => m.Id == _ada));
        Assert.False(await check.Attempts.AnyAsync(a => a.MemberId == _ada));
        Assert.False(await check.ParticipationEvents.AnyAsync(e => e.MemberId == _ada));
        var attempts = await check.Attempts.Where(a => a.MemberId == anonymous).ToListAsync();
        Assert.All(attempts, a => Assert.Equal(("", (string?)null, (string?)null), (a.RawInput, a.Reading, a.TimeZoneId)));
        Assert.All(await check.ParticipationEvents.Where(e => e.MemberId == anonymous).ToListAsync(), e => Assert.Null(e.Detail));
    }

    [Fact]
    public async Task Forgetting_twice_is_refused_the_second_time()
    {
        var anonymous = await _seed.DataRights.ForgetMemberAsync(_ada, Monday, CancellationToken.None);

        Assert.Null(await _seed.DataRights.ForgetMemberAsync(_ada, Monday.AddDays(1), CancellationToken.None));
        Assert.Null(await _seed.DataRights.ForgetMemberAsync(anonymous!.Value, Monday.AddDays(1), CancellationToken.None));
        Assert.Equal(Monday, (await _seed.DataRights.ExportMemberAsync(anonymous.Value, CancellationToken.None))!.LastSeenAt);
    }

    [Fact]
    public async Task Forgetting_a_member_with_no_records_deletes_it_and_leaves_no_anonymous_member()
    {
        var quiet = await _seed.MemberAsync("U9", "Quiet");
        await using var context = _test.Database.CreateContext();
        var members = await context.Members.CountAsync();

        Assert.Null(await _seed.DataRights.ForgetMemberAsync(quiet, Monday, CancellationToken.None));

        Assert.Equal(members - 1, await context.Members.CountAsync());
        Assert.Null(await _seed.DataRights.ExportMemberAsync(quiet, CancellationToken.None));
    }

    [Fact]
    public async Task A_forgotten_person_who_comes_back_is_a_new_member_with_no_records()
    {
        var anonymous = await _seed.DataRights.ForgetMemberAsync(_ada, Monday.AddDays(1), CancellationToken.None);

        var back = await _seed.Members.EnsureAsync(new MemberRef(ChatPlatform.Slack, "U1", "Ada"), Monday.AddDays(2), CancellationToken.None);

        Assert.DoesNotContain(back.Id, new[] { _ada, anonymous!.Value });
        Assert.Equal(("Ada", (string?)null), (back.DisplayName, back.TimeZoneId));
        Assert.Empty((await _seed.DataRights.ExportMemberAsync(back.Id, CancellationToken.None))!.Records);
        Assert.Equal("forgotten member", (await _seed.DataRights.ExportMemberAsync(anonymous.Value, CancellationToken.None))!.DisplayName);
    }

    /// <summary>The numbers, with Ada's records found under <paramref name="adaNow"/> once she is forgotten
    /// (and reported under her old id, so snapshots compare).</summary>
    private async Task<Snapshot> SnapshotAsync(long? adaNow = null)
    {
        var ada = adaNow ?? _ada;
        await using var context = _test.Database.CreateContext();
        var counts = (await context.Attempts.CountAsync(), await context.ParticipationEvents.CountAsync(), await context.Members.CountAsync());
        var summaries = new List<ProblemSummaryRow>();
        var totals = new List<(long Group, long Member, int Solved, int FirstTry, int Late)>();
        foreach (var group in new[] { _one, _two })
        {
            summaries.AddRange((await _seed.Problems.SummariesAsync(group, null, CancellationToken.None)).Select(s => new ProblemSummaryRow(group, s.Number, s.Attempts.Tried, s.Attempts.Solved, s.Attempts.SolvedFirstTry, s.Attempts.SolvedLate)));
            totals.AddRange((await _seed.Problems.SolveTotalsAsync(group, null, CancellationToken.None)).Select(t => (group, Member: t.MemberId == ada ? _ada : t.MemberId, t.Solved, t.FirstTry, t.Late)).OrderBy(t => t.Member));
        }

        var exports = new Dictionary<long, MemberDataExport?>
        {
            [_ada] = await _seed.DataRights.ExportMemberAsync(ada, CancellationToken.None),
            [_bo] = await _seed.DataRights.ExportMemberAsync(_bo, CancellationToken.None),
        };
        return new Snapshot(counts, summaries, totals, exports);
    }

    private static ParticipationRecord Event(long group, string groupName, long member, string name, string kind, string subject, DateTimeOffset at) =>
        new(group, groupName, member, name, kind, subject, ChatPlatform.Slack, at);

    private static ParticipationRecord Answer(long group, string groupName, long member, string name, string problemId, int number, int attempt, string answer, Outcome verdict, bool late, DateTimeOffset at) =>
        new(group, groupName, member, name, ParticipationKinds.ProblemAnswer, problemId, ChatPlatform.Slack, at)
        {
            ProblemNumber = number,
            AttemptNumber = attempt,
            Answer = answer,
            Verdict = verdict.ToString(),
            Late = late,
        };

    private sealed record ProblemSummaryRow(long Group, int Number, int Tried, int Solved, int FirstTry, int Late);

    private sealed record Snapshot(
        (int Attempts, int Events, int Members) Counts,
        List<ProblemSummaryRow> Summaries,
        List<(long Group, long Member, int Solved, int FirstTry, int Late)> Totals,
        Dictionary<long, MemberDataExport?> Exports);
}
