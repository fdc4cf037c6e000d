using MathForML.Host.Cli;

namespace MathForML.Host.Tests.Cli;

public sealed class CliApplicationTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_usage(string verb)
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Ok, await run.RunAsync("", [verb]));
        Assert.Equal(CliMessages.Usage + Environment.NewLine, run.Out);
    }

    [Fact]
    public async Task Unknown_verb_is_a_usage_error()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Usage, await run.RunAsync("", ["chekc"]));
        Assert.Contains("Unknown command 'chekc'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_something()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Ok, await run.RunAsync("", ["version"]));
        Assert.False(string.IsNullOrWhiteSpace(run.Out));
    }
}
