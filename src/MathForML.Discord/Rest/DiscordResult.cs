namespace MathForML.Discord.Rest;

/// <summary>Why a Discord call failed. Expected failures are values, never exceptions.</summary>
public enum DiscordErrorKind
{
    /// <summary>Discord refused the request (4xx) with a JSON error code and message.</summary>
    Rejected,
    /// <summary>401: the token is wrong; the client has stopped.</summary>
    Unauthorized,
    /// <summary>The client stopped earlier (after a 401) and sends nothing more.</summary>
    ClientStopped,
    /// <summary>Too many 401/403/429 recently; paused to stay under Discord's invalid-request limit.</summary>
    InvalidRequestGuard,
    RateLimited,
    ServerError,
    Timeout,
    Network,
    UnreadableResponse,
    /// <summary>The interaction already has its initial response (nothing is answered twice).</summary>
    InteractionAlreadyAnswered,
    InteractionTokenExpired,
    /// <summary>A modal or autocomplete answer cannot follow a deferral.</summary>
    InteractionCannotDefer,
}

/// <summary>A failed Discord call: what kind, the HTTP status, Discord's JSON error code and message.</summary>
public sealed record DiscordError(DiscordErrorKind Kind, string Message, int? HttpStatus = null, int? DiscordCode = null)
{
    /// <summary>Discord's code for "request entity too large" (uploads over the limit).</summary>
    public const int RequestEntityTooLargeCode = 40005;

    /// <summary>True when Discord refused the request for its size: HTTP 413 (often an HTML page from the
    /// edge, without a JSON code) or error code 40005. Nothing was created.</summary>
    public bool IsTooLarge => Kind == DiscordErrorKind.Rejected && (HttpStatus == 413 || DiscordCode == RequestEntityTooLargeCode);

    public override string ToString() =>
        $"{Kind}: {Message}" + (HttpStatus is { } s ? $" (HTTP {s}" + (DiscordCode is { } c ? $", code {c})" : ")") : "");
}

/// <summary>The outcome of a Discord call that returns <typeparamref name="T"/>.</summary>
public sealed class DiscordResult<T>
{
    internal DiscordResult(T? value, DiscordError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DiscordError? Error { get; }

    public bool IsSuccess => Error is null;
}

/// <summary>The outcome of a Discord call with no value.</summary>
public sealed class DiscordResult
{
    public static readonly DiscordResult Success = new(null);

    private DiscordResult(DiscordError? error) => Error = error;

    public DiscordError? Error { get; }

    public bool IsSuccess => Error is null;

    public static DiscordResult Fail(DiscordError error) => new(error);

    public static DiscordResult<T> Ok<T>(T value) => new(value, null);

    public static DiscordResult<T> Fail<T>(DiscordError error) => new(default, error);
}
