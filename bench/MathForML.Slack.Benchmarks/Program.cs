using System.Diagnostics;
using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using MathForML.Slack.Benchmarks;
using MathForML.Slack.Hosting;
using MathForML.Slack.Tests.Loopback;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// A burst of slash commands over the loopback Socket Mode connection, through the real adapter and dispatcher.
// Reference: dotnet run -c Release --project bench/MathForML.Slack.Benchmarks
// Busy machine: dotnet run -c Release --project bench/MathForML.Slack.Benchmarks -- --quick   (200 instead of 500)
// CPU, database work and allocations per command through real Core and SQLite (issue 13, item 2; see README.md):
//   dotnet run -c Release --project bench/MathForML.Slack.Benchmarks -- --filter '*CommandBenchmarks*'
if (args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a is "--list" or "--help"))
{
    _ = MathForML.CommandBench.CommandReport.LoadAtStart;
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(CommandBenchmarks).Assembly).Run(args);
    MathForML.CommandBench.CommandReport.Write(Console.Out, typeof(CommandBenchmarks), "Slack");
    return;
}

var burst = args.Contains("--quick") ? 200 : 500;
const int PublicReplies = 5;

await using var slack = await LoopbackSlack.StartAsync();
var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
services.AddSingleton(TimeProvider.System);
services.AddSingleton<IStudyGroupStore, NoGroups>();
services.AddSingleton<IMemberStore, BenchMembers>();
services.AddSingleton<IPostLedger, NoLedger>();
services.AddSingleton<IThreadActivity, NoThreadActivity>();
services.AddSingleton<ICommandHandler, BenchAnswer>();
services.AddSingleton<ICommandHandler, BenchProblem>();
services.AddSingleton<CommandDispatcher>();
services.AddSlackBot(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Slack:AppToken"] = LoopbackSlack.AppToken,
    ["Slack:BotToken"] = LoopbackSlack.BotToken,
    ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
    ["Slack:ConnectionCount"] = "1",
}).Build());
await using var provider = services.BuildServiceProvider();
var bot = provider.GetRequiredService<SlackBotHostedService>();
await bot.StartAsync(CancellationToken.None);
var server = await slack.NextConnectionAsync();

// Warm-up: JIT and the users.info cache.
for (var i = 0; i < 20; i++)
{
    await server.SendSlashCommandAsync("warm-" + i.ToString(CultureInfo.InvariantCulture), "answer 1");
    await server.NextAckAsync();
}

var sentAt = new Dictionary<string, long>();
for (var i = 0; i < burst; i++)
{
    var id = "env-" + i.ToString(CultureInfo.InvariantCulture);
    sentAt[id] = Stopwatch.GetTimestamp();
    await server.SendSlashCommandAsync(id, "answer " + i.ToString(CultureInfo.InvariantCulture));
}

var ackMs = new List<double>();
var withReply = 0;
for (var i = 0; i < burst; i++)
{
    RecordedAck ack;
    try
    {
        ack = await server.Acks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }
    catch (TimeoutException)
    {
        break; // left unacknowledged (envelope queue full): Slack would redeliver them
    }

    ackMs.Add(Stopwatch.GetElapsedTime(sentAt[ack.EnvelopeId], ack.ReceivedAt).TotalMilliseconds);
    withReply += ack.Payload is { } p && p.GetProperty("text").GetString()!.StartsWith("Correct", StringComparison.Ordinal) ? 1 : 0;
}

ackMs.Sort();
Console.WriteLine($"Burst of {burst} /mfml answer envelopes (ephemeral reply carried on the ack):");
Console.WriteLine($"  envelope-in -> ack with reply: median {Pct(ackMs, 0.5):F1} ms, p99 {Pct(ackMs, 0.99):F1} ms, max {ackMs[^1]:F1} ms; replies {withReply}/{burst}; unacknowledged {burst - ackMs.Count}");

var adapterState = provider.GetRequiredService<MathForML.Slack.Adapter.SlackAdapterState>();
Console.WriteLine($"  adapter stopped: {adapterState.StopReason ?? "no"}");

// Public replies: ack (empty) then chat.postMessage, paced ~1 message/s per channel.
var start = Stopwatch.GetTimestamp();
var postsBefore = slack.CallCount("chat.postMessage");
for (var i = 0; i < PublicReplies; i++)
{
    await server.SendSlashCommandAsync("pub-" + i.ToString(CultureInfo.InvariantCulture), "problem");
}

var publicAcks = new List<double>();
for (var i = 0; i < PublicReplies; i++)
{
    var ack = await server.NextAckAsync();
    publicAcks.Add(Stopwatch.GetElapsedTime(start, ack.ReceivedAt).TotalMilliseconds);
}

await slack.WaitForCallsAsync("chat.postMessage", postsBefore + PublicReplies).WaitAsync(TimeSpan.FromSeconds(30));
var firstPost = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
Console.WriteLine($"{PublicReplies} public /mfml problem in one channel: acks within {publicAcks.Max():F1} ms; all {PublicReplies} chat.postMessage done after {firstPost:F0} ms (pacing ~1/s per channel => >= {(PublicReplies - 1) * 1000} ms)");

await bot.StopAsync(CancellationToken.None);

static double Pct(List<double> sorted, double p) => sorted[int.Min(sorted.Count - 1, (int)(sorted.Count * p))];
