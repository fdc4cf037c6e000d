using System.Diagnostics;
using System.Globalization;
using MathForML.Discord.Gateway;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Discord.Benchmarks;

/// <summary>
/// Measurements that BenchmarkDotNet's one-call-at-a-time model does not fit: latency percentiles of
/// single and 200 concurrent interactions, and memory after 1,000 GUILD_CREATE dispatches.
/// </summary>
internal static class Harness
{
    public static async Task LatencyAsync(TextWriter output, int sequential, int concurrent)
    {
        await using var rig = await BotRig.StartAsync();
        var problem = BotRig.ProblemCommand.Path;
        for (var i = 0; i < 100; i++)
        {
            await rig.RoundTripAsync("answer", "1/4");
            await rig.RoundTripAsync(problem);
        }

        output.WriteLine("interaction in (gateway dispatch sent) → interaction callback received, loopback, real clock");
        output.WriteLine("case                                           n   median ms   p99 ms   max ms   wall ms");
        foreach (var (name, command, value) in new[] { ("/answer", "answer", "1/4"), ($"/{problem} (rendered PNG)", problem, (string?)null) })
        {
            var single = new List<TimeSpan>();
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < sequential; i++)
            {
                single.Add(await rig.RoundTripAsync(command, value));
            }

            Report(output, name + " single", single, wall.Elapsed);
            wall.Restart();
            var burst = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => rig.RoundTripAsync(command, value)));
            Report(output, name + $" ×{concurrent} concurrent", burst, wall.Elapsed);
        }
    }

    public static async Task MemoryAsync(TextWriter output, int guilds)
    {
        await using var rig = await BotRig.StartAsync();
        await rig.RoundTripAsync("answer", "1/4");
        var gateway = rig.Gateway;
        var (managedBefore, workingBefore) = Measure();
        var delivered = gateway.Diagnostics.DispatchesDelivered;
        var payloadBytes = 0L;
        for (var i = 0; i < guilds; i++)
        {
            var guild = GuildCreate(i);
            payloadBytes += System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(guild).Length;
            await rig.Server.DispatchAsync("GUILD_CREATE", guild);
        }

        var wait = Stopwatch.StartNew();
        while (gateway.Diagnostics.DispatchesDelivered < delivered + guilds && wait.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10);
        }

        var deliveredGuilds = gateway.Diagnostics.DispatchesDelivered - delivered;
        await rig.RoundTripAsync("answer", "1/4");
        var (managedAfter, workingAfter) = Measure();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{guilds} GUILD_CREATE dispatches ({payloadBytes / 1024.0 / 1024.0:F1} MB of JSON, {payloadBytes / guilds / 1024.0:F1} KB each) delivered: {deliveredGuilds}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"managed heap (GC heap size after a full compacting GC): {Mb(managedBefore):F1} MB before → {Mb(managedAfter):F1} MB after ({Mb(managedAfter - managedBefore):+0.0;-0.0} MB)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"working set: {Mb(workingBefore):F1} MB before → {Mb(workingAfter):F1} MB after (process includes the loopback server and Kestrel)"));
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes, process.WorkingSet64);
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    /// <summary>A mid-sized guild as Discord sends it with the Guilds intent: channels, roles, emojis, the bot as the only member.</summary>
    private static object GuildCreate(int index)
    {
        var id = (400_000_000_000_000_000L + index).ToString(CultureInfo.InvariantCulture);
        return new
        {
            id,
            name = $"Study guild {index}",
            owner_id = "12345678901234567",
            member_count = 250 + index,
            large = false,
            joined_at = "2026-01-05T09:00:00.000000+00:00",
            features = new[] { "COMMUNITY", "NEWS" },
            roles = Enumerable.Range(0, 30).Select(r => new { id = $"{id[..15]}{r:D3}", name = $"role {r}", color = r * 1000, hoist = false, position = r, permissions = "2248473465835073", managed = false, mentionable = true }),
            channels = Enumerable.Range(0, 60).Select(c => new
            {
                id = $"{id[..14]}{c:D4}", type = c % 10 == 0 ? 4 : 0, name = $"channel-{c}", position = c, parent_id = (string?)null,
                topic = "Linear algebra, calculus, probability and optimization for machine learning.",
                permission_overwrites = new[] { new { id, type = 0, allow = "1024", deny = "0" } }, rate_limit_per_user = 0, nsfw = false,
            }),
            threads = Array.Empty<object>(),
            emojis = Enumerable.Range(0, 20).Select(e => new { id = $"{id[..13]}{e:D5}", name = $"emoji_{e}", animated = false, available = true }),
            members = new[] { new { user = new { id = LoopbackDiscord.BotUserId, username = "mathbot", bot = true }, roles = Array.Empty<string>(), joined_at = "2026-01-05T09:00:00.000000+00:00" } },
            voice_states = Array.Empty<object>(),
            presences = Array.Empty<object>(),
        };
    }

    private static void Report(TextWriter output, string name, IReadOnlyList<TimeSpan> samples, TimeSpan wall)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        var p99 = sorted[int.Min(sorted.Length - 1, (int)double.Ceiling(sorted.Length * 0.99) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-44}{sorted.Length,4}{sorted[sorted.Length / 2],11:F2}{p99,9:F2}{sorted[^1],9:F2}{wall.TotalMilliseconds,10:F0}"));
    }
}
