using Microsoft.Extensions.Options;

namespace MathForML.Discord;

/// <summary>Validates <see cref="DiscordOptions"/> at start-up with messages naming the configuration key.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public static readonly TimeSpan MaxInteractionDeferAfter = TimeSpan.FromSeconds(2.5);
    public const int MinDispatchBufferCapacity = 16;

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add(DiscordMessages.TokenMissing);
        }
        else if (options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add(DiscordMessages.TokenMalformed);
        }

        if (!IsSnowflake(options.ApplicationId))
        {
            failures.Add(DiscordMessages.ApplicationIdNotSnowflake);
        }

        if (options.DevGuildId is not null && !IsSnowflake(options.DevGuildId))
        {
            failures.Add(DiscordMessages.DevGuildIdNotSnowflake);
        }

        if (options.OrganizerRoleIds is { } roles && roles.Any(r => !IsSnowflake(r)))
        {
            failures.Add(DiscordMessages.OrganizerRoleIdsNotSnowflakes);
        }

        if (options.ShardCount < 1)
        {
            failures.Add(DiscordMessages.ShardCountInvalid);
        }
        else if (options.ShardId < 0 || options.ShardId >= options.ShardCount)
        {
            failures.Add(DiscordMessages.ShardIdOutOfRange);
        }

        if (!IsAbsoluteUrl(options.ApiBaseUrl, Uri.UriSchemeHttp, Uri.UriSchemeHttps))
        {
            failures.Add(DiscordMessages.ApiBaseUrlInvalid);
        }

        if (options.GatewayUrlOverride is not null && !IsAbsoluteUrl(options.GatewayUrlOverride, Uri.UriSchemeWs, Uri.UriSchemeWss))
        {
            failures.Add(DiscordMessages.GatewayUrlOverrideInvalid);
        }

        if (!IsAbsoluteUrl(options.UserAgentUrl, Uri.UriSchemeHttp, Uri.UriSchemeHttps))
        {
            failures.Add(DiscordMessages.UserAgentUrlInvalid);
        }

        if ((options.Intents & GatewayIntents.Privileged) != 0 && !options.AllowPrivilegedIntents)
        {
            failures.Add(DiscordMessages.PrivilegedIntentsNotAllowed);
        }

        if (options.InteractionDeferAfter <= TimeSpan.Zero || options.InteractionDeferAfter > MaxInteractionDeferAfter)
        {
            failures.Add(DiscordMessages.InteractionDeferAfterOutOfRange);
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add(DiscordMessages.RequestTimeoutInvalid);
        }

        if (options.DispatchBufferCapacity < MinDispatchBufferCapacity)
        {
            failures.Add(DiscordMessages.DispatchBufferCapacityInvalid);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Snowflakes are unsigned 64-bit integers written in decimal.</summary>
    public static bool IsSnowflake(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(char.IsAsciiDigit) && ulong.TryParse(value, out var id) && id > 0;

    private static bool IsAbsoluteUrl(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
