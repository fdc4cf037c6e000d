using System.Globalization;
using Microsoft.Extensions.Options;

namespace MathForML.Slack;

/// <summary>Validates <see cref="SlackOptions"/> at start-up; every message starts with its configuration key.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public const int MinConnectionCount = 1;

    /// <summary>Slack allows at most ten simultaneous Socket Mode connections per app.</summary>
    public const int MaxConnectionCount = 10;

    /// <summary>Longest token prefix we quote back (e.g. "xoxb-"); anything longer could be token material.</summary>
    private const int MaxQuotedPrefixLength = 5;

    private static readonly string[] KnownTokenPrefixes = ["xapp-", "xoxb-", "xoxp-", "xoxe-", "xoxa-", "xoxr-", "xoxc-", "xoxd-"];

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Mode == SlackMode.SocketMode)
        {
            CheckToken(options.AppToken, "Slack:AppToken", "xapp-", SlackMessages.AppTokenMissing, SlackMessages.AppTokenWrongPrefix, failures);
        }

        CheckToken(options.BotToken, "Slack:BotToken", "xoxb-", SlackMessages.BotTokenMissing, SlackMessages.BotTokenWrongPrefix, failures);

        if (options.Mode == SlackMode.Http)
        {
            if (string.IsNullOrWhiteSpace(options.SigningSecret))
            {
                failures.Add(SlackMessages.SigningSecretMissing);
            }
            else if (!options.SigningSecret.All(char.IsAsciiHexDigit))
            {
                failures.Add(SlackMessages.SigningSecretMalformed);
            }
        }

        if (!IsValidApiBaseUrl(options.ApiBaseUrl))
        {
            failures.Add(SlackMessages.ApiBaseUrlInvalid);
        }

        if (options.Mode == SlackMode.Http && !IsValidListenUrl(options.HttpListenUrl))
        {
            failures.Add(SlackMessages.HttpListenUrlInvalid);
        }

        if (options.ConnectionCount is < MinConnectionCount or > MaxConnectionCount)
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, SlackMessages.ConnectionCountOutOfRange, MinConnectionCount, MaxConnectionCount));
        }

        for (var i = 0; i < options.OrganizerUserIds.Count; i++)
        {
            if (!SlackIds.IsUserId(options.OrganizerUserIds[i]))
            {
                failures.Add(string.Format(CultureInfo.InvariantCulture, SlackMessages.OrganizerUserIdInvalid, i));
            }
        }

        if (options.OrganizerUserGroupId is not null && !SlackIds.IsUserGroupId(options.OrganizerUserGroupId))
        {
            failures.Add(SlackMessages.OrganizerUserGroupIdInvalid);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckToken(string? token, string key, string expectedPrefix, string missing, string wrongPrefix, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            failures.Add(missing);
            return;
        }

        if (token.Any(char.IsWhiteSpace))
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, SlackMessages.TokenHasWhitespace, key));
            return;
        }

        if (!token.StartsWith(expectedPrefix, StringComparison.Ordinal))
        {
            failures.Add(string.Format(CultureInfo.InvariantCulture, wrongPrefix, DescribePrefix(token)));
        }
    }

    /// <summary>Names a token's kind by its public prefix only; the rest of a token is never repeated.</summary>
    internal static string DescribePrefix(string token)
    {
        foreach (var prefix in KnownTokenPrefixes)
        {
            if (prefix.Length <= MaxQuotedPrefixLength && token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return SlackMessages.UnknownTokenPrefix;
    }

    private static bool IsValidListenUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.AbsolutePath == "/" && string.IsNullOrEmpty(url.Query);

    private static bool IsValidApiBaseUrl(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || !url.AbsolutePath.EndsWith('/'))
        {
            return false;
        }

        return url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);
    }
}
