using System.Text.Json;
using System.Text.Json.Nodes;
using MathForML.Discord.Adapter;
using MathForML.Discord.Tests.Loopback;
using MathForML.TestKit;

namespace MathForML.Discord.Tests.Adapter;

/// <summary>The thread map on its own: bounds, forgetting, and one shared lookup for concurrent callers.</summary>
public sealed class DiscordThreadDirectoryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private LoopbackDiscord _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackDiscord.StartAsync(_clock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private DiscordThreadDirectory Directory(int capacity = DiscordThreadDirectory.DefaultCapacity) =>
        new(Clients.Rest(_server, _clock), capacity, null);

    private static JsonElement Json(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    [Fact]
    public void The_map_keeps_at_most_its_capacity_forgetting_the_oldest_first()
    {
        var directory = Directory(capacity: 3);
        var guild = new JsonObject
        {
            ["id"] = LoopbackDiscord.GuildId,
            ["channels"] = new JsonArray([.. Enumerable.Range(1, 3).Select(n => (JsonNode)_server.AddTextChannel($"10{n}"))]),
            ["threads"] = new JsonArray(_server.AddThread("201", "101")),
        };

        directory.Observe("GUILD_CREATE", Json(guild));

        Assert.Equal(3, directory.Count);
        Assert.Equal(ChannelKind.Unknown, directory.Find("101", out _));
        Assert.Equal(ChannelKind.NotThread, directory.Find("103", out _));
        Assert.Equal((ChannelKind.Thread, "101"), (directory.Find("201", out var parent), parent));
    }

    [Fact]
    public void A_deleted_thread_is_forgotten_and_an_unavailable_guild_is_ignored()
    {
        var directory = Directory();
        directory.Observe("THREAD_CREATE", Json(_server.AddThread("201", "101")));

        directory.Observe("THREAD_DELETE", Json(new JsonObject { ["id"] = "201", ["parent_id"] = "101", ["type"] = 11 }));
        directory.Observe("GUILD_CREATE", Json(new JsonObject { ["id"] = LoopbackDiscord.GuildId, ["unavailable"] = true }));

        Assert.Equal(0, directory.Count);
    }

    [Fact]
    public async Task Concurrent_questions_about_one_unknown_channel_share_a_single_lookup()
    {
        var directory = Directory();
        var thread = _server.AddThread("201", "101");
        _server.Misbehave = r => r.Route == "channels/201" ? new CannedReply(200, thread, Delay: TimeSpan.FromSeconds(1)) : null;

        var first = directory.ResolveAsync("201", CancellationToken.None);
        var second = directory.ResolveAsync("201", CancellationToken.None);
        var parents = await Eventually.PumpAsync(_clock, Task.WhenAll(first, second), TimeSpan.FromMilliseconds(250));

        Assert.All(parents, p => Assert.Equal("101", p));
        Assert.Equal("101", await directory.ResolveAsync("201", CancellationToken.None));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_channel_discord_refuses_to_describe_is_remembered_as_not_a_thread()
    {
        var directory = Directory();

        Assert.Null(await directory.ResolveAsync("999", CancellationToken.None));

        Assert.Equal(ChannelKind.NotThread, directory.Find("999", out _));
        Assert.Equal("channels/999", Assert.Single(_server.Requests).Route);
    }

    [Fact]
    public async Task A_server_failure_is_not_remembered_so_the_next_message_asks_again()
    {
        var directory = Directory();
        _server.AddThread("201", "101");
        _server.Misbehave = _ => new CannedReply(503);

        Assert.Null(await Eventually.PumpAsync(_clock, directory.ResolveAsync("201", CancellationToken.None), TimeSpan.FromSeconds(1)));
        Assert.Equal(ChannelKind.Unknown, directory.Find("201", out _));

        _server.Misbehave = null;
        Assert.Equal("101", await directory.ResolveAsync("201", CancellationToken.None));
    }
}
