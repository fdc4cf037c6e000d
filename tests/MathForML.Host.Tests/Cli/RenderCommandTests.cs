using System.Buffers.Binary;
using System.Text.Json;
using MathForML.Host.Cli;

namespace MathForML.Host.Tests.Cli;

public sealed class RenderCommandTests
{
    private static readonly byte[] PngSignature = [137, 80, 78, 71, 13, 10, 26, 10];

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_formula_becomes_a_png_whose_size_matches_the_report(string theme)
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Ok, await run.RunAsync("", ["render", @"\frac{a}{b} + \sqrt{2}", "-o", "f.png", "--display", "--theme", theme, "--scale", "2"]));

        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(report.GetProperty("ok").GetBoolean());
        var png = File.ReadAllBytes(run.Folder.File("f.png"));
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(report.GetProperty("width").GetInt32(), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(report.GetProperty("height").GetInt32(), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task An_unknown_command_is_reported_with_its_position_and_no_file()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Failure, await run.RunAsync("", ["render", @"x + \frca{1}{2}", "-o", "g.png"]));

        var error = JsonDocument.Parse(run.Out).RootElement.GetProperty("error").GetString();
        Assert.Contains(@"\frca", error, StringComparison.Ordinal);
        Assert.Contains("position 4", error, StringComparison.Ordinal);
        Assert.False(File.Exists(run.Folder.File("g.png")));
    }

    [Fact]
    public async Task Jsonl_renders_each_line_into_the_folder_and_refuses_unsafe_names()
    {
        using var run = new HostRun();
        var input = """
            {"name":"square","tex":"x^2"}
            {"name":"../escape","tex":"x"}
            {"name":"sum","tex":"\\sum_{i=1}^n i","display":true}
            {"tex":"x"}
            """;

        Assert.Equal(ExitCodes.Failure, await run.RunAsync(input + "\n", ["render", "--jsonl", "out"]));

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([true, false, true, false], lines.Select(l => l.GetProperty("ok").GetBoolean()));
        Assert.Equal(RenderCommand.BadNameFormat, lines[1].GetProperty("error").GetString());
        Assert.Equal(["square.png", "sum.png"], Directory.GetFiles(run.Folder.File("out")).Select(Path.GetFileName).Order());
        Assert.False(File.Exists(run.Folder.File("escape.png")));
    }

    [Theory]
    [InlineData(new[] { "render" }, RenderCommand.MissingLatex)]
    [InlineData(new[] { "render", "x" }, RenderCommand.MissingOutput)]
    [InlineData(new[] { "render", "x", "-o" }, "render option '-o' needs a value.")]
    [InlineData(new[] { "render", "x", "-o", "x.png", "--theme", "sepia" }, "render --theme must be light or dark, not 'sepia'.")]
    [InlineData(new[] { "render", "x", "-o", "x.png", "--scale", "100" }, "render --scale must be a number from 0.25 to 8, not '100'.")]
    public async Task Usage_errors_say_what_is_wrong(string[] args, string message)
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Usage, await run.RunAsync("", args));
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
