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
