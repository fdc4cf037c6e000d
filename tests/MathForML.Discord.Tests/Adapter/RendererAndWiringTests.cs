using MathForML.Core.Chat;
using MathForML.Discord.Adapter;
using MathForML.Discord.Hosting;
using MathForML.Discord.Rest;
using MathForML.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CoreContent = MathForML.Core.Chat.MessageContent;

namespace MathForML.Discord.Tests.Adapter;

public sealed class DiscordMessageRendererTests
{
    private static ChatButton Button(int n, string? label = null) => new($"reading rsvp|session={n}", label ?? $"Session {n}");

    [Fact]
    public void Buttons_go_in_rows_of_five_and_at_most_five_rows_with_labels_cut_to_80()
    {
        var buttons = Enumerable.Range(1, 30).Select(n => Button(n, n == 1 ? new string('x', 120) : null)).ToList();

        var rows = DiscordMessageRenderer.Components(buttons)!;

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(5, r.Components!.Count));
        Assert.Equal(80, rows[0].Components![0].Label!.Length);
        Assert.Equal("reading rsvp|session=25", rows[4].Components![4].CustomId);
    }

    [Fact]
    public void Text_longer_than_a_message_becomes_embeds_within_discords_limits()
    {
        var text = string.Join('\n', Enumerable.Range(1, 400).Select(n => $"- line {n} of a very long help text"));

        var message = DiscordMessageRenderer.Reply(new CoreContent { Text = text });

        Assert.Null(message.Content);
        Assert.InRange(message.Embeds!.Count, 2, 10);
        Assert.All(message.Embeds!, e => Assert.InRange(e.Description!.Length, 1, 4096));
        Assert.InRange(message.Embeds!.Sum(e => e.Description!.Length), 4097, 6000);
        Assert.StartsWith("- line 1 of", message.Embeds![0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_text_is_the_message_content_with_time_tokens_and_markdown_untouched()
    {
        var message = DiscordMessageRenderer.Reply(CoreContent.FromText("**Due** <t:1767722400:R>"));

        Assert.Equal("**Due** <t:1767722400:R>", message.Content);
        Assert.Null(message.Embeds);
    }

    [Fact]
    public void Images_get_safe_unique_png_names_and_their_alt_text()
    {
        var png = new byte[] { 1 };
        var files = DiscordMessageRenderer.Files([new ChatImage(png, "a", "../x y.png", 1, 1), new ChatImage(png, "b", "x_y.png", 1, 1), new ChatImage(png, " ", "", 1, 1)]);

        Assert.Equal(["x_y.png", "x_y-2.png", "image.png"], files.Select(f => f.FileName));
        Assert.Equal(["a", "b", null], files.Select(f => f.Description));
    }

    [Fact]
    public void A_post_with_several_images_shows_each_in_an_embed_sharing_the_marker()
    {
        var png = new byte[] { 1 };
        var marker = DiscordPostKey.Marker("https://example.org/bot", DiscordPostKey.Nonce("k"));

        var message = DiscordMessageRenderer.Post(new CoreContent { Text = "Two charts", Images = [new ChatImage(png, "a", "a.png", 1, 1), new ChatImage(png, "b", "b.png", 1, 1)] }, marker);

        Assert.Equal(["attachment://a.png", "attachment://b.png"], message.Embeds!.Select(e => e.Image!.Url));
        Assert.All(message.Embeds!, e => Assert.Equal(marker.AbsoluteUri, e.Url));
        Assert.True(DiscordPostKey.Carries(new DiscordMessage { Id = "1", ChannelId = "2", Embeds = message.Embeds }, DiscordPostKey.Nonce("k")));
        Assert.False(DiscordPostKey.Carries(new DiscordMessage { Id = "1", ChannelId = "2", Embeds = message.Embeds }, DiscordPostKey.Nonce("other")));
    }

    [Fact]
    public void The_nonce_is_a_stable_25_character_hash_of_the_key()
    {
        var nonce = DiscordPostKey.Nonce("problem:group-1:2026-01-05");

        Assert.Equal(25, nonce.Length);
        Assert.Equal(nonce, DiscordPostKey.Nonce("problem:group-1:2026-01-05"));
        Assert.NotEqual(nonce, DiscordPostKey.Nonce("problem:group-1:2026-01-06"));
    }
}

public sealed class DeferralVisibilityRuleTests
{
    public static TheoryData<string, bool> Commands => new()
    {
        { "answer", true },
        { "hint", true },
        { "stats", true },
        { "timezone", true },
        { "group setup", false },
        { "leaderboard", false },
        { "help", false },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Commands_about_the_member_alone_defer_privately(string path, bool expected) =>
        Assert.Equal(expected, DiscordInteractionRouter.RepliesPrivately(Core.Commands.CommandCatalog.FindPath(path)!));

    [Fact]
    public void A_command_whose_summary_says_only_you_see_it_defers_privately() =>
        Assert.True(DiscordInteractionRouter.RepliesPrivately(new Core.Commands.CommandDefinition("mine", "Your numbers (only you see them).")));
}

public sealed class AddDiscordBotTests
{
    [Fact]
    public void AddDiscordBot_registers_the_platform_and_the_hosted_service_but_not_core()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc.def",
            ["Discord:ApplicationId"] = "111111111111111111",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IPostLedger>(new InMemoryPostLedger());

        services.AddDiscordBot(configuration);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(Core.Commands.CommandDispatcher));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<DiscordChatPlatform>(Assert.Single(provider.GetServices<IChatPlatform>()));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService));
    }
}
