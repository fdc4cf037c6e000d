using MathForML.Core.Chat;
using MathForML.Core.Commands;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>Stand-ins for capabilities being built elsewhere, so the adapter's wire shapes can be checked end to end.</summary>
internal static class TestHandlers
{
    public const string ProblemText = "**Problem 1**: compute d/dx relu(x) for x < 0 & x > 0, due <t:1767607200:f> (<t:1767607200:R>).";
    public const string ThreadTitle = "Problem 1 discussion";
    public const string AltText = @"\frac{d}{dx} \max(x, 0)";
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    public static ChatButton AnswerButton => new(CommandActions.For(CommandCatalog.Answer), "Answer", ButtonStyle.Primary)
    {
        Form = new ButtonForm("Your answer", "Answer", "e.g. 1/4", 100),
    };

    public static ChatButton HintButton => new(CommandActions.For(CommandCatalog.Hint), "Hint");

    public static MessageContent Problem => new()
    {
        Text = ProblemText,
        Images = [new ChatImage(Png, AltText, "problem-1.png", 120, 40)],
        Buttons = [HintButton, AnswerButton],
    };
}

/// <summary><c>/problem</c>: a public message with an image, buttons and a thread.</summary>
internal sealed class ProblemTestHandler : ICommandHandler
{
    public string Path => "problem show";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ChatReply { Content = TestHandlers.Problem, ThreadTitle = TestHandlers.ThreadTitle });
}

/// <summary><c>/answer</c>: an ephemeral verdict naming what was read.</summary>
internal sealed class AnswerTestHandler : ICommandHandler
{
    public const string VerdictPrefix = "Read your answer as ";

    public string Path => "answer";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ChatReply.Text(VerdictPrefix + request.Command.Argument("value") + " from " + request.Context.Invoker.DisplayName, ephemeral: true));
}

/// <summary><c>/hint</c>: waits until the test releases it (a slow command).</summary>
internal sealed class SlowHintHandler : ICommandHandler
{
    public const string HintText = "Hint: the derivative of max(x, 0) is a step.";

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path => "hint";

    public bool RequiresGroup => false;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await Release.Task.WaitAsync(cancellationToken);
        return ChatReply.Text(HintText, ephemeral: true);
    }
}

/// <summary><c>/stats</c>: a bug.</summary>
internal sealed class FailingStatsHandler : ICommandHandler
{
    public string Path => "stats";

    public bool RequiresGroup => false;

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("stats exploded");
}
