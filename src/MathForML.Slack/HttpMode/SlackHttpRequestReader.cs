using System.Net;
using System.Text;
using System.Text.Json;
using MathForML.Slack.Wire;

namespace MathForML.Slack.HttpMode;

/// <summary>A verified HTTP-mode request, by kind.</summary>
public abstract record SlackHttpRequest;

/// <summary>Slack checking the endpoint: answer with <see cref="Challenge"/> as plain text (or JSON).</summary>
public sealed record UrlVerificationRequest(string Challenge) : SlackHttpRequest;

/// <summary>An Events API callback; parse <see cref="Payload"/> with <see cref="EventCallbackParser"/>.</summary>
public sealed record EventCallbackRequest(JsonElement Payload) : SlackHttpRequest;

public sealed record SlashCommandRequest(SlashCommand Command) : SlackHttpRequest;

/// <summary>The JSON of the <c>payload=</c> form field; parse it with <see cref="InteractivePayloadParser"/>.</summary>
public sealed record InteractiveRequest(JsonElement Payload) : SlackHttpRequest;

/// <summary>
/// Reads the body of a (verified) HTTP-mode request: JSON for Events API and URL verification, form-encoded for
/// slash commands and interactivity (<c>payload=</c> JSON). Pure: a future ASP.NET endpoint passes the raw bytes.
/// </summary>
public static class SlackHttpRequestReader
{
    /// <summary>Slack's requests are small; anything larger is refused before parsing.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public const int MaxFormFields = 64;

    public static WireResult<SlackHttpRequest> Read(string? contentType, ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxBodyBytes)
        {
            return WireResult<SlackHttpRequest>.Failure("body", WireMessages.TooLarge);
        }

        var mediaType = (contentType ?? "").Split(';')[0].Trim();
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJson(body);
        }

        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = ParseForm(Encoding.UTF8.GetString(body));
            if (!form.IsSuccess)
            {
                return WireResult<SlackHttpRequest>.Failure(form.Error);
            }

            if (form.Value.TryGetValue("payload", out var payloadJson))
            {
                try
                {
                    using var document = JsonDocument.Parse(payloadJson);
                    return WireResult<SlackHttpRequest>.Success(new InteractiveRequest(document.RootElement.Clone()));
                }
                catch (JsonException)
                {
                    return WireResult<SlackHttpRequest>.Failure("form:payload", WireMessages.NotJson);
                }
            }

            var command = SlashCommandParser.FromForm(form.Value);
            return command.IsSuccess
                ? WireResult<SlackHttpRequest>.Success(new SlashCommandRequest(command.Value))
                : WireResult<SlackHttpRequest>.Failure(command.Error);
        }

        return WireResult<SlackHttpRequest>.Failure("content-type", WireMessages.UnsupportedContentType);
    }

    /// <summary>Decodes <c>a=1&amp;b=x+y</c> (plus as space, percent escapes as UTF-8).</summary>
    public static WireResult<IReadOnlyDictionary<string, string>> ParseForm(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (fields.Count == MaxFormFields)
            {
                return WireResult<IReadOnlyDictionary<string, string>>.Failure("form", WireMessages.TooManyFields);
            }

            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = WebUtility.UrlDecode(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? "" : WebUtility.UrlDecode(pair[(separator + 1)..]);
            fields[name] = value;
        }

        return WireResult<IReadOnlyDictionary<string, string>>.Success(fields);
    }

    private static WireResult<SlackHttpRequest> ReadJson(ReadOnlySpan<byte> body)
    {
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return WireResult<SlackHttpRequest>.Failure("$", WireMessages.NotJson);
        }

        return JsonRead.String(root, "type") switch
        {
            "url_verification" => JsonRead.String(root, "challenge") is { } challenge
                ? WireResult<SlackHttpRequest>.Success(new UrlVerificationRequest(challenge))
                : WireResult<SlackHttpRequest>.Failure("$.challenge", WireMessages.Missing),
            "event_callback" => WireResult<SlackHttpRequest>.Success(new EventCallbackRequest(root)),
            null => WireResult<SlackHttpRequest>.Failure("$.type", WireMessages.Missing),
            _ => WireResult<SlackHttpRequest>.Failure("$.type", WireMessages.UnsupportedEnvelope),
        };
    }
}
