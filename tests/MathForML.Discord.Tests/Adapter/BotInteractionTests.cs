using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Groups;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>Slash commands over the loopback gateway, through the real dispatcher, answered over REST.</summary>
public sealed class BotInteractionTests : BotTestBase
{
    [Fact]
    public async Task An_organizer_sets_up_a_group_and_the_reply_is_a_public_channel_message()
    {
        var token = await SendAsync(Sub("group", "setup", Option("time-zone", "Europe/Berlin"), Option("name", "MML readers")), ManageGuild);

        Assert.Equal(5, Callback(token).Json!.Value.GetProperty("type").GetInt32());
        Assert.False(IsPrivate(token));
        var group = Assert.Single(Groups.Groups);
        Assert.Equal(new ConversationRef(ChatPlatform.Discord, LoopbackDiscord.GuildId, Channel), group.Home);
        Assert.Equal(("MML readers", "Europe/Berlin"), (group.Name, group.TimeZoneId));
        Assert.Equal(GroupMessages.Created(group), Content(Answer(token)));
    }

    public static TheoryData<string, string[], bool> Rights => new()
    {
        { ManageGuild, [], true },
        { "8", [], true },                    // Administrator
        { SendMessagesOnly, [OrganizerRole], true },
        { SendMessagesOnly, ["123"], false },
        { SendMessagesOnly, [], false },
    };

    [Theory]
    [MemberData(nameof(Rights))]
    public async Task Organizer_rights_come_from_manage_server_administrator_or_a_configured_role(string permissions, string[] roles, bool organizer)
    {
        var token = await SendAsync(Sub("group", "setup", Option("time-zone", "UTC")), permissions, roles);

        Assert.Equal(organizer ? 1 : 0, Groups.Groups.Count);
        Assert.Equal(!organizer, IsPrivate(token));
        if (!organizer)
        {
            // A member is refused on the receive path: a direct private answer, no deferral.
            Assert.Equal(4, Callback(token).Json!.Value.GetProperty("type").GetInt32());
            Assert.Equal(CommandMessages.OrganizersOnly(CommandCatalog.StudyGroup.FindSubcommand("setup")!), Content(Answer(token)));
        }
    }

    [Fact]
    public async Task A_command_typed_in_a_thread_belongs_to_the_parent_channel_and_names_the_thread()
    {
        await SendAsync(Sub("group", "setup", Option("time-zone", "UTC")), ManageGuild);
        var token = await SendAsync(Slash("timezone", Option("time-zone", "Asia/Tokyo")), channelId: Thread,
            channel: new { id = Thread, type = 11, parent_id = Channel });

        Assert.DoesNotContain("no study group", Content(Answer(token)) ?? "", StringComparison.OrdinalIgnoreCase);
        var showToken = await SendAsync(Sub("group", "show"), channelId: Thread, channel: new { id = Thread, type = 11, parent_id = Channel });
        Assert.NotEqual(CommandMessages.NoGroupHere, Content(Answer(showToken)));
        var member = await Members.EnsureAsync(new MemberRef(ChatPlatform.Discord, "42", "Ada"), Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal("Asia/Tokyo", member.TimeZoneId);
    }

    [Fact]
    public async Task A_direct_message_is_told_that_the_bot_works_in_server_channels()
    {
        var token = await SendAsync(Slash("help"), inGuild: false, channel: new { id = "999", type = 1 });

        var callback = Callback(token);
        Assert.Equal(DiscordMessages.DirectMessagesNotSupported, Content(callback));
        Assert.True(IsEphemeral(CallbackData(callback)));
    }

    [Fact]
    public async Task An_image_reply_is_a_png_attachment_whose_description_is_the_alt_text()
    {
        var token = await SendAsync(Slash("tex", Option("latex", @"\sqrt{x}")));

        var answer = Answer(token);
        var file = Assert.Single(answer.Files);
        Assert.Equal(("files[0]", "formula.png", "image/png"), (file.PartName, file.FileName, file.ContentType));
        Assert.Equal(TestHandlers.Png, file.Content);
        var attachment = Assert.Single(MessageData(answer).GetProperty("attachments").EnumerateArray());
        Assert.Equal((0, "formula.png", @"\sqrt{x}"),
            (attachment.GetProperty("id").GetInt32(), attachment.GetProperty("filename").GetString(), attachment.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task A_reply_with_a_thread_title_opens_a_thread_on_the_reply_message()
    {
        var token = await SendAsync(Slash("leaderboard"));
        await IdleAsync();

        var data = MessageData(Answer(token));
        Assert.Equal(TestHandlers.ProblemText, data.GetProperty("content").GetString());
        var buttons = data.GetProperty("components")[0].GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["hint", "answer"], buttons.Select(b => b.GetProperty("custom_id").GetString()));
        var thread = Assert.Single(Server.Requests, r => r.Route.EndsWith("/threads", StringComparison.Ordinal));
        Assert.StartsWith($"channels/{Channel}/messages/", thread.Route, StringComparison.Ordinal);
        Assert.Equal("Problem 3: ReLU gradient", thread.Json!.Value.GetProperty("name").GetString());
        Assert.Equal(1440, thread.Json!.Value.GetProperty("auto_archive_duration").GetInt32());
    }

    [Fact]
    public async Task A_button_press_runs_its_command()
    {
        var token = await SendAsync(new { custom_id = "hint", component_type = 2 }, type: 3);

        Assert.Equal("Hint: split at x = 0.", Content(Answer(token)));
        Assert.True(IsPrivate(token));
        Assert.Single(Handlers.Hint.Received);
    }

    [Fact]
    public async Task A_button_with_a_form_opens_a_modal_and_the_submitted_text_runs_the_command()
    {
        await SendAsync(Slash("leaderboard"));
        await IdleAsync();

        var press = await SendAsync(new { custom_id = "answer", component_type = 2 }, type: 3);
        var modal = Callback(press);
        Assert.Equal(9, modal.Json!.Value.GetProperty("type").GetInt32());
        var data = CallbackData(modal);
        Assert.Equal(("answer", "Your answer"), (data.GetProperty("custom_id").GetString(), data.GetProperty("title").GetString()));
        var input = data.GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal((4, "Answer", "e.g. 1/4 or [1, 0]", 200),
            (input.GetProperty("type").GetInt32(), input.GetProperty("label").GetString(), input.GetProperty("placeholder").GetString(), input.GetProperty("max_length").GetInt32()));
        Assert.Empty(Handlers.Answer.Received);

        var submit = await SendAsync(new
        {
            custom_id = "answer",
            components = new[] { new { type = 1, components = new[] { new { type = 4, custom_id = "value", value = "1/4" } } } },
        }, type: 5);
        Assert.Equal("Checked: 1/4", Content(Answer(submit)));
        Assert.True(IsPrivate(submit));
    }

    [Fact]
    public async Task A_button_whose_command_needs_input_opens_a_form_derived_from_the_parameter_when_its_form_is_unknown()
    {
        var press = await SendAsync(new { custom_id = "answer", component_type = 2 }, type: 3);

        var data = CallbackData(Callback(press));
        Assert.Equal("/answer", data.GetProperty("title").GetString());
        var input = data.GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal(("value", "value"), (input.GetProperty("custom_id").GetString(), input.GetProperty("label").GetString()));
        Assert.StartsWith("Your answer", input.GetProperty("placeholder").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_autocomplete_suggests_matching_books_by_id_and_title()
    {
        var token = await SendAsync(new
        {
            id = "1", name = "reading", type = 1,
            options = new[] { new { name = "setup", type = 1, options = new object[] { new { name = "book", type = 3, value = "learn", focused = true } } } },
        }, ManageGuild, type: 4);

        var callback = Callback(token);
        Assert.Equal(8, callback.Json!.Value.GetProperty("type").GetInt32());
        var choices = CallbackData(callback).GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("value").GetString())).ToList();
        Assert.Equal(
        [
            ("esl — The Elements of Statistical Learning", "esl"),
            ("mml — Mathematics for Machine Learning", "mml"),
            ("prml — Pattern Recognition and Machine Learning", "prml"),
        ], choices);
    }

    [Fact]
    public async Task A_failing_handler_is_answered_privately_and_the_bot_keeps_serving()
    {
        var failed = await SendAsync(Slash("stats"));
        var after = await SendAsync(Slash("hint"));

        Assert.Equal(CommandMessages.InternalError(CommandCatalog.Stats), Content(Answer(failed)));
        Assert.True(IsPrivate(failed));
        Assert.Equal("Hint: split at x = 0.", Content(Answer(after)));
    }

    [Fact]
    public async Task A_malformed_interaction_is_logged_and_skipped()
    {
        await Server.DispatchAsync("INTERACTION_CREATE", new { id = "1", type = 2 });
        var token = await SendAsync(Slash("hint"));
        await IdleAsync();

        Assert.Equal("Hint: split at x = 0.", Content(Answer(token)));
        Assert.Contains(Logger.Entries, e => e.Id.Id == 4003);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_private_explanation()
    {
        var token = await SendAsync(Slash("frobnicate"));

        Assert.Equal(DiscordMessages.UnknownCommand, Content(Callback(token)));
    }

    [Fact]
    public async Task Every_interaction_is_answered_exactly_once()
    {
        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(Slash("hint"))));
        await IdleAsync();

        Assert.All(tokens, t => Assert.Single(RequestsFor(t), r => r.Route.EndsWith("/callback", StringComparison.Ordinal)));
        Assert.Equal(20, Handlers.Hint.Received.Count);
    }

    internal static JsonElement Json(RestRecord record) => record.Json!.Value;
}
