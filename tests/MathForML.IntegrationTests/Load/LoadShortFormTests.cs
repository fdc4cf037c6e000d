using MathForML.Load;
using Xunit.Abstractions;

namespace MathForML.IntegrationTests.Load;

/// <summary>
/// The CI short form of the load harness (bench/MathForML.Load, issue #13): the real host, as built here, as a
/// child process per platform against the loopback Discord and Slack, set up through commands, then one burst of
/// mixed commands from distinct members. Fails when any interaction is acknowledged after 3 s, never, or not answered.
/// </summary>
public sealed class LoadShortFormTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_burst_of_48_mixed_commands_from_distinct_members_is_acknowledged_within_3_s_and_answered_on_both_platforms()
    {
        var options = new LoadOptions
        {
            Platforms = ["discord", "slack"],
            BurstSize = 48,
            Bursts = 1,
            Mix = "mixed",
            DistinctMembers = true,
            // The host this test project builds (mathforml.dll beside the tests), not a separate publish.
            HostDirectory = AppContext.BaseDirectory,
            ReplyWait = TimeSpan.FromSeconds(20),
            Pause = TimeSpan.FromSeconds(1),
            TimeLimit = TimeSpan.FromMinutes(3),
        };
        using var log = new StringWriter();

        LoadOutcome outcome;
        try
        {
            outcome = await Harness.RunAsync(options, log, CancellationToken.None);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        Assert.Equal(2, outcome.Bursts.Count);
        Assert.All(outcome.Bursts, burst => Assert.Equal(48, burst.Count));
        Assert.False(outcome.Failed, "Some interactions were acknowledged late, never, or not answered:\n" + log);
    }
}
