using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MathForML.Discord.Rest;

namespace MathForML.Discord.Adapter;

/// <summary>
/// How a scheduled post's idempotency key travels with its Discord message: as the message nonce (a
/// stable hash of the key, so a re-send with <c>enforce_nonce</c> returns the first message), and as a
/// marker in the url of the post's embed, which Discord keeps but does not display on an embed without
/// a title. The marker is how the bot recognises its own post in the channel history after the nonce
/// window has passed.
/// </summary>
public static class DiscordPostKey
{
    /// <summary>
    /// Discord dedupes nonces "within a few minutes" (its documentation gives no exact figure). A send
    /// that started longer ago than this is not trusted to the nonce: the history is checked instead.
    /// </summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(2);

    /// <summary>How many recent channel messages are searched for a post whose outcome is unknown.</summary>
    public const int HistoryLimit = 50;

    private const string MarkerParameter = "mathforml-post";

    /// <summary>"k" + 24 hex digits of SHA-256 of the key: 25 characters, Discord's nonce limit.</summary>
    public static string Nonce(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "k" + Convert.ToHexStringLower(hash)[..(DiscordRestClient.MaxNonceLength - 1)];
    }

    /// <summary>The invisible marker url: the project url with the nonce as a query parameter.</summary>
    public static Uri Marker(string projectUrl, string nonce)
    {
        var builder = new UriBuilder(projectUrl) { Query = string.Create(CultureInfo.InvariantCulture, $"{MarkerParameter}={nonce}"), Fragment = "" };
        return builder.Uri;
    }

    /// <summary>True when the message carries the marker of <paramref name="nonce"/>.</summary>
    public static bool Carries(DiscordMessage message, string nonce)
    {
        ArgumentNullException.ThrowIfNull(message);
        var needle = $"{MarkerParameter}={nonce}";
        return message.Embeds?.Any(e => e.Url is { } url && url.Contains(needle, StringComparison.Ordinal)) == true;
    }
}
