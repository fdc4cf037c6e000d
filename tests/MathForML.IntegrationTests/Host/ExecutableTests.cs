using System.Diagnostics;
using MathForML.Host.Cli;
using MathForML.TestKit;

namespace MathForML.IntegrationTests.Host;

public sealed class ExecutableTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Piped_help_is_answered_on_stdout_and_logs_stay_on_stderr()
    {
        var (code, output, error) = await BotProcess.RunAsync(_folder.Path, "/help\n");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("> /help", output, StringComparison.Ordinal);
        Assert.Contains("/group setup <time-zone> [name]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", output, StringComparison.Ordinal);
        Assert.Contains("is ready", error, StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.File("data/mathforml.db")));
    }

    [Fact]
    public async Task Data_survives_a_restart_of_the_process()
    {
        var first = await BotProcess.RunAsync(_folder.Path, "/group timezone Australia/Sydney\n");
        Assert.Equal(ExitCodes.Ok, first.Code);

        var second = await BotProcess.RunAsync(_folder.Path, "/group show\n");

        Assert.Contains("Time zone: Australia/Sydney", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_while_waiting_for_input_shuts_down_promptly_and_cleanly()
    {
        using var bot = BotProcess.Start(_folder.Path);
        await bot.WaitForErrorTextAsync("is ready", TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        using (var kill = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var code = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(clock.Elapsed < MathForML.Host.Hosting.BotHost.ShutdownTimeout, $"shutdown took {clock.Elapsed}");
    }

    [Fact]
    public async Task Bad_environment_variable_stops_the_host_and_names_the_variable()
    {
        var environment = new Dictionary<string, string> { ["MATHFORML__Storage__BusyTimeoutSeconds"] = "0" };

        var (code, output, error) = await BotProcess.RunAsync(_folder.Path, "/help\n", environment);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("Storage:BusyTimeoutSeconds (from environment variable MATHFORML__Storage__BusyTimeoutSeconds): must be between 1 and 300 seconds (was 0).", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }
}
