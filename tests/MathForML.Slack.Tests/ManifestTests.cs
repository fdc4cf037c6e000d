using YamlDotNet.RepresentationModel;

namespace MathForML.Slack.Tests;

/// <summary>The app manifest must give the client exactly what it uses: no missing scope, no extra one.</summary>
public sealed class ManifestTests
{
    private static readonly YamlMappingNode Root = Load();

    private static YamlMappingNode Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "config", "slack-app-manifest.yml")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var reader = new StreamReader(Path.Combine(directory.FullName, "config", "slack-app-manifest.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(params string[] path) =>
        path.Aggregate<string, YamlNode>(Root, (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string[] Scalars(YamlNode sequence) => [.. ((YamlSequenceNode)sequence).Children.Select(n => ((YamlScalarNode)n).Value!)];

    [Fact]
    public void Bot_scopes_are_exactly_the_ones_the_client_needs()
    {
        string[] expected = ["commands", "chat:write", "files:write", "users:read", "channels:read", "groups:read", "usergroups:read", "app_mentions:read", "im:history", "im:write", "channels:history", "groups:history"];

        Assert.Equal(expected.Order(), Scalars(At("oauth_config", "scopes", "bot")).Order());
    }

    [Fact]
    public void Socket_mode_and_interactivity_are_on_and_the_subscribed_events_match_the_parser()
    {
        Assert.Equal("true", ((YamlScalarNode)At("settings", "socket_mode_enabled")).Value);
        Assert.Equal("true", ((YamlScalarNode)At("settings", "interactivity", "is_enabled")).Value);
        Assert.Equal(["app_mention", "message.im", "message.channels", "message.groups"], Scalars(At("settings", "event_subscriptions", "bot_events")));
    }

    [Fact]
    public void The_single_slash_command_is_mfml_with_a_usage_hint()
    {
        var command = (YamlMappingNode)Assert.Single(((YamlSequenceNode)At("features", "slash_commands")).Children);

        Assert.Equal("/mfml", ((YamlScalarNode)command.Children[new YamlScalarNode("command")]).Value);
        Assert.False(string.IsNullOrWhiteSpace(((YamlScalarNode)command.Children[new YamlScalarNode("usage_hint")]).Value));
    }
}
