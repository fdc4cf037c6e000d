using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MathForML.Slack.HttpMode;

public enum SignatureCheck
{
    Valid,
    MissingTimestamp,
    MissingSignature,
    MalformedTimestamp,

    /// <summary>Older than <see cref="SlackRequestVerifier.MaxClockSkew"/>: possibly a replay.</summary>
    TimestampTooOld,

    /// <summary>Further ahead than <see cref="SlackRequestVerifier.MaxClockSkew"/>.</summary>
    TimestampInFuture,

    /// <summary>Not <c>v0=</c> followed by 64 hex digits.</summary>
    MalformedSignature,

    Mismatch,
}

/// <summary>
/// Verifies Slack's request signature: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> keyed with the signing
/// secret, compared in constant time with <c>X-Slack-Signature</c>, with the timestamp within five minutes of now.
/// </summary>
public sealed class SlackRequestVerifier
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string Version = "v0";

    /// <summary>Slack's documented replay window.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const int SignatureHexLength = 64;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SlackRequestVerifier(string signingSecret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.MissingTimestamp;
        }

        if (string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingSignature;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var maxSkew = (long)MaxClockSkew.TotalSeconds;
        if (seconds < now - maxSkew)
        {
            return SignatureCheck.TimestampTooOld;
        }

        if (seconds > now + maxSkew)
        {
            return SignatureCheck.TimestampInFuture;
        }

        const string prefix = Version + "=";
        if (!signature.StartsWith(prefix, StringComparison.Ordinal) || signature.Length != prefix.Length + SignatureHexLength)
        {
            return SignatureCheck.MalformedSignature;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(signature.AsSpan(prefix.Length));
        }
        catch (FormatException)
        {
            return SignatureCheck.MalformedSignature;
        }

        var baseString = Encoding.UTF8.GetBytes(Version + ":" + timestamp + ":");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(baseString);
        hmac.AppendData(body);
        Span<byte> expected = stackalloc byte[32];
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }
}
