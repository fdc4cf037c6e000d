using Microsoft.Extensions.DependencyInjection;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Host.Cli;
using MathForML.Host.Hosting;
using Microsoft.Extensions.Hosting;

namespace MathForML.Host.Tests.Local;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Shutdown_during_a_command_waits_for_its_reply_then_stops()
    {
        using var run = new HostRun();
        var handler = new BlockingHandler();
        var input = new BlockingReader("/stats");
        var output = new StringWriter();
        var io = new CliIo(input, output, new StringWriter(), false, run.Folder.Path);
        using var host = BotHost.Build(ConfigurationSources.Build(run.Folder.Path, [], new Dictionary<string, string?>()), io, s =>
        {
            // Stand in for the real /stats handler: the blocking one decides when the command ends.
            s.Remove(s.Single(d => d.ServiceType == typeof(ICommandHandler) && d.ImplementationType == typeof(StatsHandler)));
            s.AddSingleton<ICommandHandler>(handler);
        });
        await host.StartAsync();
        await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = host.StopAsync();
        await Task.Delay(50);
        Assert.False(stopping.IsCompleted, "shutdown must wait for the command in flight");
        handler.Release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("> /stats" + Environment.NewLine + "stats done", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_while_the_console_waits_for_a_line_stops_without_waiting_for_input()
    {
        using var run = new HostRun();
        using var input = new SynchronousConsoleReader();
        var io = new CliIo(input, new StringWriter(), new StringWriter(), false, run.Folder.Path);
        using var host = BotHost.Build(ConfigurationSources.Build(run.Folder.Path, [], new Dictionary<string, string?>()), io);
        await host.StartAsync();
        await input.Reading.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Well inside BotHost.ShutdownTimeout: the stop must not sit out the timeout behind the read.
        await host.StopAsync().WaitAsync(BotHost.ShutdownTimeout / 4);
    }

    private sealed class BlockingHandler : ICommandHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Path => "stats";

        public bool RequiresGroup => false;

        public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            Started.SetResult();
            await Release.Task;
            return ChatReply.Text("stats done");
        }
    }

    /// <summary>Like Console.In on a terminal or pipe nobody writes to: ReadLineAsync blocks the caller
    /// synchronously in ReadLine and ignores its token.</summary>
    private sealed class SynchronousConsoleReader : TextReader
    {
        private readonly TaskCompletionSource _input = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override string? ReadLine()
        {
            Reading.TrySetResult();
            _input.Task.Wait();
            return null;
        }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => new(ReadLine());

        protected override void Dispose(bool disposing)
        {
            // Lets the abandoned read finish, as end of input would.
            _input.TrySetResult();
            base.Dispose(disposing);
        }
    }

    /// <summary>Gives one line, then blocks like a terminal nobody types into.</summary>
    private sealed class BlockingReader(string line) : TextReader
    {
        private bool _given;

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (_given)
            {
                return new ValueTask<string?>(Task.Delay(Timeout.Infinite, CancellationToken.None).ContinueWith(_ => (string?)null, TaskScheduler.Default));
            }

            _given = true;
            return ValueTask.FromResult<string?>(line);
        }
    }
}
