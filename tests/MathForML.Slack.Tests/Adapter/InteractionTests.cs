using System.Text.Json;
using MathForML.Core.Commands;
using MathForML.Slack.Adapter;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>Buttons and modals over the loopback Socket Mode connection.</summary>
public sealed class InteractionTests
{
    private static object ButtonPress(string actionId, string? value, string responseUrl) => new
    {
        type = "block_actions",
        user = new { id = "U0ADA", username = "ada" },
        team = new { id = "T0TEAM" },
        trigger_id = "trigger-1",
        channel = new { id = "C0STUDY" },
        container = new { type = "message", message_ts = "1700000000.000100", thread_ts = "1700000000.000050" },
        response_url = responseUrl,
        actions = new[] { new { action_id = actionId, type = "button", block_id = "b1", value } },
    };

    [Fact]
    public async Task Button_press_runs_its_command_and_the_ephemeral_reply_goes_to_the_response_url()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();

        await server.SendInteractiveAsync("env-press", ButtonPress(CommandActions.For(CommandCatalog.FindPath("group show")!), null, bot.Slack.ResponseUrl("press")));
        var ack = await server.NextAckAsync();
        var response = await bot.NextResponseAsync();

        Assert.Null(ack.Payload);
        Assert.Equal("ephemeral", response.Body.GetProperty("response_type").GetString());
        Assert.Contains("no study group yet", response.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_with_a_form_opens_a_modal_and_the_submitted_value_reaches_the_command()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        var button = TestHandlers.AnswerButton;
        var value = TestHandlers.Problem.Buttons.Count > 0 ? SlackBlocks.Render(TestHandlers.Problem, false).Blocks[1]!["elements"]![1]!["value"]!.GetValue<string>() : null;

        await server.SendInteractiveAsync("env-form", ButtonPress(button.ActionId, value, bot.Slack.ResponseUrl("form")));
        await server.NextAckAsync();
        await bot.WaitForCallsAsync("views.open");
        var request = bot.LastRequestJson("views.open");
        var view = request.GetProperty("view");
        var input = view.GetProperty("blocks")[0];
        Assert.Equal("trigger-1", request.GetProperty("trigger_id").GetString());
        Assert.Equal("Your answer", view.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Answer", input.GetProperty("label").GetProperty("text").GetString());
        Assert.Equal("e.g. 1/4", input.GetProperty("element").GetProperty("placeholder").GetProperty("text").GetString());
        Assert.Equal(100, input.GetProperty("element").GetProperty("max_length").GetInt32());

        await server.SendInteractiveAsync("env-submit", Submission(view.GetProperty("private_metadata").GetString()!, " 1/4 "));
        var ack = await server.NextAckAsync();
        Assert.Null(ack.Payload);
        var response = await bot.NextResponseAsync();

        Assert.Equal("form", response.Id);
        Assert.Equal("ephemeral", response.Body.GetProperty("response_type").GetString());
        Assert.Equal(AnswerTestHandler.VerdictPrefix + "1/4 from Ada Lovelace", response.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_empty_submission_is_refused_inside_the_modal()
    {
        await using var bot = await SlackBotHarness.StartAsync();
        var server = await bot.Slack.NextConnectionAsync();
        var metadata = new SlackInteractions.FormMetadata("answer", "C0STUDY", null, "T0TEAM", null).Serialize();

        await server.SendInteractiveAsync("env-empty", Submission(metadata, "   "));
        var ack = await server.NextAckAsync();

        var payload = Assert.NotNull(ack.Payload);
        Assert.Equal("errors", payload.GetProperty("response_action").GetString());
        Assert.Equal(SlackMessages.FormValueRequired, payload.GetProperty("errors").GetProperty(SlackInteractions.FormBlockId).GetString());
    }

    private static object Submission(string privateMetadata, string typed) => new
    {
        type = "view_submission",
        user = new { id = "U0ADA", username = "ada" },
        team = new { id = "T0TEAM" },
        view = new
        {
            id = "V0MODAL1",
            callback_id = SlackInteractions.FormCallbackId,
            private_metadata = privateMetadata,
            state = new
            {
                values = new Dictionary<string, object>
                {
                    [SlackInteractions.FormBlockId] = new Dictionary<string, object>
                    {
                        [SlackInteractions.FormInputActionId] = new { type = "plain_text_input", value = typed },
                    },
                },
            },
        },
    };
}
