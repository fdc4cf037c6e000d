using System.Diagnostics;

namespace MathForML.Load;

/// <summary>
/// A bot under test as a child process: the real host (<c>dotnet mathforml.dll run</c> in a working directory
/// with its own config copy and SQLite file) or a Node reference bot. Output goes to files in the working directory.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly long _logStart;

    private BotProcess(Process process, StreamWriter log, string name, string workDirectory, long logStart)
    {
        _logStart = logStart;
        _process = process;
        _log = log;
        Name = name;
        WorkDirectory = workDirectory;
    }

    public string Name { get; }

    public string WorkDirectory { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogPath => Path.Combine(WorkDirectory, "bot.log");

    /// <summary>Publishes the host from the repository (Release) into <paramref name="output"/>.</summary>
    public static async Task PublishHostAsync(string repoRoot, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(repoRoot, "src", "MathForML.Host"), "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var publish = ChildProcesses.Start(start);
        var stdout = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken);
        await ChildProcesses.StopAsync(publish, TimeSpan.Zero);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    /// <summary>
    /// Prepares <paramref name="workDirectory"/> as a user would (the repo's config/, with the load problem bank in
    /// place of the full one, so the right answer is known) unless it already holds a previous run's state.
    /// </summary>
    public static void PrepareWorkDirectory(string repoRoot, string workDirectory)
    {
        var config = Path.Combine(workDirectory, "config");
        if (Directory.Exists(config))
        {
            return;
        }

        CopyDirectory(Path.Combine(repoRoot, "config"), config);
        var problems = Path.Combine(config, "problems");
        Directory.Delete(problems, recursive: true);
        CopyDirectory(Path.Combine(repoRoot, "bench", "MathForML.Load", "problems"), problems);
        Directory.CreateDirectory(Path.Combine(workDirectory, "data"));
    }

    /// <summary>Starts the host configured only through MATHFORML__ environment variables.</summary>
    public static BotProcess StartHost(string hostDirectory, string workDirectory, string name, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(hostDirectory, "mathforml.dll"), "run"]) { WorkingDirectory = workDirectory };
        start.Environment["MATHFORML__Storage__DatabasePath"] = Path.Combine(workDirectory, "data", "load.db");
        start.Environment["MATHFORML__Local__Mode"] = "Off";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Start(start, name, workDirectory);
    }

    /// <summary>Starts a Node reference bot script from <paramref name="referenceDirectory"/>.</summary>
    public static BotProcess StartNode(string referenceDirectory, string script, string workDirectory, string name, IReadOnlyDictionary<string, string> environment)
    {
        Directory.CreateDirectory(workDirectory);
        var start = new ProcessStartInfo("node", [Path.Combine(referenceDirectory, script)]) { WorkingDirectory = referenceDirectory };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Start(start, name, workDirectory);
    }

    /// <summary>Starts any command as a child the harness stops with it.</summary>
    public static BotProcess StartCommand(ProcessStartInfo start, string name, string workDirectory) => Start(start, name, workDirectory);

    private static BotProcess Start(ProcessStartInfo start, string name, string workDirectory)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        var path = Path.Combine(workDirectory, "bot.log");
        // A kept state directory keeps earlier runs' log; this run's problems start here.
        var logStart = File.Exists(path) ? new FileInfo(path).Length : 0;
        var log = new StreamWriter(path, append: true) { AutoFlush = true };
        var process = ChildProcesses.Start(start);
        var bot = new BotProcess(process, log, name, workDirectory, logStart);
        process.OutputDataReceived += (_, e) => bot.Write(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    public ProcSample? Sample() => _process.HasExited ? null : ProcSample.Read(_process.Id);

    public void ResetPeak() => ProcSample.ResetPeak(_process.Id);

    /// <summary>Log lines at warning level or worse ("warn:", "fail:", "crit:" in the console format), for the report.</summary>
    public IReadOnlyList<string> Problems()
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_logStart, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        var keep = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                lines.Add(line);
                keep = true;
            }
            else if (keep && line.StartsWith("      ", StringComparison.Ordinal))
            {
                lines[^1] += " | " + line.Trim();
                keep = false;
            }
            else
            {
                keep = false;
            }
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.StopAsync(_process, TimeSpan.FromSeconds(10));
        lock (_log)
        {
            _log.Dispose();
        }

        _process.Dispose();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
