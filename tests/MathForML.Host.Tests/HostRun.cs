using MathForML.Host.Cli;
using MathForML.TestKit;

namespace MathForML.Host.Tests;

/// <summary>Runs the whole program in-process, in its own working directory, with text for a terminal.</summary>
internal sealed class HostRun : IDisposable
{
    public TempDirectory Folder { get; } = new();

    public string Out { get; private set; } = "";

    public string Error { get; private set; } = "";

    public void WriteSettings(string json)
    {
        Directory.CreateDirectory(Folder.File("config"));
        File.WriteAllText(Folder.File("config/appsettings.json"), json);
    }

    public async Task<int> RunAsync(string input, string[]? args = null, IDictionary<string, string?>? environment = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var io = new CliIo(new StringReader(input), stdout, stderr, InputIsInteractive: false, Folder.Path);
        var code = await CliApplication.RunAsync(args ?? [], io, environment ?? new Dictionary<string, string?>()).WaitAsync(TimeSpan.FromSeconds(60));
        Out = stdout.ToString();
        Error = stderr.ToString();
        return code;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
