using System.Text.Json;
using MathForML.Discord.Rest;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;
using Microsoft.Extensions.Logging;

namespace MathForML.Discord.Tests;

public sealed class RestClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _clock = new();
    private LoopbackDiscord _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackDiscord.StartAsync(_clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_request_carries_bot_authorization_and_the_required_user_agent()
    {
        var rest = Clients.Rest(_server, _clock);

        var user = await rest.GetCurrentUserAsync();

        Assert.True(user.IsSuccess);
        Assert.Equal(LoopbackDiscord.BotUserId, user.Value!.Id);
        var request = Assert.Single(_server.Requests);
        Assert.Equal($"Bot {LoopbackDiscord.Token}", request.Authorization);
        Assert.Matches(@"^DiscordBot \(https?://[^,]+, [0-9.]+\)$", request.UserAgent);
    }

    [Fact]
    public async Task Current_application_is_read_from_applications_me()
    {
        var app = await Clients.Rest(_server, _clock).GetCurrentApplicationAsync();

        Assert.Equal(LoopbackDiscord.ApplicationId, app.Value!.Id);
        Assert.Equal("applications/@me", Assert.Single(_server.Requests).Route);
    }

    [Fact]
    public async Task Create_message_sends_embeds_components_allowed_mentions_flags_and_an_idempotency_nonce()
    {
        var rest = Clients.Rest(_server, _clock);
        var message = new MessageContent
        {
            Content = "Daily problem",
            Embeds = [new Embed { Title = "Gradient of ReLU", Color = 0x3366FF, Fields = [new EmbedField("Due", "<t:1767600000:R>", true)] }],
            Components = [Component.ActionRow(Component.Button("hint:42", "Hint"), Component.Button("reveal:42", "Reveal", ButtonStyle.Danger))],
            Flags = MessageFlags.SuppressNotifications,
        };

        var sent = await rest.CreateMessageAsync("555555555555555555", message);

        Assert.True(sent.IsSuccess);
        var json = Assert.Single(_server.Requests).Json!.Value;
        Assert.Equal("Daily problem", json.GetProperty("content").GetString());
        Assert.Equal("Gradient of ReLU", json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.True(json.GetProperty("embeds")[0].GetProperty("fields")[0].GetProperty("inline").GetBoolean());
        var row = json.GetProperty("components")[0];
        Assert.Equal(1, row.GetProperty("type").GetInt32());
        Assert.Equal("reveal:42", row.GetProperty("components")[1].GetProperty("custom_id").GetString());
        Assert.Equal((int)ButtonStyle.Danger, row.GetProperty("components")[1].GetProperty("style").GetInt32());
        Assert.Equal(0, json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal((int)MessageFlags.SuppressNotifications, json.GetProperty("flags").GetInt32());
        Assert.InRange(json.GetProperty("nonce").GetString()!.Length, 1, 25);
        Assert.True(json.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task Png_attachments_go_as_multipart_with_payload_json_files_parts_and_alt_text()
    {
        var rest = Clients.Rest(_server, _clock);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var message = new MessageContent
        {
            Embeds = [new Embed { Image = new EmbedMedia("attachment://problem.png") }],
            Files = [new FileUpload("problem.png", png, @"\frac{d}{dx} \max(x, 0)"), new FileUpload("chart.png", png, "leaderboard")],
        };

        var sent = await rest.CreateMessageAsync("555555555555555555", message);

        Assert.True(sent.IsSuccess);
        Assert.Equal(2, sent.Value!.Attachments!.Count);
        var request = Assert.Single(_server.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Collection(request.Files,
            f =>
            {
                Assert.Equal("files[0]", f.PartName);
                Assert.Equal("problem.png", f.FileName);
                Assert.Equal("image/png", f.ContentType);
                Assert.Equal(png, f.Content);
            },
            f => Assert.Equal(("files[1]", "chart.png"), (f.PartName, f.FileName)));
        var attachments = request.Json!.Value.GetProperty("attachments");
        Assert.Equal(0, attachments[0].GetProperty("id").GetInt32());
        Assert.Equal(@"\frac{d}{dx} \max(x, 0)", attachments[0].GetProperty("description").GetString());
        Assert.Equal("chart.png", attachments[1].GetProperty("filename").GetString());
    }

    [Fact]
    public async Task Edit_message_and_threads_use_their_routes()
    {
        var rest = Clients.Rest(_server, _clock);

        var edited = await rest.EditMessageAsync("555", "777", new MessageContent { Content = "edited" });
        var fromMessage = await rest.StartThreadFromMessageAsync("555", "777", "Problem 42", ThreadArchiveDuration.OneWeek);
        var standalone = await rest.StartThreadAsync("555", "Chapter 3 reading");

        Assert.True(edited.IsSuccess && fromMessage.IsSuccess && standalone.IsSuccess);
        Assert.Equal("777", edited.Value!.Id);
        Assert.Equal("Problem 42", fromMessage.Value!.Name);
        var requests = _server.Requests;
        Assert.Equal(("PATCH", "channels/555/messages/777"), (requests[0].Method, requests[0].Route));
        Assert.Equal(("POST", "channels/555/messages/777/threads"), (requests[1].Method, requests[1].Route));
        Assert.Equal(10080, requests[1].Json!.Value.GetProperty("auto_archive_duration").GetInt32());
        Assert.Equal("channels/555/threads", requests[2].Route);
        Assert.Equal(DiscordRestClient.PublicThreadChannelType, requests[2].Json!.Value.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Bulk_overwrite_sends_options_descriptions_and_default_member_permissions()
    {
        var rest = Clients.Rest(_server, _clock);
        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "answer", Description = "Answer today's problem",
                Options = [new() { Type = ApplicationCommandOptionType.String, Name = "value", Description = "Your answer", Required = true }],
            },
            new ApplicationCommand
            {
                Name = "group", Description = "Organize the study group",
                Options =
                [
                    new()
                    {
                        Type = ApplicationCommandOptionType.SubCommand, Name = "book", Description = "Set the book",
                        Options = [new() { Type = ApplicationCommandOptionType.String, Name = "title", Description = "Book", Autocomplete = true }],
                    },
                ],
            }.RequiringPermissions(DiscordPermissions.ManageGuild),
        ];

        var guild = await rest.BulkOverwriteGuildCommandsAsync("333333333333333333", commands);
        var global = await rest.BulkOverwriteGlobalCommandsAsync(commands);

        Assert.Equal(["answer", "group"], guild.Value!.Select(c => c.Name));
        Assert.True(global.IsSuccess);
        var requests = _server.Requests;
        Assert.Equal(("PUT", $"applications/{LoopbackDiscord.ApplicationId}/guilds/333333333333333333/commands"), (requests[0].Method, requests[0].Route));
        Assert.Equal($"applications/{LoopbackDiscord.ApplicationId}/commands", requests[1].Route);
        var sent = requests[0].Json!.Value;
        Assert.Equal("32", sent[1].GetProperty("default_member_permissions").GetString());
        Assert.False(sent[0].TryGetProperty("default_member_permissions", out _));
        var sub = sent[1].GetProperty("options")[0];
        Assert.Equal(1, sub.GetProperty("type").GetInt32());
        Assert.True(sub.GetProperty("options")[0].GetProperty("autocomplete").GetBoolean());
        Assert.Equal("Your answer", sent[0].GetProperty("options")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Rejections_are_values_with_discord_code_and_message()
    {
        _server.Misbehave = r => new CannedReply(400, new { code = 50035, message = "Invalid Form Body", errors = new { content = "too long" } });

        var result = await Clients.Rest(_server, _clock).CreateMessageAsync("555", new MessageContent { Content = "x" });

        Assert.False(result.IsSuccess);
        Assert.Equal(DiscordErrorKind.Rejected, result.Error!.Kind);
        Assert.Equal((400, 50035), (result.Error.HttpStatus, result.Error.DiscordCode));
        Assert.StartsWith("Invalid Form Body", result.Error.Message);
    }

    [Fact]
    public async Task Interaction_callback_serializes_type_and_data()
    {
        var rest = Clients.Rest(_server, _clock);

        var result = await rest.CreateInteractionResponseAsync("9001", "tok-1",
            InteractionCallback.Message(new MessageContent { Content = "Correct!" }, ephemeral: true));

        Assert.True(result.IsSuccess);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("interactions/9001/tok-1/callback", request.Route);
        Assert.Equal(4, request.Json!.Value.GetProperty("type").GetInt32());
        Assert.Equal(64, request.Json.Value.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(6, null)]
    [InlineData(8, "choices")]
    [InlineData(9, "custom_id")]
    public async Task Each_callback_type_has_its_wire_shape(int type, string? dataField)
    {
        var callback = type switch
        {
            5 => InteractionCallback.Defer(),
            6 => InteractionCallback.DeferUpdate(),
            8 => InteractionCallback.Autocomplete([new AutocompleteChoice("Linear Algebra Done Right", "ladr")]),
            _ => InteractionCallback.Modal(new ModalDefinition("answer-modal", "Your answer",
                [Component.ActionRow(Component.TextInput("value", "Answer", TextInputStyle.Paragraph))])),
        };

        await Clients.Rest(_server, _clock).CreateInteractionResponseAsync("9002", "tok-2", callback);

        var json = Assert.Single(_server.Requests).Json!.Value;
        Assert.Equal(type, json.GetProperty("type").GetInt32());
        if (dataField is null)
        {
            Assert.False(json.TryGetProperty("data", out _));
        }
        else
        {
            Assert.True(json.GetProperty("data").TryGetProperty(dataField, out _));
        }
    }

    [Fact]
    public async Task Update_message_callback_is_type_7_with_the_new_content()
    {
        await Clients.Rest(_server, _clock).CreateInteractionResponseAsync("9003", "tok-3",
            InteractionCallback.UpdateMessage(new MessageContent { Content = "RSVP: 3 going" }));

        var json = Assert.Single(_server.Requests).Json!.Value;
        Assert.Equal(7, json.GetProperty("type").GetInt32());
        Assert.Equal("RSVP: 3 going", json.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Gateway_bot_reports_url_shards_and_session_start_limit()
    {
        _server.MaxConcurrency = 16;

        var info = await Clients.Rest(_server, _clock).GetGatewayBotAsync();

        Assert.Equal(_server.GatewayUrl, info.Value!.Url);
        Assert.Equal(1, info.Value.Shards);
        Assert.Equal(16, info.Value.SessionStartLimit.MaxConcurrency);
    }

    [Fact]
    public void Error_body_parsing_keeps_code_message_and_field_errors()
    {
        var (code, message) = DiscordRestTransport.ReadError(JsonSerializer.SerializeToUtf8Bytes(new { code = 10008, message = "Unknown Message" }));

        Assert.Equal((10008, "Unknown Message"), (code, message));
        Assert.Equal((null, DiscordMessages.UnreadableResponse), DiscordRestTransport.ReadError("<html/>"u8.ToArray()));
    }
}
