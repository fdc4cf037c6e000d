using System.Globalization;
using MathForML.Slack.SocketMode;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MathForML.Slack.Tests;

public sealed class OptionsTests
{
    private const string AppToken = "xapp-1-A0TEST-1-0123456789abcdef";
    // Split so secret scanners do not mistake it for a real token.
    private const string BotToken = "xoxb-" + "fake-test-token";

    private static SlackOptions Valid() => new() { AppToken = AppToken, BotToken = BotToken };

    private static string[] Validate(SlackOptions options)
    {
        var result = new SlackOptionsValidator().Validate(null, options);
        return result.Succeeded ? [] : [.. result.Failures!];
    }

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    [Fact]
    public void Valid_socket_mode_options_pass()
    {
        Assert.Empty(Validate(Valid()));
    }

    public static TheoryData<string, Action<SlackOptions>, string> Invalid() => new()
    {
        { "app token missing", o => o.AppToken = null, SlackMessages.AppTokenMissing },
        { "bot token as app token", o => o.AppToken = BotToken, Format(SlackMessages.AppTokenWrongPrefix, "xoxb-") },
        { "garbage app token", o => o.AppToken = "hunter2-secret", Format(SlackMessages.AppTokenWrongPrefix, SlackMessages.UnknownTokenPrefix) },
        { "bot token missing", o => o.BotToken = " ", SlackMessages.BotTokenMissing },
        { "user token as bot token", o => o.BotToken = "xoxp-1-2-3", Format(SlackMessages.BotTokenWrongPrefix, "xoxp-") },
        { "token with a line break", o => o.BotToken = "xoxb-1\n2", Format(SlackMessages.TokenHasWhitespace, "Slack:BotToken") },
        { "http base url", o => o.ApiBaseUrl = new Uri("http://slack.example/api/"), SlackMessages.ApiBaseUrlInvalid },
        { "base url without trailing slash", o => o.ApiBaseUrl = new Uri("https://slack.com/api"), SlackMessages.ApiBaseUrlInvalid },
        { "no connections", o => o.ConnectionCount = 0, Format(SlackMessages.ConnectionCountOutOfRange, 1, 10) },
        { "more connections than Slack allows", o => o.ConnectionCount = 11, Format(SlackMessages.ConnectionCountOutOfRange, 1, 10) },
        { "organizer given by name", o => o.OrganizerUserIds.Add("ada"), Format(SlackMessages.OrganizerUserIdInvalid, 0) },
        { "organizer id too short", o => o.OrganizerUserIds.Add("U1"), Format(SlackMessages.OrganizerUserIdInvalid, 0) },
        { "organizer id too long", o => o.OrganizerUserIds.Add("U" + new string('A', 32)), Format(SlackMessages.OrganizerUserIdInvalid, 0) },
        { "organizer group not a group id", o => o.OrganizerUserGroupId = "U012AB3CD", SlackMessages.OrganizerUserGroupIdInvalid },
        { "http mode without signing secret", o => o.Mode = SlackMode.Http, SlackMessages.SigningSecretMissing },
        { "http mode with a token as signing secret", o => { o.Mode = SlackMode.Http; o.SigningSecret = BotToken; }, SlackMessages.SigningSecretMalformed },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_fail_with_a_message_starting_with_the_key(string scenario, Action<SlackOptions> change, string expected)
    {
        var options = Valid();
        change(options);

        var failures = Validate(options);

        Assert.True(failures.SequenceEqual([expected]), $"{scenario}: {string.Join(" | ", failures)}");
        Assert.StartsWith("Slack:", failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_never_echo_a_token_value()
    {
        var options = new SlackOptions { AppToken = BotToken, BotToken = AppToken };

        var failures = Validate(options);

        Assert.Equal(2, failures.Length);
        Assert.All(failures, f => Assert.DoesNotContain("1111-2222", f, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain("0123456789abcdef", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Http_mode_needs_no_app_token_and_accepts_a_hex_signing_secret()
    {
        var options = new SlackOptions { Mode = SlackMode.Http, BotToken = BotToken, SigningSecret = "8f742231b10e8888abcd99aaa00085a5" };

        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Loopback_http_base_url_is_allowed_for_test_servers()
    {
        var options = Valid();
        options.ApiBaseUrl = new Uri("http://127.0.0.1:5000/api/");

        Assert.Empty(Validate(options));
    }

    [Fact]
    public void Valid_user_and_group_ids_pass()
    {
        var options = Valid();
        options.OrganizerUserIds.Add("U012AB3CD");
        options.OrganizerUserIds.Add("W0ENTERPRISE");
        options.OrganizerUserGroupId = "S0614TZR7";

        Assert.Empty(Validate(options));
    }

    [Fact]
    public async Task Add_slack_client_binds_the_section_and_resolves_singleton_clients()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = AppToken,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ConnectionCount"] = "3",
            ["Slack:OrganizerUserIds:0"] = "U012AB3CD",
        }).Build();
        var tuning = new SocketModeTuning { AutoAckDeadline = TimeSpan.FromSeconds(2) };
        var apiTuning = new SlackApiTuning { MaxAttempts = 5 };
        var services = new ServiceCollection().AddSingleton(tuning).AddSingleton(apiTuning)
            .AddSlackClient(configuration.GetSection(SlackOptions.SectionName));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
        var webApi = provider.GetRequiredService<SlackWebApiClient>();

        Assert.Equal(3, options.ConnectionCount);
        Assert.Equal(["U012AB3CD"], options.OrganizerUserIds);
        Assert.Same(webApi, provider.GetRequiredService<SlackWebApiClient>());
        Assert.Same(tuning, provider.GetRequiredService<SocketModeClient>().Tuning);
        Assert.Same(apiTuning, webApi.Tuning);
    }

    [Fact]
    public async Task Add_slack_client_provides_the_request_verifier_in_http_mode()
    {
        var services = new ServiceCollection().AddSlackClient(o =>
        {
            o.Mode = SlackMode.Http;
            o.BotToken = BotToken;
            o.SigningSecret = "8f742231b10e8888abcd99aaa00085a5";
        });
        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<MathForML.Slack.HttpMode.SlackRequestVerifier>());
    }

    [Fact]
    public void Add_slack_client_rejects_invalid_options_when_resolved()
    {
        var services = new ServiceCollection().AddSlackClient(o => o.BotToken = AppToken);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Contains(SlackMessages.AppTokenMissing, error.Failures);
        Assert.Contains(Format(SlackMessages.BotTokenWrongPrefix, "xapp-"), error.Failures);
    }
}
