using System.Diagnostics.CodeAnalysis;

namespace MathForML.Slack.WebApi;

/// <summary>Why a Web API call did not produce a value.</summary>
public enum SlackErrorKind
{
    /// <summary>Slack answered <c>ok:false</c>; <see cref="SlackApiError.Code"/> is Slack's error code.</summary>
    Api,

    /// <summary>Still rate limited (HTTP 429) after the allowed retries.</summary>
    RateLimited,

    /// <summary>An HTTP status other than 2xx/429 (after retries for 5xx).</summary>
    Http,

    /// <summary>Network failure or timeout after the allowed retries.</summary>
    Transport,

    /// <summary>The body was not the JSON Slack documents.</summary>
    InvalidResponse,
}

/// <summary>The step of a file upload v2 that failed.</summary>
public enum FileUploadStep
{
    None,
    GetUploadUrl,
    UploadBytes,
    CompleteUpload,
}

/// <summary>A failed Web API call as a value: which method, what kind, Slack's code and any detail messages.</summary>
public sealed record SlackApiError(
    string Method,
    SlackErrorKind Kind,
    string Code,
    IReadOnlyList<string> Messages,
    int? HttpStatus = null,
    FileUploadStep Step = FileUploadStep.None)
{
    /// <summary>Synthetic codes for failures that never reached Slack's <c>error</c> field.</summary>
    public const string RateLimitedCode = "ratelimited";
    public const string TimeoutCode = "timeout";
    public const string NetworkCode = "network_error";
    public const string InvalidResponseCode = "invalid_response";
    public const string HttpStatusCodePrefix = "http_";

    /// <summary>For <c>missing_scope</c>: the scope Slack says the call needs (its <c>needed</c> field).</summary>
    public string? NeededScope { get; init; }

    /// <summary>Slack codes after which retrying with the same token can never succeed.</summary>
    public bool IsUnrecoverableAuth => Kind == SlackErrorKind.Api && SlackAuthErrors.IsUnrecoverable(Code);

    public override string ToString() =>
        Step == FileUploadStep.None ? $"{Method}: {Kind} {Code}" : $"{Method} ({Step}): {Kind} {Code}";
}

/// <summary>Either a value or a <see cref="SlackApiError"/>.</summary>
public readonly record struct SlackResult<T>
{
    private SlackResult(T? value, SlackApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public SlackApiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    // CA1000: static factories on the generic result type are the clearest call-site spelling here.
#pragma warning disable CA1000
    public static SlackResult<T> Success(T value) => new(value, null);

    public static SlackResult<T> Failure(SlackApiError error) => new(default, error);
#pragma warning restore CA1000
}

/// <summary>Slack error codes that mean "this token will never work": never retried, reconnecting is pointless.</summary>
public static class SlackAuthErrors
{
    private static readonly HashSet<string> Unrecoverable = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
        "no_permission", "org_login_required", "ekm_access_denied", "missing_scope", "not_allowed_token_type",
        "invalid_token",
    };

    public static bool IsUnrecoverable(string code) => Unrecoverable.Contains(code);
}
