namespace MathForML.Discord.Rest;

/// <summary>
/// One REST call's target. <see cref="BucketKey"/> identifies its rate limit before Discord tells us
/// the bucket hash: the method and path with major parameters (channel, guild, webhook id + token,
/// interaction id + token) kept and minor ones (message ids) replaced. <see cref="LogName"/> never
/// contains tokens.
/// </summary>
public sealed record RestRoute(HttpMethod Method, string Path, string BucketKey, string MajorParameter, string LogName, bool ExemptFromGlobalLimit)
{
    public static RestRoute GetGatewayBot() => Plain(HttpMethod.Get, "gateway/bot");

    public static RestRoute GetCurrentUser() => Plain(HttpMethod.Get, "users/@me");

    public static RestRoute GetCurrentApplication() => Plain(HttpMethod.Get, "applications/@me");

    public static RestRoute GetChannel(string channelId) =>
        Channel(HttpMethod.Get, channelId, $"channels/{channelId}", "channels/{channel}");

    public static RestRoute CreateMessage(string channelId) =>
        Channel(HttpMethod.Post, channelId, $"channels/{channelId}/messages", "channels/{channel}/messages");

    /// <summary>The channel's most recent messages, newest first (<paramref name="limit"/> 1–100).</summary>
    public static RestRoute GetChannelMessages(string channelId, int limit) =>
        Channel(HttpMethod.Get, channelId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"channels/{channelId}/messages?limit={limit}"),
            "channels/{channel}/messages");

    public static RestRoute EditMessage(string channelId, string messageId) =>
        Channel(HttpMethod.Patch, channelId, $"channels/{channelId}/messages/{messageId}", "channels/{channel}/messages/{message}");

    public static RestRoute StartThreadFromMessage(string channelId, string messageId) =>
        Channel(HttpMethod.Post, channelId, $"channels/{channelId}/messages/{messageId}/threads", "channels/{channel}/messages/{message}/threads");

    public static RestRoute StartThread(string channelId) =>
        Channel(HttpMethod.Post, channelId, $"channels/{channelId}/threads", "channels/{channel}/threads");

    public static RestRoute BulkOverwriteGlobalCommands(string applicationId) =>
        Plain(HttpMethod.Put, $"applications/{applicationId}/commands", "applications/{application}/commands");

    public static RestRoute BulkOverwriteGuildCommands(string applicationId, string guildId) => new(
        HttpMethod.Put, $"applications/{applicationId}/guilds/{guildId}/commands",
        $"PUT applications/{applicationId}/guilds/{guildId}/commands", guildId,
        "PUT applications/{application}/guilds/{guild}/commands", false);

    // Interaction endpoints are not bound by the global limit; their tokens are major parameters.
    public static RestRoute InteractionCallback(string interactionId, string interactionToken) => new(
        HttpMethod.Post, $"interactions/{interactionId}/{interactionToken}/callback",
        $"POST interactions/{interactionId}/{interactionToken}/callback", $"{interactionId}/{interactionToken}",
        "POST interactions/{interaction}/{token}/callback", true);

    public static RestRoute EditOriginalInteractionResponse(string applicationId, string interactionToken) => new(
        HttpMethod.Patch, $"webhooks/{applicationId}/{interactionToken}/messages/@original",
        $"PATCH webhooks/{applicationId}/{interactionToken}/messages/@original", $"{applicationId}/{interactionToken}",
        "PATCH webhooks/{application}/{token}/messages/@original", true);

    public static RestRoute GetOriginalInteractionResponse(string applicationId, string interactionToken) => new(
        HttpMethod.Get, $"webhooks/{applicationId}/{interactionToken}/messages/@original",
        $"GET webhooks/{applicationId}/{interactionToken}/messages/@original", $"{applicationId}/{interactionToken}",
        "GET webhooks/{application}/{token}/messages/@original", true);

    public static RestRoute DeleteOriginalInteractionResponse(string applicationId, string interactionToken) => new(
        HttpMethod.Delete, $"webhooks/{applicationId}/{interactionToken}/messages/@original",
        $"DELETE webhooks/{applicationId}/{interactionToken}/messages/@original", $"{applicationId}/{interactionToken}",
        "DELETE webhooks/{application}/{token}/messages/@original", true);

    public static RestRoute CreateFollowup(string applicationId, string interactionToken) => new(
        HttpMethod.Post, $"webhooks/{applicationId}/{interactionToken}",
        $"POST webhooks/{applicationId}/{interactionToken}", $"{applicationId}/{interactionToken}",
        "POST webhooks/{application}/{token}", true);

    private static RestRoute Plain(HttpMethod method, string path, string? logTemplate = null) =>
        new(method, path, $"{method.Method} {path}", "", $"{method.Method} {logTemplate ?? path}", false);

    private static RestRoute Channel(HttpMethod method, string channelId, string path, string template) =>
        new(method, path, $"{method.Method} {template.Replace("{channel}", channelId, StringComparison.Ordinal)}", channelId,
            $"{method.Method} {template}", false);
}
