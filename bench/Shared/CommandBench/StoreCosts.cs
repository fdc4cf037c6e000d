using System.Diagnostics;
using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Core.Problems;

namespace MathForML.CommandBench;

/// <summary>
/// Where a command's CPU goes below the adapter: each Storage call /answer makes, called directly (no platform, no
/// dispatcher) on the same migrated file, with process CPU, wall time and allocations per call. Not BenchmarkDotNet:
/// a plain loop after a warm-up, so read the figures as a breakdown, not as the headline.
/// </summary>
internal static class StoreCosts
{
    public static async Task RunAsync(TextWriter output, int calls)
    {
        var place = new BenchPlace(ChatPlatform.Discord, "333333333333333333", "555555555555555555", "555555555555555556");
        await using var world = await BenchWorld.CreateAsync(place, new Dictionary<string, string?>(), (_, _) => { },
            i => (700_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture), poolSize: (calls * 3) + 200);
        var services = world.Services;
        var members = (IMemberStore)services.GetService(typeof(IMemberStore))!;
        var groups = (IStudyGroupStore)services.GetService(typeof(IStudyGroupStore))!;
        var problems = (IDailyProblemStore)services.GetService(typeof(IDailyProblemStore))!;
        var home = world.OpenGroup.Home;
        var regular = new MemberRef(ChatPlatform.Discord, "600000000000000001", BenchNames.DisplayName("600000000000000001"));
        var seen = DateTimeOffset.UtcNow;
        var known = await members.EnsureAsync(regular, seen, CancellationToken.None);
        var daily = await problems.LatestAsync(world.OpenGroup.Id, CancellationToken.None) ?? throw new InvalidOperationException("No daily problem.");

        var tick = seen;

        // Twice: the first pass only warms up (tier-1 JIT runs on a background thread and would be counted as process CPU).
        async Task Pass(bool print)
        {
            // The floor under every store call: the same kind of single-row read through Microsoft.Data.Sqlite alone, on a
            // pooled connection opened per call with the PRAGMA Storage's interceptor runs, but no EF Core.
            var connectionString = ((MathForML.Storage.SqliteDatabase)services.GetService(typeof(MathForML.Storage.SqliteDatabase))!).ConnectionString;
            await Measure(print ? output : TextWriter.Null, "no EF: open + PRAGMA busy_timeout + SELECT member by id", calls, async _ =>
            {
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA busy_timeout = 5000;";
                    await pragma.ExecuteNonQueryAsync();
                }

                await using var select = connection.CreateCommand();
                select.CommandText = "SELECT * FROM \"Members\" WHERE \"Id\" = $id LIMIT 1";
                select.Parameters.AddWithValue("$id", known.Id);
                await using var reader = await select.ExecuteReaderAsync();
                return await reader.ReadAsync();
            });
            await Measure(print ? output : TextWriter.Null, "IMemberStore.EnsureAsync, known, not newer (1 read)", calls, _ => members.EnsureAsync(regular, seen, CancellationToken.None));
            await Measure(print ? output : TextWriter.Null, "IMemberStore.EnsureAsync, known, seen later (read+UPDATE)", calls, _ =>
            {
                tick = tick.AddMilliseconds(1);
                return members.EnsureAsync(regular, tick, CancellationToken.None);
            });
            await Measure(print ? output : TextWriter.Null, "IStudyGroupStore.FindByHomeAsync", calls, _ => groups.FindByHomeAsync(home, CancellationToken.None));
            await Measure(print ? output : TextWriter.Null, "IDailyProblemStore.LatestAsync", calls, _ => problems.LatestAsync(world.OpenGroup.Id, CancellationToken.None));
            await Measure(print ? output : TextWriter.Null, "IDailyProblemStore.AttemptsAsync (none yet)", calls, _ => problems.AttemptsAsync(daily.Id, known.Id, CancellationToken.None));
            var pooled = new List<long>();
            for (var i = 0; i < calls + (calls / 4); i++)
            {
                var id = world.NextUnansweredMember();
                pooled.Add((await members.EnsureAsync(new MemberRef(ChatPlatform.Discord, id, BenchNames.DisplayName(id)), seen, CancellationToken.None)).Id);
            }

            await Measure(print ? output : TextWriter.Null, "IDailyProblemStore.AddAttemptAsync (tx: COUNT + INSERT)", calls, i => problems.AddAttemptAsync(
                new Attempt(daily.Id, pooled[i], 0, "121", Math.Outcome.Incorrect, 0, false, ChatPlatform.Discord, seen) { LocalDay = DateOnly.FromDateTime(seen.UtcDateTime), TimeZoneId = "UTC" },
                CancellationToken.None));

            // Core's own work in /answer between the store calls (no I/O): the group's instance of the problem, then the judge.
            var problem = world.Problem;
            var groupId = world.OpenGroup.Id;
            await Measure(print ? output : TextWriter.Null, "DailyProblemService.GroupInstance (key for the judge)", calls, _ => Task.FromResult(DailyProblemService.GroupInstance(problem, groupId)));
            var key = DailyProblemService.GroupInstance(problem, groupId)!.Key;
            var judge = new Math.AnswerJudge();
            await Measure(print ? output : TextWriter.Null, "AnswerJudge.Judge(\"1/\") malformed", calls, _ => Task.FromResult(judge.Judge("1/", key)));
            await Measure(print ? output : TextWriter.Null, "AnswerJudge.Judge(wrong)", calls, _ => Task.FromResult(judge.Judge("(" + world.RightAnswer + ")+1", key)));
            await Measure(print ? output : TextWriter.Null, "AnswerJudge.Judge(right)", calls, _ => Task.FromResult(judge.Judge(world.RightAnswer, key)));
        }

        await Pass(print: false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Storage calls one at a time, {calls} each after {calls / 4} warm-up (real SQLite file, WAL):"));
        output.WriteLine("call                                                    CPU µs/call   wall µs/call   KB/call");
        await Pass(print: true);
    }

    private static async Task Measure<T>(TextWriter output, string name, int calls, Func<int, Task<T>> call)
    {
        var warmup = calls / 4;
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }

        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call(warmup + i);
        }

        var elapsed = Stopwatch.GetElapsedTime(wall);
        var cpuUs = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / calls;
        var kb = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / calls;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-56}{cpuUs,11:F0}{elapsed.TotalMicroseconds / calls,15:F0}{kb,10:F1}"));
    }
}
