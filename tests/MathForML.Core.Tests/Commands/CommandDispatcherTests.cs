using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Groups;
using MathForML.TestKit;
using Microsoft.Extensions.Logging;

namespace MathForML.Core.Tests.Commands;

public sealed class CommandDispatcherTests
{
    private static readonly ConversationRef Channel = new(ChatPlatform.Discord, "guild", "channel");
    private static readonly CommandContext Organizer = new(Channel, new MemberRef(ChatPlatform.Discord, "1", "Olga"), MemberRole.Organizer);
    private static readonly CommandContext Member = new(Channel, new MemberRef(ChatPlatform.Discord, "2", "Max"), MemberRole.Member);

    private readonly InMemoryGroupStore _groups = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
    private readonly CollectingLogger<CommandDispatcher> _log = new();

    [Fact]
    public async Task Organizer_command_from_a_member_is_refused()
    {
        var reply = await Dispatcher().DispatchTextAsync("/group setup UTC", Member, CancellationToken.None);

        Assert.Equal(CommandMessages.OrganizersOnly(CommandCatalog.FindPath("group setup")!), reply.Content.Text);
        Assert.True(reply.Ephemeral);
        Assert.Empty(_groups.Groups);
    }

    [Fact]
    public async Task Command_without_a_handler_says_it_is_not_available_yet()
    {
        var reply = await Dispatcher().DispatchTextAsync("/answer 1/4", Member, CancellationToken.None);

        Assert.Equal(CommandMessages.NotAvailableYet(CommandCatalog.Answer, CommandCatalog.Answer.Capability), reply.Content.Text);
    }

    [Fact]
    public async Task Help_lists_every_command_and_marks_the_unavailable_ones()
    {
        var reply = await Dispatcher().DispatchTextAsync("/help", Member, CancellationToken.None);

        foreach (var leaf in CommandCatalog.Leaves())
        {
            Assert.Contains("`" + leaf.Usage + "`", reply.Content.Text, StringComparison.Ordinal);
        }

        Assert.Contains("`/answer <value>` Answer the current problem (only you see the verdict)." + HelpText.ComingSoon, reply.Content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("`/group show` Show this channel's study group and its settings." + HelpText.ComingSoon, reply.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_one_command_explains_parameters_and_example()
    {
        var reply = await Dispatcher().DispatchTextAsync("/help /leaderboard", Member, CancellationToken.None);

        Assert.Contains("One of: week, month, all.", reply.Content.Text, StringComparison.Ordinal);
        Assert.Contains("Example: `/leaderboard month`", reply.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_an_unknown_command_suggests_one()
    {
        var reply = await Dispatcher().DispatchTextAsync("/help anwser", Member, CancellationToken.None);

        Assert.Equal(CommandMessages.UnknownCommand("anwser", "answer"), reply.Content.Text);
    }

    [Fact]
    public async Task Group_command_in_a_channel_without_group_explains_setup()
    {
        var reply = await Dispatcher().DispatchTextAsync("/group show", Member, CancellationToken.None);

        Assert.Equal(CommandMessages.NoGroupHere, reply.Content.Text);
    }

    [Fact]
    public async Task Setup_creates_the_group_in_the_channel_not_the_thread()
    {
        var inThread = Organizer with { Conversation = Channel.InThread("t-1") };

        var reply = await Dispatcher().DispatchTextAsync("/group setup Europe/Berlin MML group", inThread, CancellationToken.None);

        var group = Assert.Single(_groups.Groups);
        Assert.Equal((Channel, "MML group", "Europe/Berlin"), (group.Home, group.Name, group.TimeZoneId));
        Assert.Equal(GroupMessages.Created(group), reply.Content.Text);
        Assert.False(reply.Ephemeral);
    }

    [Fact]
    public async Task Setup_twice_keeps_the_first_group()
    {
        var dispatcher = Dispatcher();
        await dispatcher.DispatchTextAsync("/group setup UTC First", Organizer, CancellationToken.None);

        var reply = await dispatcher.DispatchTextAsync("/group setup UTC Second", Organizer, CancellationToken.None);

        Assert.Equal(GroupMessages.AlreadySetUp(_groups.Groups[0]), reply.Content.Text);
        Assert.Equal("First", Assert.Single(_groups.Groups).Name);
    }

    [Theory]
    [InlineData("/group setup Europe/Berln", "Europe/Berln", "Europe/Berlin")]
    [InlineData("/group setup Mars/Olympus_Mons", "Mars/Olympus_Mons", null)]
    public async Task Setup_with_unknown_time_zone_explains_and_suggests(string text, string typed, string? suggestion)
    {
        var reply = await Dispatcher().DispatchTextAsync(text, Organizer, CancellationToken.None);

        Assert.Equal(TimeZones.UnknownZoneMessage(typed), reply.Content.Text);
        Assert.Equal(suggestion is not null, reply.Content.Text.Contains(suggestion ?? "Did you mean", StringComparison.Ordinal));
        Assert.Empty(_groups.Groups);
    }

    [Fact]
    public async Task Show_gives_local_time_with_the_zone_offset()
    {
        var dispatcher = Dispatcher();
        await dispatcher.DispatchTextAsync("/group setup Asia/Kolkata", Organizer, CancellationToken.None);

        var reply = await dispatcher.DispatchTextAsync("/group", Member, CancellationToken.None);

        Assert.Contains("now Sun 06:00 there, UTC+05:30", reply.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_zone_change_is_stored_and_announced()
    {
        var dispatcher = Dispatcher();
        await dispatcher.DispatchTextAsync("/group setup UTC", Organizer, CancellationToken.None);

        var reply = await dispatcher.DispatchTextAsync("/group timezone America/Chicago", Organizer, CancellationToken.None);

        Assert.Equal("America/Chicago", _groups.Groups[0].TimeZoneId);
        Assert.Equal(GroupMessages.TimeZoneChanged(_groups.Groups[0], "UTC"), reply.Content.Text);
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_answered_and_the_next_command_still_works()
    {
        var dispatcher = Dispatcher(new ThrowingHandler());

        var reply = await dispatcher.DispatchTextAsync("/stats", Member, CancellationToken.None);
        var next = await dispatcher.DispatchTextAsync("/help", Member, CancellationToken.None);

        Assert.Equal(CommandMessages.InternalError(CommandCatalog.Stats), reply.Content.Text);
        var entry = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.StartsWith(HelpText.Title, next.Content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Handlers_for_unknown_or_duplicate_paths_are_rejected_at_start()
    {
        Assert.Throws<ArgumentException>(() => Dispatcher(new ThrowingHandler(), new ThrowingHandler()));
        Assert.Throws<ArgumentException>(() => Dispatcher(new ThrowingHandler("group")));
    }

    [Fact]
    public async Task A_handler_that_can_answer_at_once_is_asked_first_and_then_never_runs()
    {
        var handler = new QuickHandler();
        var dispatcher = Dispatcher(handler);

        var atOnce = dispatcher.TryAnswerTextAtOnce("/answer 1/+", context: null, out _);
        var dispatched = await dispatcher.DispatchTextAsync("/answer 1/+", Member, CancellationToken.None);
        var needsState = dispatcher.TryAnswerTextAtOnce("/answer 1/4", context: null, out var command);

        Assert.Equal("refused at once", atOnce!.Content.Text);
        Assert.Equal("refused at once", dispatched.Content.Text);
        Assert.Equal(0, handler.Handled);
        Assert.Null(needsState);
        Assert.Equal("1/4", command!.Argument("value"));
    }

    private sealed class QuickHandler : ICommandHandler, IAnswersAtOnce
    {
        public int Handled { get; private set; }

        public string Path => "answer";

        public bool RequiresGroup => true;

        public ChatReply? TryAnswerAtOnce(ChatCommand command) =>
            command.Argument("value") == "1/+" ? ChatReply.Text("refused at once", ephemeral: true) : null;

        public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            Handled++;
            return Task.FromResult(ChatReply.Text("handled", ephemeral: true));
        }
    }

    private CommandDispatcher Dispatcher(params ICommandHandler[] extra) => new(
        [new GroupShowHandler(), new GroupSetupHandler(_groups), new GroupTimeZoneHandler(_groups, []), .. extra],
        _groups,
        new InMemoryMemberStore(),
        _time,
        _log);

    private sealed class ThrowingHandler(string path = "stats") : ICommandHandler
    {
        public string Path => path;

        public bool RequiresGroup => false;

        public Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
