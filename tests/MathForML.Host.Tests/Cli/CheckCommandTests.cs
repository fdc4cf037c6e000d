using System.Text.Json;
using MathForML.Host.Cli;

namespace MathForML.Host.Tests.Cli;

public sealed class CheckCommandTests
{
    [Theory]
    [InlineData(new[] { "check", "1/4", "--expect", "0.25" }, "correct", "correct")]
    [InlineData(new[] { "check", "0.3", "--expect", "1/3" }, "incorrect", null)]
    [InlineData(new[] { "check", "1/(2+3", "--expect", "0.2" }, "invalid", "missing-close-paren")]
    [InlineData(new[] { "check", "3.14", "--expect", "pi", "--tolerance", "0.01" }, "correct", "correct")]
    [InlineData(new[] { "check", "3.14", "--expect", "pi", "--mode", "exact" }, "incorrect", null)]
    [InlineData(new[] { "check", "0.333", "--expect", "1/3", "--sigfigs", "3" }, "correct", "correct")]
    [InlineData(new[] { "check", "{3, 2}", "--expect", "{2, 3}" }, "correct", "correct")]
    [InlineData(new[] { "check", "--", "-0.5", "--expect", "-1/2" }, "correct", "correct")]
    public async Task One_answer_prints_one_verdict_object(string[] args, string outcome, string? reason)
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Ok, await run.RunAsync("", args));

        using var verdict = JsonDocument.Parse(run.Out);
        Assert.Equal(outcome, verdict.RootElement.GetProperty("outcome").GetString());
        if (reason is not null)
        {
            Assert.Equal(reason, verdict.RootElement.GetProperty("reason").GetString());
        }

        Assert.True(verdict.RootElement.TryGetProperty("reading", out _));
        Assert.True(verdict.RootElement.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Position_of_a_parse_error_is_reported()
    {
        using var run = new HostRun();

        await run.RunAsync("", ["check", "1/(2+3", "--expect", "0.2"]);

        Assert.Equal(5, JsonDocument.Parse(run.Out).RootElement.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task A_malformed_key_is_an_error_object_and_a_usage_exit_code()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Usage, await run.RunAsync("", ["check", "1", "--expect", "1/("]));

        var error = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("invalid-key", error.GetProperty("error").GetString());
        Assert.Equal(2, error.GetProperty("position").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "check", "1" }, CheckCommand.MissingExpect)]
    [InlineData(new[] { "check", "--expect", "1" }, CheckCommand.MissingAnswer)]
    [InlineData(new[] { "check", "1", "--expect" }, "check option '--expect' needs a value.")]
    [InlineData(new[] { "check", "1", "--expect", "1", "--mode", "fuzzy" }, "check --mode must be one of")]
    [InlineData(new[] { "check", "1", "--expect", "1", "--tolerance", "lots" }, "check option '--tolerance' needs a number, not 'lots'.")]
    [InlineData(new[] { "check", "1", "--expect", "1", "--frobnicate", "2" }, "check does not know the option '--frobnicate'")]
    public async Task Usage_errors_say_what_is_missing(string[] args, string message)
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Usage, await run.RunAsync("", args));
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_answers_each_line_in_order_and_flags_bad_lines()
    {
        using var run = new HostRun();
        var input = string.Join('\n',
            """{"answer":"[1,2]","expect":"[1, 2.0]"}""",
            "not json",
            "",
            """{"answer":"{3,2}","expect":"{2,3}","options":{"mode":"exact"}}""",
            """{"answer":"0.12","expect":"0.123","options":{"mode":"decimalPlaces","decimalPlaces":2}}""",
            """{"answer":"1"}""",
            new string('x', CheckCommand.MaxLineLength + 1)) + "\n";

        Assert.Equal(ExitCodes.Failure, await run.RunAsync(input, ["check", "--jsonl"]));

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal("correct", lines[0].GetProperty("outcome").GetString());
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Equal("correct", lines[2].GetProperty("outcome").GetString());
        Assert.Equal("correct", lines[3].GetProperty("outcome").GetString());
        Assert.Equal(6, lines[4].GetProperty("line").GetInt32());
        Assert.Equal(7, lines[5].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task No_output_ever_contains_the_expected_answer_of_a_wrong_attempt()
    {
        using var run = new HostRun();

        await run.RunAsync("", ["check", "-0.75", "--expect", "0.75"]);

        Assert.DoesNotContain("0.75\"", run.Out.Replace("\"reading\":\"-0.75\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"incorrect\"", run.Out, StringComparison.Ordinal);
    }
}
