using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Groups;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MathForML.Host.Local;

/// <summary>
/// The terminal chat: reads command lines, runs them through the same dispatcher the platforms use,
/// prints the replies. Ends the application at end of input (piped stdin), after the last command.
/// </summary>
internal sealed partial class LocalChannelHostedService(
    LocalConsole console,
    LocalTranscript transcript,
    CommandDispatcher dispatcher,
    IStudyGroupStore groups,
    IEnumerable<IGroupChangeListener> listeners,
    IOptions<LocalChannelOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<LocalChannelHostedService> logger) : BackgroundService
{
    public const string Banner = "MathForML local study group. Type /help to see the commands; Ctrl+D (Ctrl+Z on Windows) to quit.";

    /// <summary>The local group's home conversation; one fixed channel.</summary>
    public static readonly ConversationRef Home = new(ChatPlatform.Local, "local", "terminal");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await EnsureGroupAsync(stoppingToken);
            var context = new CommandContext(Home, new MemberRef(ChatPlatform.Local, "local-user", options.Value.UserName), MemberRole.Organizer);
            if (console.IsInteractive)
            {
                await console.Out.WriteLineAsync(Banner);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                // Console.In reads synchronously even through ReadLineAsync, so the read runs on the thread
                // pool: a blocked read cannot be cancelled, but WaitAsync can walk away from it at shutdown.
                var line = await Task.Run(() => console.In.ReadLineAsync(stoppingToken).AsTask(), CancellationToken.None).WaitAsync(stoppingToken);
                if (line is null)
                {
                    break;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                // In-flight work finishes even when shutdown starts: the reply is not cancelled.
                await HandleLineAsync(line.Trim(), context);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM while waiting for input.
        }
        finally
        {
            LogInputEnded();
            lifetime.StopApplication();
        }
    }

    private async Task HandleLineAsync(string line, CommandContext context)
    {
        var reply = line.StartsWith('/')
            ? await dispatcher.DispatchTextAsync(line, context, CancellationToken.None)
            : ChatReply.Text(CommandMessages.NotACommand, ephemeral: true);
        var text = await transcript.FormatAsync(reply.Content, reply.ThreadTitle, CancellationToken.None);
        await transcript.Gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!console.IsInteractive)
            {
                await console.Out.WriteLineAsync("> " + line);
            }

            await console.Out.WriteLineAsync(text);
            await console.Out.WriteLineAsync();
            await console.Out.FlushAsync(CancellationToken.None);
        }
        finally
        {
            transcript.Gate.Release();
        }
    }

    private async Task EnsureGroupAsync(CancellationToken cancellationToken)
    {
        if (await groups.FindByHomeAsync(Home, cancellationToken) is not null)
        {
            return;
        }

        var zone = TimeZones.Find(options.Value.TimeZone) ?? TimeZoneInfo.Utc;
        var now = time.GetUtcNow();
        if (await groups.TryCreateAsync(new NewStudyGroup(Home, options.Value.GroupName, zone.Id, new GroupSettings(), now), cancellationToken) is { } group)
        {
            LogGroupCreated(options.Value.GroupName, zone.Id);
            foreach (var listener in listeners)
            {
                await listener.GroupChangedAsync(group, now, cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Created the local study group {GroupName} in time zone {TimeZone}")]
    private partial void LogGroupCreated(string groupName, string timeZone);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Local channel input ended; stopping")]
    private partial void LogInputEnded();
}

/// <summary>The terminal the local channel talks to.</summary>
internal sealed record LocalConsole(TextReader In, TextWriter Out, bool IsInteractive);
