namespace MathForML.Discord;

/// <summary>Every human-readable message of the Discord client, so tests assert on the constants.</summary>
public static class DiscordMessages
{
    // Options validation (each names its configuration key).
    public const string TokenMissing = "Discord:Token: is required (the bot token from the developer portal).";
    public const string TokenMalformed = "Discord:Token: must be the bare token, without spaces or a 'Bot ' prefix.";
    public const string ApplicationIdNotSnowflake = "Discord:ApplicationId: must be a Discord snowflake (digits only).";
    public const string DevGuildIdNotSnowflake = "Discord:DevGuildId: must be a Discord snowflake (digits only) when set.";
    public const string ShardCountInvalid = "Discord:ShardCount: must be at least 1.";
    public const string ShardIdOutOfRange = "Discord:ShardId: must be between 0 and Discord:ShardCount - 1.";
    public const string ApiBaseUrlInvalid = "Discord:ApiBaseUrl: must be an absolute http(s) URL.";
    public const string GatewayUrlOverrideInvalid = "Discord:GatewayUrlOverride: must be an absolute ws(s) URL when set.";
    public const string UserAgentUrlInvalid = "Discord:UserAgentUrl: must be an absolute http(s) URL.";
    public const string PrivilegedIntentsNotAllowed =
        "Discord:Intents: contains privileged intents (GuildMembers, GuildPresences, MessageContent); set Discord:AllowPrivilegedIntents to use them.";
    public const string InteractionDeferAfterOutOfRange =
        "Discord:InteractionDeferAfter: must be greater than 0 and at most 2.5 seconds (Discord drops interactions after 3 s).";
    public const string RequestTimeoutInvalid = "Discord:RequestTimeout: must be greater than 0.";
    public const string DispatchBufferCapacityInvalid = "Discord:DispatchBufferCapacity: must be at least 16.";
    public const string OrganizerRoleIdsNotSnowflakes = "Discord:OrganizerRoleIds: every entry must be a Discord role id (a snowflake, digits only).";

    // REST errors.
    public const string Unauthorized = "Discord rejected the bot token (HTTP 401); the client has stopped. Check Discord:Token.";
    public const string ClientStopped = "The Discord REST client has stopped after an authentication failure.";
    public const string InvalidRequestGuardTripped =
        "Too many invalid Discord requests (401/403/429) in the last 10 minutes; requests are paused to avoid a Cloudflare ban.";
    public const string RateLimitRetriesExhausted = "Discord kept rate limiting this request; gave up after the retry limit.";
    public const string ServerErrorRetriesExhausted = "Discord kept failing with server errors; gave up after the retry limit.";
    public const string RequestTimedOut = "The Discord request timed out after every retry.";
    public const string NetworkFailure = "Could not reach Discord.";
    public const string UnreadableResponse = "Discord answered with a body that could not be read.";
    public const string InteractionAlreadyAnswered = "This interaction already has its initial response.";
    public const string InteractionTokenExpired = "The interaction token has expired (15 minutes after the interaction).";
    public const string InteractionCannotDefer = "This kind of response cannot follow a deferral (modals and autocomplete must answer first).";

    // Gateway.
    public const string GatewayPayloadTooLarge = "Gateway payload exceeds Discord's 4096-byte limit.";
    public const string GatewayNotConnected = "The gateway is not connected.";

    // Interactions (shown to users).
    public const string HandlerFailedReply = "Sorry, something went wrong while handling that. Please try again.";

    // Adapter: answers to members.
    public const string DirectMessagesNotSupported =
        "I work in server channels: use my commands in a channel of a server we share, not in direct messages.";
    public const string ReplyTooLarge =
        "Discord would not accept this reply: its attached files are larger than this server's upload limit. Nothing was sent; please ask an organizer.";
    public const string UnknownCommand =
        "I do not know that command; Discord may still show an old command list (it refreshes within a few minutes).";

    // Adapter: scheduled posts (PostResult.Failed reasons; {0} is the channel id).
    public const string PostMissingAccessFormat =
        "Discord: the bot cannot see channel {0} (Missing Access, code 50001). Add the bot to the channel, or give its role View Channel and Read Message History there.";
    public const string PostMissingPermissionsFormat =
        "Discord: the bot lacks a permission in channel {0} (Missing Permissions, code 50013). It needs Send Messages, Embed Links, Attach Files, Read Message History, Create Public Threads and Send Messages in Threads.";
    public const string PostUnknownChannelFormat =
        "Discord: channel {0} does not exist or was deleted (Unknown Channel, code 10003).";
    public const string PostRateLimitedFormat =
        "Discord kept rate limiting posts to channel {0}; gave up after the retry limit. The post will be retried later.";
    public const string PostTooLargeFormat =
        "Discord: the post to channel {0} is too large to upload (Request entity too large, HTTP 413 / code 40005). Its files exceed the server's upload limit; nothing was posted.";
    public const string PostFailedFormat = "Discord refused the post to channel {0}: {1}";
    public const string PostWrongPlatform = "This post is addressed to another chat platform, not Discord.";
}
