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

    public const string HttpListenUrlInvalid =
        "Slack:HttpListenUrl: must be an absolute http:// or https:// URL without a path, e.g. http://0.0.0.0:3000";

    // Posting failures (PostResult.Failed and operator logs). Format argument {0}: the channel ID.
    public const string NotInChannel =
        "Slack: the bot is not a member of channel {0} (not_in_channel); invite it there with /invite @MathForML.";

    public const string ChannelNotFound =
        "Slack: channel {0} does not exist or the bot cannot see it (channel_not_found); check the group's channel and invite the bot.";

    public const string IsArchived = "Slack: channel {0} is archived (is_archived); unarchive it or move the group to another channel.";

    /// <summary>Format arguments: the Web API method, the scope Slack says is needed.</summary>
    public const string MissingScope =
        "Slack: {0} needs the scope {1} (missing_scope); add it under OAuth & Permissions (or re-create the app from config/slack-app-manifest.yml) and reinstall the app.";

    public const string UnknownScope = "(Slack did not say which)";

    /// <summary>Format argument: the Web API method.</summary>
    public const string RateLimitedExhausted =
        "Slack: {0} is still rate limited after waiting and retrying (ratelimited); the post was not sent, try again later.";

    /// <summary>Format argument: Slack's error code.</summary>
    public const string AuthRevoked =
        "Slack refused the bot token ({0}); the Slack adapter has stopped. Create a new bot token (reinstall the app) and set Slack:BotToken (MATHFORML__Slack__BotToken).";

    /// <summary>Format argument: the stop reason.</summary>
    public const string AdapterStopped = "Slack: the adapter has stopped and posts nothing: {0}";

    /// <summary>Format arguments: the Web API method (with step), Slack's error code.</summary>
    public const string CallFailed = "Slack: {0} failed ({1}).";

    /// <summary>Format arguments: the file names, the failure as <see cref="CallFailed"/> would say it.</summary>
    public const string AttachmentsNotShared = "Slack: the message was posted, but its attachments ({0}) could not be shared: {1}";

    /// <summary>Format argument: Slack's error code (or the upload URL's HTTP status).</summary>
    public const string FileTooLarge =
        "Slack refused a file as too large ({0}): this workspace's upload limit is below the file's size; ask for a smaller export, or have a workspace admin raise the limit.";

    /// <summary>Format argument: Slack's error code.</summary>
    public const string FileTypeNotAllowed =
        "Slack refused the file's type ({0}): this workspace only allows some file types; a workspace admin can allow CSV and JSON uploads.";

    public const string EmptyPost = "Slack: nothing to post: the message has no text, image or button.";

    // Texts members see.

    /// <summary>Format argument: an image's alt text. Ephemeral messages cannot carry uploaded files.</summary>
    public const string ImageAsText = "Image: {0}";

    public const string FormSubmit = "Submit";
    public const string FormCancel = "Cancel";
    public const string FormValueRequired = "Please type something here.";

    public const string ReplyNotPosted =
        "I could not post my reply in this channel: invite me first with `/invite @MathForML`.";

    public const string FormNotOpened = "I could not open the form just now; please press the button again.";

    /// <summary>
    /// Format argument: the file names. Ephemeral messages cannot carry files on Slack, so the files of a private reply
    /// go to the member's direct messages with the bot and the reply says so.
    /// </summary>
    public const string FilesSentByDirectMessage = "I sent you {0} by direct message.";

    /// <summary>Format arguments: the file names, why (a sentence from the failures above).</summary>
    public const string FilesNotSent = "I could not send you {0}. {1}";

    /// <summary>Format argument: why (a sentence from the failures above).</summary>
    public const string ReplyFailedBecause = "I could not post my reply here. {0}";
}
