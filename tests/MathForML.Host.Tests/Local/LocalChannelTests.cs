using MathForML.Core.Commands;
using MathForML.Host.Cli;
using MathForML.Host.Local;

namespace MathForML.Host.Tests.Local;

public sealed class LocalChannelTests
{
    [Fact]
    public async Task Piped_help_is_answered_and_the_program_exits_cleanly_at_end_of_input()
    {
        using var run = new HostRun();

        var code = await run.RunAsync("/help\n");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("> /help" + Environment.NewLine + LocalTranscript.PlainText(HelpText.Title), run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(run.Folder.File("data/mathforml.db")));
    }

    [Fact]
    public async Task Empty_input_exits_cleanly()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Ok, await run.RunAsync(""));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Text_that_is_not_a_command_gets_a_pointer_to_help()
    {
        using var run = new HostRun();

        await run.RunAsync("what is an eigenvalue?\n");

        Assert.Contains(CommandMessages.NotACommand, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_group_and_its_changes_survive_a_restart()
    {
        using var run = new HostRun();
        await run.RunAsync("/group timezone Asia/Tokyo\n");

        await run.RunAsync("/group show\n");

        Assert.Contains("Time zone: Asia/Tokyo", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_group_name_and_zone_are_used_for_the_local_group()
    {
        using var run = new HostRun();

        await run.RunAsync("/group\n", ["--Local:GroupName=ESL readers", "--Local:TimeZone=Europe/Madrid"]);

        Assert.Contains("ESL readers", run.Out, StringComparison.Ordinal);
        Assert.Contains("Time zone: Europe/Madrid", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_channel_off_runs_no_terminal_chat()
    {
        using var run = new HostRun();

        var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var io = new CliIo(new StringReader("/help\n"), new StringWriter(), new StringWriter(), false, run.Folder.Path);
        var code = await MathForML.Host.Hosting.BotHost.RunAsync(["--Local:Mode=Off"], io, new Dictionary<string, string?>(), stop.Token);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", io.Out.ToString());
    }

    [Theory]
    [InlineData("**bold** and *italic*", "bold and italic")]
    [InlineData("2*x*y stays", "2*x*y stays")]
    [InlineData("`/help` *(coming soon)*", "`/help` (coming soon)")]
    public void Markdown_emphasis_is_dropped_for_the_terminal(string markdown, string plain)
    {
        Assert.Equal(plain, LocalTranscript.PlainText(markdown));
    }
}

public sealed class LocalTexTests
{
    [Fact]
    public async Task Tex_writes_a_png_under_renders_and_shows_its_path_and_alt_text()
    {
        using var run = new HostRun();

        await run.RunAsync("/tex e^{i\\pi} + 1 = 0\n");

        var image = Assert.Single(Directory.GetFiles(run.Folder.File("data/renders")));
        Assert.Equal([137, 80, 78, 71], File.ReadAllBytes(image)[..4]);
        Assert.Contains($"[image: {image} (", run.Out, StringComparison.Ordinal);
        Assert.Contains("alt text: e^{i\\pi} + 1 = 0]", run.Out, StringComparison.Ordinal);
    }
}
