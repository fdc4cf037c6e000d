using System.Globalization;
using System.Text.RegularExpressions;
using MathForML.Host.Cli;
using MathForML.TestKit;

namespace MathForML.Host.Tests.Cli;

/// <summary>The problem bank in config/problems passes validate-bank, the same check authors run.</summary>
public sealed partial class ShippedBankTests
{
    [Fact]
    public async Task The_shipped_bank_passes_every_check_and_meets_the_size_and_spread_targets()
    {
        using var run = new HostRun();

        var code = await run.RunAsync("", ["validate-bank", Repository.Path("config", "problems"), .. BankCommandsTests.SharedContent()]);

        Assert.True(code == ExitCodes.Ok, run.Out);
        var summary = Summary().Match(run.Out);
        Assert.True(summary.Success, run.Out);
        var (problems, parameterized) = (int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.True(problems >= 120, $"{problems} problems; the bank needs at least 120");
        Assert.True(parameterized * 3 >= problems, $"{parameterized} of {problems} parameterized; at least a third must be");
        foreach (var area in new[] { "linear-algebra", "calculus", "probability", "optimization" })
        {
            Assert.Contains(area, run.Out.Split('\n').Single(l => l.StartsWith("areas: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"(\d+) problems \((\d+) parameterized\) in \d+ files; 0 errors\.")]
    private static partial Regex Summary();
}
