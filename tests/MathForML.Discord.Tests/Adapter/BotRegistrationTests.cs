using System.Text.Json;
using MathForML.Core.Commands;
using MathForML.Discord.Adapter;
using MathForML.Discord.Gateway;
using MathForML.Discord.Rest;
using MathForML.Discord.Tests.Loopback;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>Registration after READY: global by default, on the dev guild when configured; not again on resume.</summary>
public sealed class BotGlobalRegistrationTests : BotTestBase
{
    [Fact]
    public async Task Commands_are_registered_globally_once_per_identify_and_not_again_on_resume()
    {
        var put = Assert.Single(Server.Requests, r => r.Method == "PUT");
        Assert.Equal($"applications/{LoopbackDiscord.ApplicationId}/commands", put.Route);
        Assert.Equal(CommandCatalog.All.Count, put.Json!.Value.GetArrayLength());

        Server.Connection(0).Drop();
        await Eventually.PumpUntilAsync(Clock, () => Server.Connections.Count > 1 && Server.Connection(1).ReceivedOp(6).Any(), GatewayTestBase.Step, "RESUME");
        await Server.DispatchAsync("GUILD_CREATE", new { id = LoopbackDiscord.GuildId, name = "g", channels = Array.Empty<object>() });
        var token = await SendAsync(Slash("hint"));

        Assert.Equal("Hint: split at x = 0.", Content(Answer(token)));
        Assert.Single(Server.Requests, r => r.Method == "PUT");
    }
}

public sealed class BotDevGuildRegistrationTests : BotTestBase
{
    internal override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Discord:DevGuildId"] = LoopbackDiscord.GuildId };

    [Fact]
    public void With_a_dev_guild_commands_are_registered_on_that_guild()
    {
        var put = Assert.Single(Server.Requests, r => r.Method == "PUT");
        Assert.Equal($"applications/{LoopbackDiscord.ApplicationId}/guilds/{LoopbackDiscord.GuildId}/commands", put.Route);
    }
}

public sealed class BotFatalCloseTests : BotTestBase
{
    internal override bool StartBot => false;

    [Fact]
    public async Task Authentication_failure_4004_stops_the_adapter_with_a_critical_log_without_throwing()
    {
        Server.CloseAfterHelloCode = GatewayCloseCodes.AuthenticationFailed;
        await Bot.StartAsync(CancellationToken.None);

        var reason = await Bot.Stopped.WaitAsync(Eventually.RealTimeout);

        Assert.Equal((GatewayStopKind.FatalCloseCode, 4004), (reason.Kind, reason.CloseCode));
        Assert.Contains(Logger.Entries, e => e.Id.Id == 6101 && e.Level == Microsoft.Extensions.Logging.LogLevel.Critical);
        Assert.True(Bot.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Single(Server.Connections);
    }
}

/// <summary>The command definitions built from the catalog, checked against Discord's limits.</summary>
public sealed class CommandRegistryTests
{
    private static readonly IReadOnlyList<ApplicationCommand> Commands = DiscordCommandRegistry.Build();

    private static IEnumerable<ApplicationCommandOption> AllOptions(IEnumerable<ApplicationCommandOption>? options) =>
        (options ?? []).SelectMany(o => new[] { o }.Concat(AllOptions(o.Options)));

    [Fact]
    public void Every_name_description_and_choice_is_within_discords_limits()
    {
        foreach (var command in Commands)
        {
            Assert.Matches("^[-_a-z0-9]{1,32}$", command.Name);
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.InRange(command.Options?.Count ?? 0, 0, 25);
            Assert.Equal([ApplicationCommand.GuildContext], command.Contexts);
            Assert.False(command.DmPermission);
            foreach (var option in AllOptions(command.Options))
            {
                Assert.Matches("^[-_a-z0-9]{1,32}$", option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
                Assert.InRange(option.Choices?.Count ?? 0, 0, 25);
            }
        }
    }

    [Fact]
    public void Commands_with_subcommands_register_them_as_sub_command_options_with_required_options_first()
    {
        var group = Commands.Single(c => c.Name == "group");

        Assert.Equal(CommandCatalog.StudyGroup.Subcommands.Select(s => s.Name), group.Options!.Select(o => o.Name));
        Assert.Equal(["show", "setup", "timezone"], group.Options!.Select(o => o.Name).Take(3));
        Assert.All(group.Options!, o => Assert.Equal(ApplicationCommandOptionType.SubCommand, o.Type));
        var setup = group.Options!.Single(o => o.Name == "setup");
        Assert.Equal([("time-zone", true), ("name", false)], setup.Options!.Select(o => (o.Name, o.Required == true)));
        Assert.All(Commands, c => Assert.All(AllOptions(c.Options).Where(o => o.Options is not null),
            o => Assert.Equal(o.Options!.OrderByDescending(x => x.Required == true).ToList(), o.Options)));
    }

    [Fact]
    public void Choices_and_book_autocomplete_come_from_the_parameters()
    {
        var period = Commands.Single(c => c.Name == "leaderboard").Options!.Single();
        var book = Commands.Single(c => c.Name == "reading").Options!.Single(o => o.Name == "setup").Options!.Single(o => o.Name == "book");

        Assert.Equal(["week", "month", "all"], period.Choices!.Select(c => c.Name));
        Assert.Equal((true, null), (book.Autocomplete == true, book.Choices));
    }

    [Fact]
    public void Organizer_only_commands_default_to_manage_server_and_others_to_everyone()
    {
        var built = DiscordCommandRegistry.Build([
            new CommandDefinition("admin", "Organizers only.") { Access = CommandAccess.Organizers },
            new CommandDefinition("open", "For everyone."),
        ]);

        Assert.Equal(["32", null], built.Select(c => c.DefaultMemberPermissions));
        Assert.All(Commands.Where(c => CommandCatalog.Find(c.Name)!.Access == CommandAccess.Everyone), c => Assert.Null(c.DefaultMemberPermissions));
    }

    [Theory]
    [InlineData("group", "group")]
    [InlineData("Hello World", "hello-world")]
    [InlineData("per-session", "per-session")]
    [InlineData("a-very-long-parameter-name-beyond-the-limit", "a-very-long-parameter-name-beyon")]
    public void Names_are_made_valid_for_discord(string name, string expected) => Assert.Equal(expected, DiscordCommandRegistry.Name(name));

    [Fact]
    public void A_long_description_is_cut_at_a_word_with_an_ellipsis()
    {
        var cut = DiscordCommandRegistry.Description(string.Join(' ', Enumerable.Repeat("gradient", 30)));

        Assert.True(cut.Length <= 100);
        Assert.EndsWith("gradient…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registration_payload_uses_discords_field_names()
    {
        var json = JsonSerializer.SerializeToElement(Commands.Single(c => c.Name == "leaderboard"), DiscordJson.Options);

        Assert.Equal(JsonValueKind.Array, json.GetProperty("contexts").ValueKind);
        Assert.False(json.GetProperty("dm_permission").GetBoolean());
        Assert.Equal(3, json.GetProperty("options")[0].GetProperty("type").GetInt32());
    }
}
