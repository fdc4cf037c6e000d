using System.Globalization;
using MathForML.Slack.WebApi;

namespace MathForML.Slack.Adapter;

/// <summary>Turns a failed Web API call into the operator-facing sentence of <see cref="SlackMessages"/>.</summary>
public static class SlackFailures
{
    /// <summary>Codes after which the bot token will never work again: the adapter stops.</summary>
    private static readonly HashSet<string> Fatal = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "invalid_token", "org_login_required",
    };

    /// <summary>HTTP 413 from an upload URL: the bytes were refused as too large.</summary>
    private const int PayloadTooLarge = 413;

    public static bool StopsAdapter(SlackApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind == SlackErrorKind.Api && Fatal.Contains(error.Code);
    }

    public static string Describe(SlackApiError error, string channelId)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (StopsAdapter(error))
        {
            return Format(SlackMessages.AuthRevoked, error.Code);
        }

        if (error.Kind == SlackErrorKind.RateLimited)
        {
            return Format(SlackMessages.RateLimitedExhausted, error.Method);
        }

        if (error.Kind == SlackErrorKind.Http && error.HttpStatus == PayloadTooLarge)
        {
            return Format(SlackMessages.FileTooLarge, error.Code);
        }

        return error.Code switch
        {
            "file_too_large" or "file_size_exceeded" or "file_upload_size_restricted" => Format(SlackMessages.FileTooLarge, error.Code),
            "file_type_not_allowed" => Format(SlackMessages.FileTypeNotAllowed, error.Code),
            "not_in_channel" => Format(SlackMessages.NotInChannel, channelId),
            "channel_not_found" => Format(SlackMessages.ChannelNotFound, channelId),
            "is_archived" => Format(SlackMessages.IsArchived, channelId),
            "missing_scope" => Format(SlackMessages.MissingScope, error.Method, error.NeededScope ?? SlackMessages.UnknownScope),
            _ => Format(SlackMessages.CallFailed, error.Step == FileUploadStep.None ? error.Method : $"{error.Method} ({error.Step})", error.Code),
        };
    }

    private static string Format(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
