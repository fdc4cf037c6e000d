using System.Threading.Channels;
using MathForML.Host.Cli;
using MathForML.Host.Hosting;
using MathForML.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MathForML.IntegrationTests;

/// <summary>The host in-process, with a terminal the test types into and reads from.</summary>
internal sealed class Terminal : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ChannelReader _input;
    private readonly SyncWriter _output;

    private Terminal(IHost host, ChannelReader input, SyncWriter output)
    {
        _host = host;
        _input = input;
        _output = output;
    }

    public string Output => _output.Text;

    /// <summary>The host's services, for what a terminal cannot type (a message in a platform thread).</summary>
    public IServiceProvider Services => _host.Services;

    public static async Task<Terminal> StartAsync(TempDirectory folder, FakeTimeProvider time, string? problemsDirectory = null)
    {
        var input = new ChannelReader();
        var output = new SyncWriter();
        var io = new CliIo(input, output, new StringWriter(), false, folder.Path);
        string[] args =
        [
            "--Local:TimeZone=Europe/Berlin",
            "--Content:CurriculaDirectory=" + Repository.Path("config", "curricula"),
            "--Content:TopicsFile=" + Repository.Path("config", "topics.yml"),
            "--Content:ProblemsDirectory=" + (problemsDirectory ?? folder.File("no-problems")),
        ];
        var configuration = ConfigurationSources.Build(folder.Path, args, new Dictionary<string, string?>());
        var host = BotHost.Build(configuration, io, s => s.AddSingleton<TimeProvider>(time));
        await host.StartAsync();
        return new Terminal(host, input, output);
    }

    /// <summary>Types a line and returns what the bot answered to it.</summary>
    public async Task<string> SendAsync(string line)
    {
        var before = _output.Text.Length;
        _input.Type(line);
        var echo = "> " + line + Environment.NewLine;
        await WaitForAsync(echo, before);
        var start = _output.Text.IndexOf(echo, before, StringComparison.Ordinal) + echo.Length;
        var end = await WaitForAsync(Environment.NewLine + Environment.NewLine, start);
        return _output.Text[start..end];
    }

    public Task<int> WaitForAsync(string text) => WaitForAsync(text, 0);

    /// <summary>
    /// Waits for a scheduled post. The scheduler sets its next wake-up on the fake clock only after
    /// its current run, so a jump of the clock can land before that timer exists; nudging the clock
    /// by a second at a time (far less than anything the test checks) wakes it either way.
    /// </summary>
    public async Task WaitForPostAsync(string text, FakeTimeProvider time)
    {
        for (var i = 0; i < 1500; i++)
        {
            if (_output.Text.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(10);
            if (i % 10 == 9)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        throw new TimeoutException($"Never saw '{text}'. Transcript:\n{_output.Text}");
    }

    public async Task<int> WaitForAsync(string text, int from)
    {
        // Real time, generous: the first command of a run pays for a cold start, slower on a loaded CI machine.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var found = _output.Text.IndexOf(text, from, StringComparison.Ordinal);
            if (found >= 0)
            {
                return found;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"Never saw '{text}'. Transcript:\n{_output.Text}");
    }

    public async ValueTask DisposeAsync()
    {
        _input.Close();
        await _host.StopAsync();
        _host.Dispose();
    }
}

internal sealed class ChannelReader : TextReader
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();

    public void Type(string line) => _lines.Writer.TryWrite(line);

    public new void Close() => _lines.Writer.TryWrite(null);

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => await _lines.Reader.ReadAsync(cancellationToken);
}

internal sealed class SyncWriter : StringWriter
{
    private readonly Lock _gate = new();

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
        }

        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        lock (_gate)
        {
            base.WriteLine();
        }

        return Task.CompletedTask;
    }
}
