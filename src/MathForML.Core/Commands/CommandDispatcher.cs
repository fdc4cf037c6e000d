using System.Diagnostics;
using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;
using Microsoft.Extensions.Logging;

namespace MathForML.Core.Commands;

/// <summary>
/// Takes a command from any platform to its handler: checks rights, resolves the member and group,
/// and contains failures so one bad command is logged and answered, never fatal.
/// </summary>
public sealed partial class CommandDispatcher
{
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly IStudyGroupStore _groups;
    private readonly IMemberStore _members;
    private readonly TimeProvider _time;
    private readonly ILogger<CommandDispatcher> _logger;

    public CommandDispatcher(
        IEnumerable<ICommandHandler> handlers,
        IStudyGroupStore groups,
        IMemberStore members,
        TimeProvider time,
        ILogger<CommandDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = new Dictionary<string, ICommandHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in handlers)
        {
            if (CommandCatalog.FindPath(handler.Path) is not { Subcommands.Count: 0 })
            {
                throw new ArgumentException($"Handler {handler.GetType().Name} serves '{handler.Path}', which is not a runnable command in the catalog.", nameof(handlers));
            }

            if (!_handlers.TryAdd(handler.Path, handler))
            {
                throw new ArgumentException($"Two handlers serve '{handler.Path}'.", nameof(handlers));
            }
        }

        _groups = groups;
        _members = members;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when the leaf command works in this build (a handler is registered for it).</summary>
    public bool IsAvailable(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command == CommandCatalog.Help || _handlers.ContainsKey(command.Path);
    }

    /// <summary>Parses a typed line and runs it. Parse problems are answered, privately.</summary>
    public Task<ChatReply> DispatchTextAsync(string text, CommandContext context, CancellationToken cancellationToken)
    {
        var parsed = CommandTextParser.Parse(text);
        return parsed.Command is { } command
            ? DispatchAsync(command, context, cancellationToken)
            : Task.FromResult(ChatReply.Text(parsed.Error!, ephemeral: true));
    }

    /// <summary>Runs the command behind a pressed button (and the text typed into its form, if any).</summary>
    public Task<ChatReply> DispatchActionAsync(string actionId, string? formValue, CommandContext context, CancellationToken cancellationToken)
    {
        var parsed = CommandActions.Parse(actionId, formValue);
        return parsed.Command is { } command
            ? DispatchAsync(command, context, cancellationToken)
            : Task.FromResult(ChatReply.Text(parsed.Error!, ephemeral: true));
    }

    /// <summary>
    /// The answer to a typed line when it needs no member, group or database (see <see cref="TryAnswerAtOnce"/>),
    /// a parse error included; null when <paramref name="command"/> needs its handler.
    /// </summary>
    public ChatReply? TryAnswerTextAtOnce(string text, CommandContext? context, out ChatCommand? command)
    {
        var parsed = CommandTextParser.Parse(text);
        command = parsed.Command;
        return command is null ? ChatReply.Text(parsed.Error!, ephemeral: true) : TryAnswerAtOnce(command, context);
    }

    /// <summary>
    /// The answer when the command needs no member, group or database: help, a command this build lacks, an
    /// organizer command from a member when <paramref name="context"/> (and so the role) is known, and what a
    /// handler answers at once (<see cref="IAnswersAtOnce"/>, e.g. an answer that can never parse). Adapters call
    /// this on the receive path and answer at once; null means the command goes to its handler (on a worker).
    /// </summary>
    public ChatReply? TryAnswerAtOnce(ChatCommand command, CommandContext? context)
    {
        ArgumentNullException.ThrowIfNull(command);
        var definition = command.Definition;
        if (definition.Access == CommandAccess.Organizers)
        {
            if (context is null)
            {
                return null;
            }

            if (context.Role != MemberRole.Organizer)
            {
                LogDenied(definition.Path, context.Conversation.Platform, context.Invoker.PlatformUserId);
                return ChatReply.Text(CommandMessages.OrganizersOnly(definition), ephemeral: true);
            }
        }

        if (definition == CommandCatalog.Help)
        {
            // Help is part of the command layer itself: it has to know what every other command can do.
            return HelpText.Build(IsAvailable, command.Argument("command"));
        }

        if (!_handlers.TryGetValue(definition.Path, out var handler))
        {
            return ChatReply.Text(CommandMessages.NotAvailableYet(definition, definition.Capability), ephemeral: true);
        }

        return handler is IAnswersAtOnce quick ? quick.TryAnswerAtOnce(command) : null;
    }

    public async Task<ChatReply> DispatchAsync(ChatCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (TryAnswerAtOnce(command, context) is { } immediate)
        {
            return immediate;
        }

        var definition = command.Definition;
        var handler = _handlers[definition.Path];
        var started = _time.GetTimestamp();
        try
        {
            var now = _time.GetUtcNow();
            var member = await _members.EnsureAsync(context.Invoker, now, cancellationToken);
            var group = await _groups.FindByHomeAsync(context.Conversation.WithoutThread(), cancellationToken);
            if (group is null && handler.RequiresGroup)
            {
                return ChatReply.Text(CommandMessages.NoGroupHere, ephemeral: true);
            }

            var reply = await handler.HandleAsync(new CommandRequest(command, context, member, group, now), cancellationToken);
            var elapsed = _time.GetElapsedTime(started);
            LogHandled(definition.Path, context.Conversation.Platform, elapsed.TotalMilliseconds);
            return reply;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One failing command must not take the bot down: log it and tell the member.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(exception, definition.Path, context.Conversation.Platform);
            return ChatReply.Text(CommandMessages.InternalError(definition), ephemeral: true);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Handled /{Command} from {Platform} in {ElapsedMs:F1} ms")]
    private partial void LogHandled(string command, ChatPlatform platform, double elapsedMs);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Command /{Command} from {Platform} failed")]
    private partial void LogFailed(Exception exception, string command, ChatPlatform platform);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Denied organizer command /{Command} on {Platform} to user {UserId}")]
    private partial void LogDenied(string command, ChatPlatform platform, string userId);
}
