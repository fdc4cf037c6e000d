using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MathForML.Slack.Tests.Loopback;
using Xunit.Abstractions;

namespace MathForML.Slack.Tests;

public sealed class BurstTests(ITestOutputHelper output)
{
    private const int BurstSize = 200;
    private const int WarmUp = 20;

    [Fact]
    public async Task Burst_of_200_slash_commands_is_delivered_once_each_and_acknowledged_with_payloads()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        // Fake clock: the auto-ack deadline cannot fire on a loaded machine, so every ack must be the handler's.
        await using var clients = new SlackClients(slack, new SignallingClock());
        await clients.SocketMode.StartAsync();
        var server = await slack.NextConnectionAsync();
        // Warm-up round trips first, so the figures describe the steady state rather than first-call JIT.
        for (var i = 0; i < WarmUp; i++)
        {
            await server.SendSlashCommandAsync("warm-" + i.ToString(CultureInfo.InvariantCulture));
            await (await clients.NextEnvelopeAsync()).AckAsync();
            await server.NextAckAsync();
        }

        var sentAt = new Dictionary<string, long>();
        var handler = Task.Run(async () =>
        {
            for (var i = 0; i < BurstSize; i++)
            {
                var envelope = await clients.NextEnvelopeAsync();
                var reply = JsonDocument.Parse($$"""{"text":"ack {{envelope.EnvelopeId}}"}""").RootElement;
                await envelope.AckAsync(reply);
            }
        });

        for (var i = 0; i < BurstSize; i++)
        {
            var id = "env-" + i.ToString(CultureInfo.InvariantCulture);
            sentAt[id] = Stopwatch.GetTimestamp();
            await server.SendSlashCommandAsync(id, "answer " + i.ToString(CultureInfo.InvariantCulture));
        }

        var sendLoopMs = Stopwatch.GetElapsedTime(sentAt["env-0"]).TotalMilliseconds;
        var latencies = new List<double>();
        var acked = new HashSet<string>();
        for (var i = 0; i < BurstSize; i++)
        {
            var ack = await server.NextAckAsync();
            latencies.Add(Stopwatch.GetElapsedTime(sentAt[ack.EnvelopeId], ack.ReceivedAt).TotalMilliseconds);
            Assert.True(acked.Add(ack.EnvelopeId), $"{ack.EnvelopeId} acknowledged twice");
            Assert.Equal("ack " + ack.EnvelopeId, ack.Payload?.GetProperty("text").GetString());
        }

        await handler.WaitAsync(TestWait.Limit);
        latencies.Sort();
        output.WriteLine($"sending the burst took {sendLoopMs:F2} ms");
        output.WriteLine($"envelope-in → ack over loopback, burst of {BurstSize}: min {latencies[0]:F2} ms, median {latencies[BurstSize / 2]:F2} ms, p99 {latencies[(int)(BurstSize * 0.99)]:F2} ms, max {latencies[^1]:F2} ms");
        Assert.Equal(BurstSize, acked.Count);
        Assert.False(clients.SocketMode.Envelopes.TryRead(out _));
    }
}
