using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Math;
using MathForML.Storage.Entities;
using MathForML.Storage.Stores;

namespace MathForML.Storage.Tests.Stores;

/// <summary>Writes groups, members, posted problems, attempts and logged actions through the real stores.</summary>
internal sealed class ParticipationSeed(TestDatabase test)
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public SqliteDailyProblemStore Problems => new(test.Database);

    public SqliteMemberStore Members => new(test.Database);

    public SqliteParticipationLog Log => new(test.Database);

    public SqliteDataRights DataRights => new(test.Database);

    public SqliteGroupRoster Roster => new(test.Database);

    public async Task<long> GroupAsync(string channelId, string name) =>
        (await new SqliteStudyGroupStore(test.Database).TryCreateAsync(
            new NewStudyGroup(new ConversationRef(ChatPlatform.Slack, "T1", channelId), name, "UTC", new GroupSettings(), Monday), CancellationToken.None))!.Id;

    public async Task<long> MemberAsync(string platformUserId, string name, bool hidden = false)
    {
        var id = (await Members.EnsureAsync(new MemberRef(ChatPlatform.Slack, platformUserId, name), Monday, CancellationToken.None)).Id;
        if (hidden)
        {
            await Members.SetHiddenFromLeaderboardsAsync(id, true, CancellationToken.None);
        }

        return id;
    }

    public Task<DailyProblem> ProblemAsync(long groupId, string problemId, DateTimeOffset postedAt) =>
        Problems.GetOrCreateAsync(groupId, problemId + "@" + postedAt.ToUnixTimeSeconds(), _ => problemId, postedAt, postedAt.AddDays(1), CancellationToken.None);

    public Task<Attempt> AttemptAsync(DailyProblem problem, long memberId, string answer, Outcome outcome, DateTimeOffset at, bool late = false) =>
        Problems.AddAttemptAsync(
            new Attempt(problem.Id, memberId, 0, answer, outcome, outcome == Outcome.Correct ? 1 : 0, late, ChatPlatform.Slack, at)
            {
                LocalDay = DateOnly.FromDateTime(at.UtcDateTime),
                TimeZoneId = "Europe/Berlin",
            },
            CancellationToken.None);

    /// <summary>Unreadable input as older versions kept it: attempt number 0, never counted.</summary>
    public async Task InvalidAttemptAsync(DailyProblem problem, long memberId, string answer, DateTimeOffset at)
    {
        await using var context = test.Database.CreateContext();
        context.Attempts.Add(new AttemptEntity
        {
            ProblemPostId = problem.Id,
            MemberId = memberId,
            AttemptNumber = 0,
            RawInput = answer,
            Verdict = nameof(Outcome.Invalid),
            SubmittedAt = at,
            Platform = ChatPlatform.Slack,
        });
        await context.SaveChangesAsync();
    }

    public Task<bool> EventAsync(long groupId, long memberId, string kind, string subject, DateTimeOffset at, string? detail = null) =>
        Log.RecordOnceAsync(new ParticipationEvent(groupId, memberId, kind, subject, ChatPlatform.Slack, at) { Detail = detail }, CancellationToken.None);
}
