using MathForML.Core.Chat;
using MathForML.Core.Groups;
using MathForML.Core.Participation;
using MathForML.TestKit;

namespace MathForML.Core.Tests.Participation;

public sealed class ThreadActivityRecorderTests : IAsyncLifetime
{
    private const string SlackChannel = "C0123456789";
    private const string SlackThread = "1700000000.000100";
    private const string Prefix = $"q:{SlackChannel}:{SlackThread}:";
    private static readonly ConversationRef SlackHome = new(ChatPlatform.Slack, "T1", SlackChannel);
    private static readonly ConversationRef DiscordHome = new(ChatPlatform.Discord, "987654321098765432", "1234567890123456789");
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly MemberRef Ada = new(ChatPlatform.Slack, "U1", "Ada");
    private static readonly MemberRef Bo = new(ChatPlatform.Slack, "U2", "Bo");
    private static readonly MemberRef Cy = new(ChatPlatform.Slack, "U3", "Cy");

    private readonly InMemoryGroupStore _groups = new();
    private readonly InMemoryMemberStore _members = new();
    private readonly InMemoryParticipationLog _log = new();
    private long _groupId;

    public async Task InitializeAsync()
    {
        _groupId = (await _groups.TryCreateAsync(new NewStudyGroup(SlackHome, "Slack group", "UTC", new GroupSettings(), Start), CancellationToken.None))!.Id;
        await _groups.TryCreateAsync(new NewStudyGroup(DiscordHome, "Discord group", "UTC", new GroupSettings(), Start), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Text_with_a_question_mark_is_logged_as_a_question_with_its_excerpt()
    {
        await SendAsync(Ada, "m1", "  How do I\n invert   this matrix? ", minutes: 0);

        var question = Assert.Single(_log.Events);
        Assert.Equal(
            new ParticipationEvent(_groupId, await IdAsync(Ada), ParticipationKinds.ThreadQuestion, Prefix + "m1", ChatPlatform.Slack, Start) { Detail = "How do I invert this matrix?" },
            question);
    }

    [Theory]
    [InlineData("what is a determinant?", true)]
    [InlineData("?", true)]
    [InlineData("I think it is the trace.", false)]
    [InlineData("", false)]
    public async Task With_nothing_open_text_is_a_question_only_when_it_has_a_question_mark(string text, bool question)
    {
        await SendAsync(Ada, "m1", text, minutes: 0);

        Assert.Equal(question ? [ParticipationKinds.ThreadQuestion] : [], _log.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task Another_members_next_message_answers_the_oldest_open_question()
    {
        await SendAsync(Ada, "m1", "first?", minutes: 0);
        await SendAsync(Ada, "m2", "second?", minutes: 1);

        await SendAsync(Bo, "m3", "try the transpose", minutes: 2);
        await SendAsync(Cy, "m4", "and for the second one, use the rank", minutes: 3);

        Assert.Equal(
            [(ParticipationKinds.ThreadAnswer, Prefix + "m1", await IdAsync(Bo)), (ParticipationKinds.ThreadAnswer, Prefix + "m2", await IdAsync(Cy))],
            _log.Events.Skip(2).Select(e => (e.Kind, e.Subject, e.MemberId)));
        Assert.Empty(await OpenAsync());
    }

    [Fact]
    public async Task A_reply_answers_the_question_it_replies_to_not_the_oldest()
    {
        await SendAsync(Ada, "m1", "first?", minutes: 0);
        await SendAsync(Ada, "m2", "second?", minutes: 1);

        await SendAsync(Bo, "m3", "about the second: yes", minutes: 2, replyTo: "m2");

        var answer = _log.Events[^1];
        Assert.Equal((ParticipationKinds.ThreadAnswer, Prefix + "m2"), (answer.Kind, answer.Subject));
        Assert.Equal([Prefix + "m1"], (await OpenAsync()).Select(q => q.Subject));
    }

    [Fact]
    public async Task Someone_elses_question_in_the_thread_is_a_new_question_and_both_stay_open()
    {
        await SendAsync(Ada, "m1", "is A symmetric?", minutes: 0);

        await SendAsync(Bo, "m2", "and is B invertible?", minutes: 1);

        Assert.Equal([ParticipationKinds.ThreadQuestion, ParticipationKinds.ThreadQuestion], _log.Events.Select(e => e.Kind));
        Assert.Equal([Prefix + "m1", Prefix + "m2"], (await OpenAsync()).Select(q => q.Subject));
    }

    [Fact]
    public async Task A_reply_with_a_question_mark_answers_the_question_it_replies_to()
    {
        await SendAsync(Ada, "m1", "is A symmetric?", minutes: 0);

        await SendAsync(Bo, "m2", "did you check A = Aᵀ?", minutes: 1, replyTo: "m1");

        Assert.Equal([ParticipationKinds.ThreadQuestion, ParticipationKinds.ThreadAnswer], _log.Events.Select(e => e.Kind));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("m1")]
    public async Task The_askers_own_follow_up_is_not_an_answer(string? replyTo)
    {
        await SendAsync(Ada, "m1", "is A symmetric?", minutes: 0);

        await SendAsync(Ada, "m2", "I mean the 2x2 one", minutes: 1, replyTo: replyTo);

        Assert.Equal([ParticipationKinds.ThreadQuestion], _log.Events.Select(e => e.Kind));
        Assert.Equal([Prefix + "m1"], (await OpenAsync()).Select(q => q.Subject));
    }

    [Fact]
    public async Task Without_text_the_first_message_is_a_question_and_the_same_authors_second_is_not()
    {
        await SendAsync(Ada, "m1", text: null, minutes: 0);
        await SendAsync(Ada, "m2", text: null, minutes: 1);
        await SendAsync(Bo, "m3", text: null, minutes: 2);

        Assert.Equal(
            [(ParticipationKinds.ThreadQuestion, Prefix + "m1", (string?)null), (ParticipationKinds.ThreadAnswer, Prefix + "m1", null)],
            _log.Events.Select(e => (e.Kind, e.Subject, e.Detail)));
    }

    [Fact]
    public async Task An_answered_question_is_no_longer_open_and_takes_no_more_answers()
    {
        await SendAsync(Ada, "m1", "why?", minutes: 0);
        await SendAsync(Bo, "m2", "because", minutes: 1);

        await SendAsync(Cy, "m3", "agreed", minutes: 2);

        Assert.Equal([ParticipationKinds.ThreadQuestion, ParticipationKinds.ThreadAnswer], _log.Events.Select(e => e.Kind));
        Assert.Empty(await OpenAsync());
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task A_question_takes_answers_for_OpenFor_and_not_after(int millisecondsPastOpenFor, bool answered)
    {
        await SendAsync(Ada, "m1", "anyone?", minutes: 0);

        await RecordAsync(Message(Bo, "m2", "late reply", Start + ThreadActivityRecorder.OpenFor + TimeSpan.FromMilliseconds(millisecondsPastOpenFor)));

        Assert.Equal(answered, _log.Events.Any(e => e.Kind == ParticipationKinds.ThreadAnswer));
    }

    [Fact]
    public async Task A_message_in_another_thread_does_not_answer()
    {
        await SendAsync(Ada, "m1", "why?", minutes: 0);

        await RecordAsync(Message(Bo, "m2", "because", Start.AddMinutes(1), thread: "1700000000.000200"));

        Assert.Single(_log.Events);
    }

    [Theory]
    [InlineData(ChatPlatform.Slack, "T1", "C999")]
    [InlineData(ChatPlatform.Slack, "T2", SlackChannel)]
    [InlineData(ChatPlatform.Discord, "T1", SlackChannel)]
    public async Task Messages_in_channels_without_a_group_are_ignored(ChatPlatform platform, string workspace, string channel)
    {
        var thread = new ConversationRef(platform, workspace, channel, SlackThread);

        await RecordAsync(new ThreadMessage(thread, "m1", Ada with { Platform = platform }, Start) { Text = "anyone?" });

        Assert.Empty(_log.Events);
    }

    [Fact]
    public async Task A_redelivered_question_is_logged_once()
    {
        await SendAsync(Ada, "m1", "why?", minutes: 0);
        await SendAsync(Ada, "m1", "why?", minutes: 0);

        Assert.Single(_log.Events);
    }

    [Theory]
    [InlineData(ChatPlatform.Slack, "T1", SlackChannel, "1700000000.123456", "1700000001.654321", $"q:{SlackChannel}:1700000000.123456:1700000001.654321")]
    [InlineData(ChatPlatform.Discord, "987654321098765432", "1234567890123456789", "1234567890123456790", "1234567890123456791", "q:1234567890123456789:1234567890123456790:1234567890123456791")]
    [InlineData(ChatPlatform.Discord, "987654321098765432", "12345678901234567890", "12345678901234567891", "12345678901234567892", "q:12345678901234567890:12345678901234567891:12345678901234567892")]
    public async Task Platform_ids_fit_the_subject_with_channel_and_thread(ChatPlatform platform, string workspace, string channel, string thread, string message, string subject)
    {
        var home = new ConversationRef(platform, workspace, channel);
        await _groups.TryCreateAsync(new NewStudyGroup(home, "G", "UTC", new GroupSettings(), Start), CancellationToken.None);

        await RecordAsync(new ThreadMessage(home.InThread(thread), message, Ada with { Platform = platform }, Start) { Text = "why?" });

        var question = Assert.Single(_log.Events);
        Assert.Equal(subject, question.Subject);
        Assert.InRange(question.Subject.Length, 1, 64);
    }

    [Fact]
    public async Task A_channel_id_too_long_to_fit_leaves_only_the_thread_in_the_subject()
    {
        var home = new ConversationRef(ChatPlatform.Slack, "T1", new string('C', 40));
        await _groups.TryCreateAsync(new NewStudyGroup(home, "G", "UTC", new GroupSettings(), Start), CancellationToken.None);

        await RecordAsync(new ThreadMessage(home.InThread(SlackThread), "1700000001.000001", Ada, Start) { Text = "why?" });

        Assert.Equal($"q:{SlackThread}:1700000001.000001", Assert.Single(_log.Events).Subject);
    }

    [Fact]
    public async Task A_message_id_too_long_for_the_subject_is_refused()
    {
        var message = Message(Ada, new string('9', 40), "why?", Start);

        await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(message));
        Assert.Empty(_log.Events);
    }

    [Fact]
    public async Task A_message_outside_a_thread_is_refused()
    {
        var message = new ThreadMessage(SlackHome, "m1", Ada, Start) { Text = "why?" };

        await Assert.ThrowsAsync<ArgumentException>(() => RecordAsync(message));
    }

    [Fact]
    public void Open_lists_unanswered_questions_oldest_first_with_their_excerpts()
    {
        ParticipationEvent Event(string kind, string subject, int minutes, long member = 1) =>
            new(_groupId, member, kind, subject, ChatPlatform.Slack, Start.AddMinutes(minutes)) { Detail = kind == ParticipationKinds.ThreadQuestion ? "about " + subject : null };

        var open = ThreadActivityRecorder.Open(
        [
            Event(ParticipationKinds.ThreadQuestion, "q3", 30),
            Event(ParticipationKinds.ThreadAnswer, "q2", 25, member: 2),
            Event(ParticipationKinds.ThreadQuestion, "q1", 10),
            Event(ParticipationKinds.ThreadQuestion, "q2", 20),
            Event(ParticipationKinds.ReadingDone, "q4", 5),
        ]);

        Assert.Equal(
            [new OpenQuestion(1, "q1", "about q1", Start.AddMinutes(10)), new OpenQuestion(1, "q3", "about q3", Start.AddMinutes(30))],
            open);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" \n\t ", null)]
    [InlineData("why?", "why?")]
    [InlineData("  why \r\n is\t\tit   so? ", "why is it so?")]
    public void Excerpt_collapses_whitespace(string? text, string? expected) =>
        Assert.Equal(expected, ThreadActivityRecorder.Excerpt(text));

    [Theory]
    [InlineData(199, false)]
    [InlineData(200, false)]
    [InlineData(201, true)]
    [InlineData(5000, true)]
    public void Excerpt_cuts_at_200_characters_with_an_ellipsis(int length, bool cut)
    {
        var words = string.Concat(Enumerable.Repeat("abcd ", (length / 5) + 1))[..(length - 1)] + "z";

        var excerpt = ThreadActivityRecorder.Excerpt(" \n " + words.Replace(" ", "  \t", StringComparison.Ordinal) + "\r\n")!;

        Assert.True(excerpt.Length <= ParticipationEvent.MaxDetailLength);
        Assert.Equal(cut ? words[..199] + "…" : words, excerpt);
    }

    [Fact]
    public void Excerpt_does_not_split_an_emoji_at_the_cut()
    {
        var excerpt = ThreadActivityRecorder.Excerpt(new string('a', 198) + "😀 and more text")!;

        Assert.True(excerpt.Length <= ParticipationEvent.MaxDetailLength);
        Assert.DoesNotContain(excerpt, char.IsSurrogate);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }

    private Task SendAsync(MemberRef author, string id, string? text, int minutes, string? replyTo = null) =>
        RecordAsync(Message(author, id, text, Start.AddMinutes(minutes), replyTo: replyTo));

    private Task RecordAsync(ThreadMessage message) =>
        new ThreadActivityRecorder(_groups, _members, _log).RecordAsync(message, CancellationToken.None);

    private static ThreadMessage Message(MemberRef author, string id, string? text, DateTimeOffset at, string thread = SlackThread, string? replyTo = null) =>
        new(SlackHome.InThread(thread), id, author, at) { Text = text, ReplyToMessageId = replyTo };

    private async Task<long> IdAsync(MemberRef member) => (await _members.EnsureAsync(member, Start, CancellationToken.None)).Id;

    private async Task<IReadOnlyList<OpenQuestion>> OpenAsync() =>
        ThreadActivityRecorder.Open(await _log.ListAsync(_groupId, [ParticipationKinds.ThreadQuestion, ParticipationKinds.ThreadAnswer], null, CancellationToken.None));
}
