using System.Text.Json;
using MathForML.Slack.Wire;

namespace MathForML.Slack.Tests;

public sealed class WireParsingTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Socket_mode_slash_command_payload_is_read()
    {
        var result = SlashCommandParser.FromJson(Json(
            """{"team_id":"T0TEAM","channel_id":"C0STUDY","user_id":"U0ADA","user_name":"ada","command":"/mfml","text":"answer 1/4","trigger_id":"13.42.ab","response_url":"https://hooks.slack.com/x"}"""));

        Assert.Equal(new SlashCommand("/mfml", "answer 1/4", "U0ADA", "ada", "C0STUDY", "T0TEAM", "13.42.ab", "https://hooks.slack.com/x"), result.Value);
    }

    [Theory]
    [InlineData("""{"channel_id":"C1","user_id":"U1","team_id":"T1"}""", "$.command")]
    [InlineData("""{"command":"/mfml","channel_id":"C1","team_id":"T1"}""", "$.user_id")]
    [InlineData("""{"command":"/mfml","user_id":"U1","team_id":"T1"}""", "$.channel_id")]
    [InlineData("""{"command":"/mfml","user_id":"U1","channel_id":"C1"}""", "$.team_id")]
    [InlineData("""{"command":"/mfml","user_id":7,"channel_id":"C1","team_id":"T1"}""", "$.user_id")]
    public void Slash_command_without_a_required_field_names_it(string json, string path)
    {
        Assert.Equal(new WireError(path, WireMessages.Missing), SlashCommandParser.FromJson(Json(json)).Error);
    }

    [Fact]
    public void Slash_command_without_text_reads_as_empty_text()
    {
        var result = SlashCommandParser.FromJson(Json("""{"command":"/mfml","user_id":"U1","channel_id":"C1","team_id":"T1"}"""));

        Assert.Equal("", result.Value?.Text);
    }

    [Fact]
    public void Block_actions_read_button_and_select_values_and_the_message()
    {
        var result = InteractivePayloadParser.Parse(Json("""
            {"type":"block_actions","user":{"id":"U0ADA"},"team":{"id":"T0TEAM"},"trigger_id":"13.42.ab",
             "channel":{"id":"C0STUDY"},"container":{"type":"message","message_ts":"1700000000.000100"},
             "response_url":"https://hooks.slack.com/actions/1",
             "actions":[{"action_id":"reveal","block_id":"b1","type":"button","value":"problem-7"},
                        {"action_id":"rsvp","block_id":"b2","type":"static_select","selected_option":{"value":"yes"}}]}
            """));
        var actions = Assert.IsType<BlockActions>(result.Value);

        Assert.Equal("U0ADA", actions.UserId);
        Assert.Equal("T0TEAM", actions.TeamId);
        Assert.Equal("C0STUDY", actions.ChannelId);
        Assert.Equal("1700000000.000100", actions.MessageTs);
        Assert.Equal([new BlockAction("reveal", "b1", "button", "problem-7"), new BlockAction("rsvp", "b2", "static_select", "yes")], actions.Actions);
    }

    [Fact]
    public void View_submission_reads_state_values()
    {
        var result = InteractivePayloadParser.Parse(Json("""
            {"type":"view_submission","user":{"id":"U0ADA"},"team":{"id":"T0TEAM"},
             "view":{"id":"V0MODAL1","callback_id":"answer","private_metadata":"problem-7",
               "state":{"values":{
                 "answer_block":{"answer_input":{"type":"plain_text_input","value":"1/4"}},
                 "when_block":{"date":{"type":"datepicker","selected_date":"2026-03-01"}},
                 "tags_block":{"tags":{"type":"checkboxes","selected_options":[{"value":"a"},{"value":"b"}]}}}}}}
            """));
        var submission = Assert.IsType<ViewSubmission>(result.Value);

        Assert.Equal("V0MODAL1", submission.ViewId);
        Assert.Equal("answer", submission.CallbackId);
        Assert.Equal("problem-7", submission.PrivateMetadata);
        Assert.Equal("1/4", submission.ValueOf("answer_block", "answer_input"));
        Assert.Equal("2026-03-01", submission.ValueOf("when_block", "date"));
        Assert.Equal(["a", "b"], submission.Values["tags_block"]["tags"].SelectedValues);
        Assert.Null(submission.ValueOf("answer_block", "missing"));
    }

    [Theory]
    [InlineData("""[]""", "$", WireMessages.NotAnObject)]
    [InlineData("""{"type":"block_actions","actions":[]}""", "$.user.id", WireMessages.Missing)]
    [InlineData("""{"user":{"id":"U1"}}""", "$.type", WireMessages.Missing)]
    [InlineData("""{"type":"message_action","user":{"id":"U1"}}""", "$.type", WireMessages.UnsupportedInteraction)]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"}}""", "$.actions", WireMessages.NotAnArray)]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"type":"button"}]}""", "$.actions[0].action_id", WireMessages.Missing)]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"a","type":"button"},{"action_id":"b"}]}""", "$.actions[1].type", WireMessages.Missing)]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"}}""", "$.view", WireMessages.NotAnObject)]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{}}""", "$.view.id", WireMessages.Missing)]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","state":{"values":{"b":{"a":{"value":"x"}}}}}}""", "$.view.state.values.b.a.type", WireMessages.Missing)]
    public void Malformed_interactions_name_where_they_broke(string json, string path, string reason)
    {
        Assert.Equal(new WireError(path, reason), InteractivePayloadParser.Parse(Json(json)).Error);
    }

    private static string Event(string inner) =>
        $$"""{"team_id":"T0TEAM","api_app_id":"A0TEST","type":"event_callback","event_id":"Ev0001","event_time":1700000000,"event":{{inner}}}""";

    [Theory]
    [InlineData("""{"type":"app_mention","user":"U0ADA","text":"<@U0BOT> problem","channel":"C0STUDY","ts":"1.1"}""", EventDisposition.Handle)]
    [InlineData("""{"type":"message","user":"U0ADA","text":"answer 1/4","channel":"D0DM","ts":"1.1","channel_type":"im"}""", EventDisposition.Handle)]
    [InlineData("""{"type":"message","subtype":"thread_broadcast","user":"U0ADA","text":"x","channel":"C1","ts":"1.1","thread_ts":"1.0"}""", EventDisposition.Handle)]
    [InlineData("""{"type":"message","subtype":"file_share","user":"U0ADA","text":"my work","channel":"C1","ts":"1.1"}""", EventDisposition.Handle)]
    [InlineData("""{"type":"message","subtype":"bot_message","text":"beep","channel":"C1","ts":"1.1"}""", EventDisposition.IgnoreBotMessage)]
    [InlineData("""{"type":"message","bot_id":"B0BOT","user":"U0BOT","text":"Problem 1","channel":"C1","ts":"1.1"}""", EventDisposition.IgnoreBotMessage)]
    [InlineData("""{"type":"message","subtype":"message_changed","channel":"C1","ts":"1.1"}""", EventDisposition.IgnoreSubtype)]
    [InlineData("""{"type":"message","subtype":"message_deleted","channel":"C1","ts":"1.1"}""", EventDisposition.IgnoreSubtype)]
    [InlineData("""{"type":"message","subtype":"channel_join","user":"U0ADA","channel":"C1","ts":"1.1"}""", EventDisposition.IgnoreSubtype)]
    [InlineData("""{"type":"reaction_added","user":"U0ADA"}""", EventDisposition.IgnoreEventType)]
    public void Events_are_handled_or_skipped_by_type_subtype_and_author(string inner, EventDisposition expected)
    {
        var result = EventCallbackParser.Parse(Json(Event(inner)));

        Assert.Equal(expected, result.Value?.Disposition);
        Assert.Equal(expected == EventDisposition.Handle, result.Value?.Message is not null);
        Assert.Equal("Ev0001", result.Value?.EventId);
    }

    [Fact]
    public void Handled_message_carries_its_fields()
    {
        var result = EventCallbackParser.Parse(Json(Event(
            """{"type":"message","user":"U0ADA","text":"answer 1/4","channel":"C0STUDY","ts":"1700000000.000300","thread_ts":"1700000000.000100","channel_type":"channel"}""")));

        Assert.Equal(new SlackMessageEvent("message", "C0STUDY", "U0ADA", "answer 1/4", "1700000000.000300", "1700000000.000100", "channel"), result.Value?.Message);
        Assert.Equal(1_700_000_000, result.Value?.EventTime);
        Assert.Equal("T0TEAM", result.Value?.TeamId);
    }

    [Theory]
    [InlineData("""{"event_id":"E1","event":{}}""", "$.team_id", WireMessages.Missing)]
    [InlineData("""{"team_id":"T1","event":{}}""", "$.event_id", WireMessages.Missing)]
    [InlineData("""{"team_id":"T1","event_id":"E1"}""", "$.event", WireMessages.NotAnObject)]
    [InlineData("""{"team_id":"T1","event_id":"E1","event":{"user":"U1"}}""", "$.event.type", WireMessages.Missing)]
    [InlineData("""{"team_id":"T1","event_id":"E1","event":{"type":"message","user":"U1","ts":"1.1"}}""", "$.event.channel", WireMessages.Missing)]
    [InlineData("""{"team_id":"T1","event_id":"E1","event":{"type":"app_mention","channel":"C1","ts":"1.1"}}""", "$.event.user", WireMessages.Missing)]
    public void Malformed_events_name_where_they_broke(string json, string path, string reason)
    {
        Assert.Equal(new WireError(path, reason), EventCallbackParser.Parse(Json(json)).Error);
    }
}
