using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Members;

namespace MathForML.Core.Commands;

/// <summary>Where a command was typed and by whom, as the adapter knows it.</summary>
public sealed record CommandContext(ConversationRef Conversation, MemberRef Invoker, MemberRole Role);

/// <summary>Everything a handler needs: the command, its context, the member and the group (if any).</summary>
public sealed record CommandRequest(ChatCommand Command, CommandContext Context, Member Member, StudyGroup? Group, DateTimeOffset ReceivedAt);

/// <summary>Runs one leaf command. Handlers are registered per capability as it is built.</summary>
public interface ICommandHandler
{
    /// <summary>The leaf command path this handler serves, e.g. "answer" or "group setup".</summary>
    string Path { get; }

    /// <summary>When true the dispatcher answers for the handler if the channel has no group.</summary>
    bool RequiresGroup { get; }

    Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that can answer some of its commands with no member, group or database — say, an answer that can never
/// parse — so adapters answer them on the receive path like <c>/help</c> (<see cref="CommandDispatcher.TryAnswerAtOnce"/>).
/// </summary>
public interface IAnswersAtOnce
{
    /// <summary>The reply, or null when the command needs the full handler.</summary>
    ChatReply? TryAnswerAtOnce(ChatCommand command);
}
