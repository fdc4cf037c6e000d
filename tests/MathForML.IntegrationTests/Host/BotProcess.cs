using System.Diagnostics;
using System.Text;

namespace MathForML.IntegrationTests.Host;

/// <summary>The real executable (the same build `dotnet run` starts), run as a child process.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private BotProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_out, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Out => Read(_out);

    public string Error => Read(_error);

    public int Id => _process.Id;

    public StreamWriter Input => _process.StandardInput;

    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mathforml.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new BotProcess(Process.Start(start)!);
    }

    /// <summary>Pipes the lines in, closes stdin, and waits for the exit code.</summary>
    public static async Task<(int Code, string Out, string Error)> RunAsync(string workingDirectory, string input, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var bot = Start(workingDirectory, environment);
        await bot.Input.WriteAsync(input);
        bot.Input.Close();
        var code = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, bot.Out, bot.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // flushes the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Waits until stderr shows a line containing <paramref name="text"/>.</summary>
    public async Task WaitForErrorTextAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Error.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"Never saw '{text}'. stderr so far:\n{Error}");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
