using MathForML.Core.Chat;
using MathForML.Core.Commands;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>A handler whose behaviour a test sets; records the commands it received.</summary>
internal sealed class TestHandler(string path, Func<CommandRequest, Task<ChatReply>> behaviour) : ICommandHandler
{
    private readonly List<CommandRequest> _received = [];

    public string Path => path;

    public bool RequiresGroup => false;

    public Func<CommandRequest, Task<ChatReply>> Behaviour { get; set; } = behaviour;

    public IReadOnlyList<CommandRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        lock (_received)
        {
            _received.Add(request);
        }

        return Behaviour(request);
    }
}

/// <summary>The test handlers (on stable catalog paths): a problem-like post on leaderboard, with image, buttons and thread; an answer; a hint; a tex image; a failing stats.</summary>
internal sealed class TestHandlers
{
    public static readonly DateTimeOffset Deadline = new(2026, 1, 6, 18, 0, 0, TimeSpan.Zero);

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    public static string ProblemText => $"**Problem 3**: compute the gradient of `relu`. Due {ChatTime.Token(Deadline, ChatTimeStyle.Relative)}.";

    public static ChatButton HintButton => new(CommandActions.For(CommandCatalog.Hint), "Hint", ButtonStyle.Secondary);

    public static ChatButton AnswerButton => new(CommandActions.For(CommandCatalog.Answer), "Answer", ButtonStyle.Primary)
    {
        Form = new ButtonForm("Your answer", "Answer", "e.g. 1/4 or [1, 0]", 200),
    };

    public static MessageContent ProblemContent => new()
    {
        Text = ProblemText,
        Images = [new ChatImage(Png, @"\frac{d}{dx} \max(x, 0)", "problem 3.png", 120, 40)],
        Buttons = [HintButton, AnswerButton],
    };

    public TestHandler Problem { get; } = new("leaderboard", _ => Task.FromResult(new ChatReply { Content = ProblemContent, ThreadTitle = "Problem 3: ReLU gradient" }));

    public TestHandler Answer { get; } = new("answer", r => Task.FromResult(ChatReply.Text($"Checked: {r.Command.Argument("value")}", ephemeral: true)));

    public TestHandler Hint { get; } = new("hint", _ => Task.FromResult(ChatReply.Text("Hint: split at x = 0.", ephemeral: true)));

    public TestHandler Tex { get; } = new("tex", r => Task.FromResult(new ChatReply
    {
        Content = new MessageContent { Images = [new ChatImage(Png, r.Command.Argument("latex")!, "formula.png", 80, 20)] },
    }));

    public TestHandler Stats { get; } = new("stats", _ => throw new InvalidOperationException("stats store is down"));

    public IEnumerable<ICommandHandler> All => [Problem, Answer, Hint, Tex, Stats];
}
