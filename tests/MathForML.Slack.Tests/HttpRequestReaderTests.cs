using System.Text;
using MathForML.Slack.HttpMode;
using MathForML.Slack.Wire;

namespace MathForML.Slack.Tests;

public sealed class HttpRequestReaderTests
{
    private const string Form = "application/x-www-form-urlencoded";

    [Fact]
    public void Url_verification_yields_the_challenge()
    {
        var result = SlackHttpRequestReader.Read("application/json", Encoding.UTF8.GetBytes(
            """{"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));

        Assert.Equal(new UrlVerificationRequest("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), result.Value);
    }

    [Fact]
    public void Event_callback_json_is_passed_on_for_event_parsing()
    {
        var result = SlackHttpRequestReader.Read("application/json; charset=utf-8", Encoding.UTF8.GetBytes(
            """{"type":"event_callback","team_id":"T0TEAM","event_id":"Ev1","event":{"type":"app_mention","user":"U0ADA","text":"hi","channel":"C0STUDY","ts":"1.2"}}"""));
        var request = Assert.IsType<EventCallbackRequest>(result.Value);
        var parsed = EventCallbackParser.Parse(request.Payload);

        Assert.Equal(EventDisposition.Handle, parsed.Value?.Disposition);
    }

    [Fact]
    public void Form_encoded_slash_command_is_decoded()
    {
        var body = "token=legacy&team_id=T0TEAM&channel_id=C0STUDY&user_id=U0ADA&user_name=ada&command=%2Fmfml"
                   + "&text=answer+1%2F4+%E2%88%9A2&trigger_id=13.42.ab&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1";

        var result = SlackHttpRequestReader.Read(Form, Encoding.UTF8.GetBytes(body));
        var command = Assert.IsType<SlashCommandRequest>(result.Value).Command;

        Assert.Equal(new SlashCommand("/mfml", "answer 1/4 √2", "U0ADA", "ada", "C0STUDY", "T0TEAM", "13.42.ab", "https://hooks.slack.com/commands/1"), command);
    }

    [Fact]
    public void Interactive_payload_field_is_parsed_as_json()
    {
        var json = """{"type":"block_actions","user":{"id":"U0ADA"},"actions":[{"action_id":"hint","type":"button","value":"p1"}]}""";
        var body = "payload=" + Uri.EscapeDataString(json);

        var result = SlackHttpRequestReader.Read(Form, Encoding.UTF8.GetBytes(body));
        var interaction = InteractivePayloadParser.Parse(Assert.IsType<InteractiveRequest>(result.Value).Payload);

        Assert.Equal("hint", Assert.IsType<BlockActions>(interaction.Value).Actions[0].ActionId);
    }

    public static TheoryData<string?, string, string, string> Failures() => new()
    {
        { "text/plain", "hello", "content-type", WireMessages.UnsupportedContentType },
        { "application/json", "{not json", "$", WireMessages.NotJson },
        { "application/json", """{"type":"url_verification"}""", "$.challenge", WireMessages.Missing },
        { "application/json", """{"type":"app_rate_limited"}""", "$.type", WireMessages.UnsupportedEnvelope },
        { "application/json", """{"challenge":"x"}""", "$.type", WireMessages.Missing },
        { Form, "payload=%7Bbroken", "form:payload", WireMessages.NotJson },
        { Form, "command=%2Fmfml&team_id=T1&channel_id=C1", "form:user_id", WireMessages.Missing },
        { null, "{}", "content-type", WireMessages.UnsupportedContentType },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Malformed_requests_name_where_they_broke(string? contentType, string body, string path, string reason)
    {
        var result = SlackHttpRequestReader.Read(contentType, Encoding.UTF8.GetBytes(body));

        Assert.Equal(new WireError(path, reason), result.Error);
    }

    [Fact]
    public void Body_over_the_limit_is_refused()
    {
        var result = SlackHttpRequestReader.Read(Form, new byte[SlackHttpRequestReader.MaxBodyBytes + 1]);

        Assert.Equal(WireMessages.TooLarge, result.Error?.Reason);
    }

    [Fact]
    public void Form_with_more_fields_than_the_limit_is_refused()
    {
        var body = string.Join('&', Enumerable.Range(0, SlackHttpRequestReader.MaxFormFields + 1).Select(i => $"f{i}=1"));
        var atLimit = string.Join('&', Enumerable.Range(0, SlackHttpRequestReader.MaxFormFields).Select(i => $"f{i}=1"));

        Assert.Equal(WireMessages.TooManyFields, SlackHttpRequestReader.ParseForm(body).Error?.Reason);
        Assert.True(SlackHttpRequestReader.ParseForm(atLimit).IsSuccess);
    }
}
