using MathForML.Discord.Gateway;
using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MathForML.Discord.Tests;

public sealed class OptionsAndRegistrationTests
{
    private static DiscordOptions Valid() => new() { Token = "abc.def-ghi", ApplicationId = "111111111111111111" };

    private static IReadOnlyList<string> Failures(Action<DiscordOptions> change)
    {
        var options = Valid();
        change(options);
        var result = new DiscordOptionsValidator().Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void Valid_options_pass() => Assert.Empty(Failures(_ => { }));

    public static TheoryData<string, Action<DiscordOptions>> Invalid => new()
    {
        { DiscordMessages.TokenMissing, o => o.Token = "" },
        { DiscordMessages.TokenMalformed, o => o.Token = "Bot abc" },
        { DiscordMessages.ApplicationIdNotSnowflake, o => o.ApplicationId = "my-app" },
        { DiscordMessages.ApplicationIdNotSnowflake, o => o.ApplicationId = "" },
        { DiscordMessages.DevGuildIdNotSnowflake, o => o.DevGuildId = "guild" },
        { DiscordMessages.ShardCountInvalid, o => o.ShardCount = 0 },
        { DiscordMessages.ShardIdOutOfRange, o => (o.ShardId, o.ShardCount) = (2, 2) },
        { DiscordMessages.ShardIdOutOfRange, o => o.ShardId = -1 },
        { DiscordMessages.ApiBaseUrlInvalid, o => o.ApiBaseUrl = "discord.com/api" },
        { DiscordMessages.GatewayUrlOverrideInvalid, o => o.GatewayUrlOverride = "http://localhost/gateway" },
        { DiscordMessages.UserAgentUrlInvalid, o => o.UserAgentUrl = "not a url" },
        { DiscordMessages.PrivilegedIntentsNotAllowed, o => o.Intents |= GatewayIntents.MessageContent },
        { DiscordMessages.InteractionDeferAfterOutOfRange, o => o.InteractionDeferAfter = TimeSpan.FromSeconds(3) },
        { DiscordMessages.InteractionDeferAfterOutOfRange, o => o.InteractionDeferAfter = TimeSpan.Zero },
        { DiscordMessages.RequestTimeoutInvalid, o => o.RequestTimeout = TimeSpan.Zero },
        { DiscordMessages.DispatchBufferCapacityInvalid, o => o.DispatchBufferCapacity = DiscordOptionsValidator.MinDispatchBufferCapacity - 1 },
        { DiscordMessages.OrganizerRoleIdsNotSnowflakes, o => o.OrganizerRoleIds = ["777777777777777777", "Moderators"] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_setting_is_reported_with_its_key(string expected, Action<DiscordOptions> change)
    {
        var failures = Failures(change);

        Assert.Equal([expected], failures);
        // The host reports options failures by the "Section:Key: " prefix.
        Assert.Matches("^Discord:[A-Za-z]+: ", expected);
    }

    [Fact]
    public void Privileged_intents_are_accepted_when_explicitly_allowed() =>
        Assert.Empty(Failures(o => (o.Intents, o.AllowPrivilegedIntents) = (GatewayIntents.Guilds | GatewayIntents.GuildMembers, true)));

    [Fact]
    public void Default_intents_are_not_privileged() =>
        Assert.Equal(GatewayIntents.None, new DiscordOptions().Intents & GatewayIntents.Privileged);

    [Fact]
    public void Options_text_never_contains_the_token() =>
        Assert.DoesNotContain("abc.def-ghi", Valid().ToString()!, StringComparison.Ordinal);

    [Fact]
    public void Invite_url_asks_for_bot_and_commands_scopes_and_exactly_the_needed_permissions()
    {
        var url = DiscordInviteUrl.Build("111111111111111111");

        Assert.Equal("https://discord.com/oauth2/authorize?client_id=111111111111111111&scope=bot%20applications.commands&permissions=309237763072",
            url.AbsoluteUri);
        var viewSendThreadsEmbedAttachHistory = (1UL << 10) | (1UL << 11) | (1UL << 38) | (1UL << 35) | (1UL << 14) | (1UL << 15) | (1UL << 16);
        Assert.Equal(309237763072UL, viewSendThreadsEmbedAttachHistory);
        Assert.Equal((ulong)DiscordPermissions.StudyBotRequired, viewSendThreadsEmbedAttachHistory);
    }

    [Theory]
    [InlineData("0", DiscordPermissions.None)]
    [InlineData("2048", DiscordPermissions.SendMessages)]
    [InlineData("-1", null)]
    [InlineData("abc", null)]
    [InlineData(null, null)]
    public void Permission_strings_parse_to_flags(string? text, DiscordPermissions? expected) =>
        Assert.Equal(expected, DiscordPermissionsParser.Parse(text));

    [Fact]
    public void Registration_binds_the_discord_section_and_resolves_every_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc.def-ghi",
            ["Discord:ApplicationId"] = "111111111111111111",
            ["Discord:DevGuildId"] = "333333333333333333",
            ["Discord:Intents"] = "Guilds, GuildMessages",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddDiscordClient(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal("333333333333333333", options.DevGuildId);
        Assert.Equal(GatewayIntents.Guilds | GatewayIntents.GuildMessages, options.Intents);
        Assert.NotNull(provider.GetRequiredService<DiscordRestClient>());
        Assert.NotNull(provider.GetRequiredService<DiscordGatewayClient>());
        Assert.NotNull(provider.GetRequiredService<InteractionResponder>());
        Assert.Same(provider.GetRequiredService<IdentifyLimiter>(), provider.GetRequiredService<IdentifyLimiter>());
    }

    [Fact]
    public void Registration_rejects_invalid_configuration_naming_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc",
            ["Discord:ApplicationId"] = "not-a-snowflake",
        }).Build();
        using var provider = new ServiceCollection().AddDiscordClient(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(DiscordMessages.ApplicationIdNotSnowflake, error.Failures);
    }
}
