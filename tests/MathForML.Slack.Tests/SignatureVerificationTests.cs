using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MathForML.Slack.HttpMode;
using MathForML.TestKit;

namespace MathForML.Slack.Tests;

public sealed class SignatureVerificationTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private const string Body = "token=legacy&team_id=T0TEAM&user_id=U0ADA&command=%2Fmfml&text=answer+1%2F4&channel_id=C0STUDY";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Computed here with <see cref="HMACSHA256"/>, independently of the verifier's incremental hashing.</summary>
    private static string Sign(string secret, long timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes($"v0:{timestamp.ToString(CultureInfo.InvariantCulture)}:{body}"));
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    public static TheoryData<string, string?, string?, string, SignatureCheck> Cases()
    {
        var ts = Now.ToUnixTimeSeconds();
        var stamp = ts.ToString(CultureInfo.InvariantCulture);
        string Stamp(long t) => t.ToString(CultureInfo.InvariantCulture);
        return new()
        {
            { "valid", stamp, Sign(Secret, ts, Body), Body, SignatureCheck.Valid },
            { "valid, uppercase hex", stamp, "v0=" + Sign(Secret, ts, Body)[3..].ToUpperInvariant(), Body, SignatureCheck.Valid },
            { "wrong secret", stamp, Sign("fedcba9876543210fedcba9876543210", ts, Body), Body, SignatureCheck.Mismatch },
            { "tampered body", stamp, Sign(Secret, ts, Body), Body.Replace("1%2F4", "1%2F2", StringComparison.Ordinal), SignatureCheck.Mismatch },
            { "timestamp header changed after signing", Stamp(ts - 1), Sign(Secret, ts, Body), Body, SignatureCheck.Mismatch },
            { "5 minutes old is still accepted", Stamp(ts - 300), Sign(Secret, ts - 300, Body), Body, SignatureCheck.Valid },
            { "older than 5 minutes", Stamp(ts - 301), Sign(Secret, ts - 301, Body), Body, SignatureCheck.TimestampTooOld },
            { "more than 5 minutes ahead", Stamp(ts + 301), Sign(Secret, ts + 301, Body), Body, SignatureCheck.TimestampInFuture },
            { "missing timestamp", null, Sign(Secret, ts, Body), Body, SignatureCheck.MissingTimestamp },
            { "missing signature", stamp, null, Body, SignatureCheck.MissingSignature },
            { "empty signature", stamp, "", Body, SignatureCheck.MissingSignature },
            { "non-numeric timestamp", "12:00", Sign(Secret, ts, Body), Body, SignatureCheck.MalformedTimestamp },
            { "negative timestamp", "-5", Sign(Secret, ts, Body), Body, SignatureCheck.MalformedTimestamp },
            { "unknown version", stamp, "v1=" + Sign(Secret, ts, Body)[3..], Body, SignatureCheck.MalformedSignature },
            { "truncated signature", stamp, Sign(Secret, ts, Body)[..40], Body, SignatureCheck.MalformedSignature },
            { "non-hex signature", stamp, "v0=" + new string('z', 64), Body, SignatureCheck.MalformedSignature },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verify_classifies_the_request(string scenario, string? timestamp, string? signature, string body, SignatureCheck expected)
    {
        var verifier = new SlackRequestVerifier(Secret, new FakeTimeProvider(Now));

        var check = verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(body));

        Assert.True(expected == check, $"{scenario}: expected {expected}, got {check}");
    }

    [Fact]
    public void Slacks_published_example_verifies()
    {
        // The worked example on Slack's "Verifying requests from Slack" page (placeholder secret, real signature).
        const string secret = "8f742231b10e8888abcd99yyyzzz85a5";
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var verifier = new SlackRequestVerifier(secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + 60)));

        var check = verifier.Verify("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Encoding.UTF8.GetBytes(body));

        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Fact]
    public void Replay_window_follows_the_injected_clock()
    {
        var clock = new FakeTimeProvider(Now);
        var verifier = new SlackRequestVerifier(Secret, clock);
        var ts = Now.ToUnixTimeSeconds();
        var signature = Sign(Secret, ts, Body);

        var fresh = verifier.Verify(ts.ToString(CultureInfo.InvariantCulture), signature, Encoding.UTF8.GetBytes(Body));
        clock.Advance(SlackRequestVerifier.MaxClockSkew + TimeSpan.FromSeconds(1));
        var replayed = verifier.Verify(ts.ToString(CultureInfo.InvariantCulture), signature, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(SignatureCheck.Valid, fresh);
        Assert.Equal(SignatureCheck.TimestampTooOld, replayed);
    }
}
