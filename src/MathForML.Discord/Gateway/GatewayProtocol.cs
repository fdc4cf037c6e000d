using System.Text.Json;

namespace MathForML.Discord.Gateway;

/// <summary>Gateway opcodes (v10).</summary>
public enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,
    Reconnect = 7,
    RequestGuildMembers = 8,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}

/// <summary>A dispatch (op 0) event: its name (<c>t</c>), sequence (<c>s</c>) and raw data (<c>d</c>).</summary>
public sealed record GatewayDispatch(string Type, long Sequence, JsonElement Data);

/// <summary>What the gateway's close codes ask the client to do.</summary>
public enum CloseCodeAction
{
    /// <summary>Reconnect and resume the session.</summary>
    Resume,
    /// <summary>Reconnect with a new session (4007 invalid seq, 4009 session timed out).</summary>
    Reidentify,
    /// <summary>Do not reconnect: configuration or token is wrong.</summary>
    Stop,
}

/// <summary>Discord's gateway close event codes and what each means for the client.</summary>
public static class GatewayCloseCodes
{
    public const int UnknownError = 4000;
    public const int UnknownOpcode = 4001;
    public const int DecodeError = 4002;
    public const int NotAuthenticated = 4003;
    public const int AuthenticationFailed = 4004;
    public const int AlreadyAuthenticated = 4005;
    public const int InvalidSequence = 4007;
    public const int RateLimited = 4008;
    public const int SessionTimedOut = 4009;
    public const int InvalidShard = 4010;
    public const int ShardingRequired = 4011;
    public const int InvalidApiVersion = 4012;
    public const int InvalidIntents = 4013;
    public const int DisallowedIntents = 4014;

    /// <summary>The code this client closes with when it intends to resume: any code but 1000/1001
    /// keeps the session alive on Discord's side.</summary>
    public const int ClientResuming = 4900;

    public static CloseCodeAction ActionFor(int? closeCode) => closeCode switch
    {
        AuthenticationFailed or InvalidShard or ShardingRequired or InvalidApiVersion or InvalidIntents or DisallowedIntents => CloseCodeAction.Stop,
        InvalidSequence or SessionTimedOut => CloseCodeAction.Reidentify,
        _ => CloseCodeAction.Resume,
    };

    /// <summary>An explanation for the log when a close code stops the client.</summary>
    public static string Describe(int? closeCode) => closeCode switch
    {
        AuthenticationFailed => "authentication failed: the bot token is invalid (check Discord:Token)",
        InvalidShard => "invalid shard (check Discord:ShardId and Discord:ShardCount)",
        ShardingRequired => "sharding is required: the bot is in too many guilds for one shard (raise Discord:ShardCount)",
        InvalidApiVersion => "invalid gateway API version",
        InvalidIntents => "invalid intents value (check Discord:Intents)",
        DisallowedIntents => "disallowed intents: enable the privileged intents in the developer portal or remove them from Discord:Intents",
        InvalidSequence => "invalid sequence when resuming",
        SessionTimedOut => "session timed out",
        RateLimited => "rate limited: too many gateway payloads",
        null => "connection dropped without a close code",
        _ => "closed",
    };
}

/// <summary>The outcome of a gateway send (expected failures are values).</summary>
public enum GatewaySendResult
{
    Sent,
    TooLarge,
    NotConnected,
}

/// <summary>Why <see cref="DiscordGatewayClient.RunAsync"/> returned.</summary>
public sealed record GatewayStopReason(GatewayStopKind Kind, string Message, int? CloseCode = null);

public enum GatewayStopKind
{
    Cancelled,
    FatalCloseCode,
    Unauthorized,

    /// <summary>The adapter failed with an unexpected exception (a bug); logged as a crash.</summary>
    Crashed,
}
