using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MathForML.Slack.Tests.Adapter;

/// <summary>HTTP mode: real signed requests to the Kestrel listener on 127.0.0.1 (port 0).</summary>
public sealed class HttpModeTests
{
    private const string SlashBody = "team_id=T0TEAM&channel_id=C0STUDY&user_id=U0BOB&user_name=bob&command=%2Fmfml&text=grup&trigger_id=1.2.3";

    private static async Task<HttpResponseMessage> SendAsync(SlackBotHarness bot, string path, string body, string contentType, long? timestamp = null, string? secret = null)
    {
        var ts = (timestamp ?? bot.Clock.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var key = Encoding.UTF8.GetBytes(secret ?? SlackBotHarness.SigningSecret);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("v0:" + ts + ":" + body)));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.Bot.HttpAddress!, path)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Signed_slash_command_is_answered_in_the_http_response_with_the_ephemeral_reply()
    {
        await using var bot = await SlackBotHarness.StartAsync(SlackMode.Http);

        using var response = await SendAsync(bot, "slack/commands", SlashBody, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ephemeral", json.GetProperty("response_type").GetString());
        Assert.Contains("Did you mean `/mfml group`?", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_verification_challenge_is_echoed()
    {
        await using var bot = await SlackBotHarness.StartAsync(SlackMode.Http);

        using var response = await SendAsync(bot, "slack/events", """{"type":"url_verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","token":"x"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("bad-signature", "Mismatch")]
    [InlineData("replayed", "TimestampTooOld")]
    public async Task Bad_signature_or_replayed_timestamp_gets_401_and_a_log_line_without_secrets(string scenario, string check)
    {
        await using var bot = await SlackBotHarness.StartAsync(SlackMode.Http);
        var old = bot.Clock.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds();

        using var response = scenario == "replayed"
            ? await SendAsync(bot, "slack/commands", SlashBody, "application/x-www-form-urlencoded", timestamp: old)
            : await SendAsync(bot, "slack/commands", SlashBody, "application/x-www-form-urlencoded", secret: "0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = Assert.Single(bot.Log.Lines, l => l.Contains("refused", StringComparison.Ordinal));
        Assert.Contains(check, line, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackBotHarness.SigningSecret, string.Join("\n", bot.Log.Lines), StringComparison.Ordinal);
        Assert.DoesNotContain("v0=", string.Join("\n", bot.Log.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_event_is_acknowledged_at_once_and_a_redelivery_is_handled_once()
    {
        await using var bot = await SlackBotHarness.StartAsync(SlackMode.Http);
        const string body = """{"type":"event_callback","team_id":"T0TEAM","event_id":"Ev9","event":{"type":"app_mention","user":"U0ADA","text":"<@U0BOT> group show","channel":"C0STUDY","ts":"1700000001.000001"}}""";

        using var first = await SendAsync(bot, "slack/events", body, "application/json");
        using var again = await SendAsync(bot, "slack/events", body, "application/json");
        await bot.WaitForCallsAsync("chat.postEphemeral");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, bot.Slack.CallCount("chat.postEphemeral"));
        Assert.Contains("no study group yet", bot.LastRequestJson("chat.postEphemeral").GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
