namespace MathForML.Slack;

/// <summary>
/// Operator-facing texts of the Slack client. Configuration messages start with the configuration key and
/// never contain a secret's value (at most its well-known prefix).
/// </summary>
public static class SlackMessages
{
    public const string AppTokenMissing =
        "Slack:AppToken: is required in Socket Mode (an app-level token xapp-… with connections:write; set MATHFORML__Slack__AppToken)";

    /// <summary>Format argument: the token's prefix, e.g. "xoxb-".</summary>
    public const string AppTokenWrongPrefix =
        "Slack:AppToken: must start with xapp- (an app-level token with connections:write); it starts with {0}";

    public const string BotTokenMissing =
        "Slack:BotToken: is required (a bot token xoxb-… from OAuth & Permissions; set MATHFORML__Slack__BotToken)";

    /// <summary>Format argument: the token's prefix.</summary>
    public const string BotTokenWrongPrefix =
        "Slack:BotToken: must start with xoxb- (the bot user OAuth token); it starts with {0}";

    public const string TokenHasWhitespace = "{0}: contains whitespace; copy the token again without spaces or line breaks";

    public const string SigningSecretMissing =
        "Slack:SigningSecret: is required in Http mode (Basic Information → Signing Secret; set MATHFORML__Slack__SigningSecret)";

    public const string SigningSecretMalformed =
        "Slack:SigningSecret: must be the hexadecimal signing secret from Basic Information (not a token)";

    public const string ApiBaseUrlInvalid =
        "Slack:ApiBaseUrl: must be an absolute https URL ending with '/' (http is allowed only for loopback test servers)";

    /// <summary>Format arguments: minimum, maximum.</summary>
    public const string ConnectionCountOutOfRange = "Slack:ConnectionCount: must be between {0} and {1}";

    /// <summary>Format argument: the offending index.</summary>
    public const string OrganizerUserIdInvalid =
        "Slack:OrganizerUserIds:{0}: must be a Slack user ID such as U012AB3CD (not a display name)";

    public const string OrganizerUserGroupIdInvalid =
        "Slack:OrganizerUserGroupId: must be a Slack user group ID such as S0614TZR7";

    public const string UnknownTokenPrefix = "an unrecognised prefix";

    public const string LinkDisabled =
        "Slack disabled the Socket Mode link for this app (disconnect reason link_disabled): turn Socket Mode back on in the app settings; not reconnecting.";

    /// <summary>Format argument: Slack's error code.</summary>
    public const string ConnectionOpenUnauthorized =
        "apps.connections.open refused the app-level token ({0}): create a new xapp- token with connections:write; not reconnecting.";

    public const string AckPayloadNotAccepted =
        "This envelope does not accept a response payload (accepts_response_payload is false); acknowledge it without one.";
}
