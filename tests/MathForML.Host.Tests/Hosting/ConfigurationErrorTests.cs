using MathForML.Host.Cli;
using MathForML.Host.Hosting;

namespace MathForML.Host.Tests.Hosting;

/// <summary>A bad setting stops the host with the key, where its value came from, and what is wrong.</summary>
public sealed class ConfigurationErrorTests
{
    /// <summary>One bad setting from one source, and the lines the report must contain.</summary>
    public sealed record BadSetting(string Name, string? SettingsFile, string[] Arguments, string? EnvironmentVariable, string? EnvironmentValue, string[] Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<BadSetting> BadSettings => new()
    {
        new("out of range in the settings file", """{ "Storage": { "BusyTimeoutSeconds": 0 } }""", [], null, null,
            ["Storage:BusyTimeoutSeconds (from config/appsettings.json): must be between 1 and 300 seconds (was 0)."]),
        new("bad value from an environment variable", null, [], "MATHFORML__Local__TimeZone", "Mars/Base",
            ["Local:TimeZone (from environment variable MATHFORML__Local__TimeZone): 'Mars/Base' is not an IANA time zone"]),
        new("wrong type on the command line", null, ["--Storage:BusyTimeoutSeconds=soon"], null, null,
            ["Storage:BusyTimeoutSeconds (from command line --Storage:BusyTimeoutSeconds): 'soon' is not a whole number."]),
        new("misspelt key", """{ "Storage": { "DatabasPath": "x.db" } }""", [], null, null,
            ["Storage:DatabasPath (from config/appsettings.json): is not a setting MathForML knows", "Did you mean DatabasePath?"]),
        new("unknown section", null, ["--Storag:DatabasePath=x.db"], null, null,
            ["Storag (from command line --Storag:DatabasePath): is not a setting section MathForML knows", "Did you mean Storage?"]),
        new("bad enum value", null, ["--Local:Mode=sometimes"], null, null,
            ["'sometimes' is not one of: Auto, On, Off."]),
        new("malformed settings file", """{ "Storage": { "DatabasePath": "x.db", } """, [], null, null,
            ["config/appsettings.json is not valid JSON"]),
        new("every problem at once", null, ["--Storage:BusyTimeoutSeconds=0", "--Local:GroupName="], null, null,
            ["Storage:BusyTimeoutSeconds", "Local:GroupName"]),
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_host_before_any_chat_and_says_where_and_why(BadSetting bad)
    {
        using var run = new HostRun();
        if (bad.SettingsFile is not null)
        {
            run.WriteSettings(bad.SettingsFile);
        }

        var environment = new Dictionary<string, string?>();
        if (bad.EnvironmentVariable is not null)
        {
            environment[bad.EnvironmentVariable] = bad.EnvironmentValue;
        }

        Assert.Equal(ExitCodes.Configuration, await run.RunAsync("/help\n", bad.Arguments, environment));

        Assert.Contains(BotHost.ConfigErrorHeader, run.Error, StringComparison.Ordinal);
        foreach (var expected in bad.Expected)
        {
            Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        }

        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task The_shipped_settings_file_is_valid()
    {
        using var run = new HostRun();

        Assert.Equal(ExitCodes.Ok, await run.RunAsync(""));
        Assert.Equal("", run.Error.Trim().Split('\n').Where(l => !l.StartsWith("info:", StringComparison.Ordinal)).FirstOrDefault(l => l.Length > 0) ?? "");
    }
}
