using MathForML.Host.Cli;
using MathForML.Host.Hosting;

namespace MathForML.Host.Tests.Hosting;

/// <summary>A bad setting stops the host with the key, where its value came from, and what is wrong.</summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task Out_of_range_value_in_the_settings_file_names_file_key_and_range()
    {
        using var run = new HostRun();
        run.WriteSettings("""{ "Storage": { "BusyTimeoutSeconds": 0 } }""");

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("/help\n"));

        Assert.Contains(BotHost.ConfigErrorHeader, run.Error, StringComparison.Ordinal);
        Assert.Contains("Storage:BusyTimeoutSeconds (from config/appsettings.json): must be between 1 and 300 seconds (was 0).", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Bad_value_from_an_environment_variable_names_the_variable()
    {
        using var run = new HostRun();
        var environment = new Dictionary<string, string?> { ["MATHFORML__Local__TimeZone"] = "Mars/Base" };

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("", environment: environment));

        Assert.Contains("Local:TimeZone (from environment variable MATHFORML__Local__TimeZone): 'Mars/Base' is not an IANA time zone", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_type_on_the_command_line_is_reported_before_binding()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("", ["--Storage:BusyTimeoutSeconds=soon"]));

        Assert.Contains("Storage:BusyTimeoutSeconds (from command line --Storage:BusyTimeoutSeconds): 'soon' is not a whole number.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Misspelt_key_is_reported_with_a_suggestion()
    {
        using var run = new HostRun();
        run.WriteSettings("""{ "Storage": { "DatabasPath": "x.db" } }""");

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync(""));

        Assert.Contains("Storage:DatabasPath (from config/appsettings.json): is not a setting MathForML knows", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean DatabasePath?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_section_is_reported()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("", ["--Storag:DatabasePath=x.db"]));

        Assert.Contains("Storag (from command line --Storag:DatabasePath): is not a setting section MathForML knows", run.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean Storage?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_enum_value_lists_the_choices()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("", ["--Local:Mode=sometimes"]));

        Assert.Contains("'sometimes' is not one of: Auto, On, Off.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_settings_file_is_named()
    {
        using var run = new HostRun();
        run.WriteSettings("""{ "Storage": { "DatabasePath": "x.db", } """);

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync(""));

        Assert.Contains("config/appsettings.json is not valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("", ["--Storage:BusyTimeoutSeconds=0", "--Local:GroupName="]));

        Assert.Contains("Storage:BusyTimeoutSeconds", run.Error, StringComparison.Ordinal);
        Assert.Contains("Local:GroupName", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_settings_file_is_valid()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Ok, await run.RunAsync(""));
        Assert.Equal("", run.Error.Trim().Split('\n').Where(l => !l.StartsWith("info:", StringComparison.Ordinal)).FirstOrDefault(l => l.Length > 0) ?? "");
    }
}
