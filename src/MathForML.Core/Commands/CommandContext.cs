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
