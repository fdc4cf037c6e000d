using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Participation;
using MathForML.Core.Problems;
using MathForML.Core.Scheduling;
using MathForML.Math;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.Participation.Benchmarks;

/// <summary>
/// A year in the life of a big group, written once into a database file. Groups, members, problems (posted,
/// revealed) and the heavy member's answers and reading go through the production stores; the other ~160k
/// answers and ~120k log events are inserted in one transaction with the same columns the stores write,
/// because a transaction per answer would take minutes. <see cref="SeededDatabase"/> checks afterwards that the
/// production queries see the same totals as plain SQL counts.
/// </summary>
internal static class ParticipationSeed
{
    /// <summary>Bump when the shape below changes, so a cached file from an older shape is not reused.</summary>
    public const int Version = 3;

    public const int MemberCount = 1_000;
    public const int DayCount = 365;
    public const int ReadingSessions = 50;
    public const string GroupZone = "Europe/Berlin";
    public const int RandomSeed = 20_261_124;

    public static readonly ConversationRef Home = new(ChatPlatform.Discord, "bench-guild", "bench-channel");
    public static readonly DateOnly FirstDay = new(2025, 11, 24);
    public static readonly TimeOnly PostTime = new(9, 0);

    /// <summary>"Now" for every query: 15:00 in the group's zone on the day of the 365th problem (still open).</summary>
    public static DateTimeOffset Now => LocalTimes.ToInstant(FirstDay.AddDays(DayCount - 1), new TimeOnly(15, 0), Zone(GroupZone));

    public static MemberRef HeavyMember => MemberRefAt(0);

    public static MemberRef LightMember => MemberRefAt(1);

    /// <summary>Zones some members set for themselves; the rest use the group's.</summary>
    private static readonly string[] OwnZones = ["America/New_York", "Asia/Kolkata", "America/Los_Angeles", "Asia/Tokyo", "Europe/London", "Australia/Sydney"];

    public static MemberRef MemberRefAt(int index) =>
        new(ChatPlatform.Discord, "u" + index.ToString("D4", CultureInfo.InvariantCulture), "Member " + index.ToString("D4", CultureInfo.InvariantCulture));

    public static async Task WriteAsync(IServiceProvider services, string connectionString, TextWriter log, CancellationToken cancellationToken)
    {
        var random = new Random(RandomSeed);
        var groupZone = Zone(GroupZone);
        var created = LocalTimes.ToInstant(FirstDay.AddDays(-7), PostTime, groupZone);
        var group = await services.GetRequiredService<IStudyGroupStore>().TryCreateAsync(new NewStudyGroup(Home, "Bench: a year of ML math", GroupZone, new GroupSettings(), created), cancellationToken)
            ?? throw new InvalidOperationException("The seed database already has the bench group.");

        var members = await CreateMembersAsync(services.GetRequiredService<IMemberStore>(), random, created, cancellationToken);
        log.WriteLine("seed: {0} members created", members.Count);
        var posts = await CreateProblemsAsync(services.GetRequiredService<IDailyProblemStore>(), group, groupZone, cancellationToken);
        log.WriteLine("seed: {0} problems posted", posts.Count);

        var attempts = new List<Attempt>();
        var events = new List<ParticipationEvent>();
        GenerateAnswers(random, group, members, posts, attempts, events);
        GenerateReading(random, group, members, groupZone, events);

        // The heavy member's year goes through the production write path (numbering, local day columns).
        var heavyId = members[0].Member.Id;
        var store = services.GetRequiredService<IDailyProblemStore>();
        var participation = services.GetRequiredService<IParticipationLog>();
        foreach (var attempt in attempts.Where(a => a.MemberId == heavyId))
        {
            await store.AddAttemptAsync(attempt, cancellationToken);
        }

        foreach (var e in events.Where(e => e.MemberId == heavyId))
        {
            await participation.RecordOnceAsync(e, cancellationToken);
        }

        await BulkInsertAsync(connectionString, attempts.Where(a => a.MemberId != heavyId), events.Where(e => e.MemberId != heavyId), cancellationToken);
        log.WriteLine("seed: {0} attempts and {1} log events written", attempts.Count, events.Count);
    }

    private static async Task<List<(Member Member, double Activity)>> CreateMembersAsync(IMemberStore store, Random random, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var members = new List<(Member, double)>(MemberCount);
        for (var i = 0; i < MemberCount; i++)
        {
            var member = await store.EnsureAsync(MemberRefAt(i), seenAt, cancellationToken);
            // Heavy: answers on 98% of days and nearly always solves. Light: a couple of times a month, in New York. Others: 5% keen,
            // 25% regular, 70% occasional (about 30% of members active on a given day); 15% set their own zone.
            var activity = i switch
            {
                0 => 0.98,
                1 => 0.06,
                _ => random.NextDouble() switch { < 0.05 => 0.9, < 0.30 => 0.5, _ => 0.18 },
            };
            var zone = i == 1 ? "America/New_York" : i > 1 && random.NextDouble() < 0.15 ? OwnZones[random.Next(OwnZones.Length)] : null;
            if (zone is not null)
            {
                await store.SetTimeZoneAsync(member.Id, zone, cancellationToken);
            }

            var hidden = i > 1 && i % 33 == 0;
            if (hidden)
            {
                await store.SetHiddenFromLeaderboardsAsync(member.Id, true, cancellationToken);
            }

            members.Add((member with { TimeZoneId = zone, HiddenFromLeaderboards = hidden }, activity));
        }

        return members;
    }

    private static async Task<List<DailyProblem>> CreateProblemsAsync(IDailyProblemStore store, StudyGroup group, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var posts = new List<DailyProblem>(DayCount);
        for (var d = 0; d < DayCount; d++)
        {
            var day = FirstDay.AddDays(d);
            var postedAt = LocalTimes.ToInstant(day, PostTime, zone);
            var deadline = LocalTimes.ToInstant(day.AddDays(1), PostTime, zone);
            var key = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var problem = await store.GetOrCreateAsync(group.Id, key, _ => "bench-" + d.ToString("D3", CultureInfo.InvariantCulture), postedAt, deadline, cancellationToken);
            await store.SetMessageAsync(problem.Id, new PostedMessage(group.Home, "msg-" + key, "thread-" + key), cancellationToken);
            if (d < DayCount - 1)
            {
                // Revealed at the deadline; the last one is today's and still open.
                await store.TryMarkRevealedAsync(problem.Id, deadline, cancellationToken);
            }

            posts.Add(problem with { RevealedAt = d < DayCount - 1 ? deadline : null });
        }

        return posts;
    }

    /// <summary>
    /// Per active member and day: a view, 1–3 attempts (60/28/12%), the last one correct for 70% of them (97% for the heavy member);
    /// 3% answer only after the reveal (late); a hint for a fifth of those who needed more than one try.
    /// </summary>
    private static void GenerateAnswers(Random random, StudyGroup group, List<(Member Member, double Activity)> members, List<DailyProblem> posts, List<Attempt> attempts, List<ParticipationEvent> events)
    {
        var now = Now;
        var groupZone = Zone(group.TimeZoneId);
        for (var d = 0; d < posts.Count; d++)
        {
            var post = posts[d];
            var today = d == posts.Count - 1;
            foreach (var (member, activity) in members)
            {
                if (random.NextDouble() >= activity)
                {
                    continue;
                }

                var late = d < posts.Count - 2 && member.Id != members[0].Member.Id && random.NextDouble() < 0.03;
                var windowStart = late ? post.Deadline : post.PostedAt;
                // Most answer the same evening (09:00–23:00 local); one in ten late at night or the next morning.
                var windowMinutes = today ? (now - post.PostedAt).TotalMinutes - 60 : late ? 30 * 60 : random.NextDouble() < 0.9 ? 14 * 60 : 22 * 60;
                var at = windowStart.AddMinutes(random.NextDouble() * windowMinutes);
                var count = random.NextDouble() switch { < 0.6 => 1, < 0.88 => 2, _ => 3 };
                var solves = random.NextDouble() < (member.Id == members[0].Member.Id ? 0.97 : 0.7);
                var zone = member.TimeZoneId is { } own ? Zone(own) : groupZone;
                var subject = "daily-" + post.Id.ToString(CultureInfo.InvariantCulture);
                events.Add(new ParticipationEvent(group.Id, member.Id, ParticipationKinds.ProblemViewed, subject, ChatPlatform.Discord, at.AddMinutes(-2)));
                for (var n = 1; n <= count; n++)
                {
                    var correct = solves && n == count;
                    attempts.Add(new Attempt(post.Id, member.Id, n, correct ? "0.5" : "0.25", correct ? Outcome.Correct : Outcome.Incorrect, correct ? 1 : 0, late, ChatPlatform.Discord, at)
                    {
                        LocalDay = LocalTimes.DateIn(at, zone),
                        TimeZoneId = zone.Id,
                    });
                    if (n == 1 && count > 1 && random.NextDouble() < 0.2)
                    {
                        events.Add(new ParticipationEvent(group.Id, member.Id, ParticipationKinds.Hint, subject + ":1", ChatPlatform.Discord, at.AddMinutes(1)));
                    }

                    at = at.AddMinutes(2 + random.Next(18));
                }
            }
        }
    }

    /// <summary>Weekly sessions from the third week; a member marks the reading done in the three days before, more often the keener they are.</summary>
    private static void GenerateReading(Random random, StudyGroup group, List<(Member Member, double Activity)> members, TimeZoneInfo zone, List<ParticipationEvent> events)
    {
        for (var s = 0; s < ReadingSessions; s++)
        {
            var session = LocalTimes.ToInstant(FirstDay.AddDays(14 + (7 * s)), new TimeOnly(19, 0), zone);
            var subject = "session-" + (s + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var (member, activity) in members)
            {
                if (random.NextDouble() < activity * 0.6)
                {
                    events.Add(new ParticipationEvent(group.Id, member.Id, ParticipationKinds.ReadingDone, subject, ChatPlatform.Discord, session.AddMinutes(-random.Next(3 * 24 * 60))));
                }
            }
        }
    }

    private static async Task BulkInsertAsync(string connectionString, IEnumerable<Attempt> attempts, IEnumerable<ParticipationEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO Attempts (ProblemPostId, MemberId, AttemptNumber, RawInput, Verdict, Score, SubmittedAt, LocalDay, TimeZoneId, Late, Platform) " +
                "VALUES ($post, $member, $number, $raw, $verdict, $score, $at, $day, $zone, $late, $platform)";
            var p = AddParameters(insert, "$post", "$member", "$number", "$raw", "$verdict", "$score", "$at", "$day", "$zone", "$late", "$platform");
            foreach (var a in attempts)
            {
                p[0].Value = a.DailyProblemId;
                p[1].Value = a.MemberId;
                p[2].Value = a.Number;
                p[3].Value = a.Answer;
                p[4].Value = a.Outcome.ToString();
                p[5].Value = a.Score;
                p[6].Value = a.At.ToUnixTimeMilliseconds();
                p[7].Value = a.LocalDay!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p[8].Value = a.TimeZoneId;
                p[9].Value = a.Late ? 1 : 0;
                p[10].Value = a.Platform.ToString();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO ParticipationEvents (GroupId, MemberId, Kind, Subject, Platform, OccurredAt) VALUES ($group, $member, $kind, $subject, $platform, $at)";
            var p = AddParameters(insert, "$group", "$member", "$kind", "$subject", "$platform", "$at");
            foreach (var e in events)
            {
                p[0].Value = e.GroupId;
                p[1].Value = e.MemberId;
                p[2].Value = e.Kind;
                p[3].Value = e.Subject;
                p[4].Value = e.Platform.ToString();
                p[5].Value = e.OccurredAt.ToUnixTimeMilliseconds();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))];

    private static TimeZoneInfo Zone(string id) => TimeZones.Find(id) ?? throw new InvalidOperationException($"Time zone {id} is not installed.");
}
