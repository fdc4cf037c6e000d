namespace MathForML.Discord;

/// <summary>Configuration of the Discord client, bound from the <c>Discord</c> section.</summary>
/// <remarks>A class, not a record: a record's generated ToString would print the token.</remarks>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>Bot token from the developer portal (without the "Bot " prefix). Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Application (client) id, a snowflake.</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>When set, slash commands are registered on this guild only (instant updates while developing).</summary>
    public string? DevGuildId { get; set; }

    /// <summary>Members holding one of these roles are organizers, besides those with Manage Server or Administrator.</summary>
#pragma warning disable CA2227, CA1002 // Bound from configuration (Discord:OrganizerRoleIds:0, :1, ...).
    public List<string> OrganizerRoleIds { get; set; } = [];
#pragma warning restore CA2227, CA1002

    public GatewayIntents Intents { get; set; } = GatewayIntents.StudyBotDefault;

    /// <summary>Privileged intents are refused unless this is set (they also need the portal switch).</summary>
    public bool AllowPrivilegedIntents { get; set; }

    public int ShardId { get; set; }

    public int ShardCount { get; set; } = 1;

#pragma warning disable CA1056 // Bound from configuration as text; validated as an absolute URL.
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Replaces the gateway URL returned by <c>/gateway/bot</c> (loopback tests, proxies).</summary>
    public string? GatewayUrlOverride { get; set; }

    /// <summary>Project URL sent in the required <c>User-Agent: DiscordBot (url, version)</c> header.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/mathforml/mathforml";
#pragma warning restore CA1056

    public string UserAgentVersion { get; set; } = "1.0";

    /// <summary>When an interaction handler has not answered after this long, the responder defers.
    /// Discord drops interactions not acknowledged within 3 s.</summary>
    public TimeSpan InteractionDeferAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per-attempt timeout of a REST request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Dispatch events buffered for consumers before the receive loop waits for them.</summary>
    public int DispatchBufferCapacity { get; set; } = 4096;
}
