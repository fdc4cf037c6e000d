using System.Diagnostics.CodeAnalysis;

namespace MathForML.Slack.Wire;

/// <summary>Where a payload broke: a JSON path (<c>$.event.channel</c>) or form field (<c>form:user_id</c>), and why.</summary>
public sealed record WireError(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>A parsed wire payload or the <see cref="WireError"/> saying where it broke.</summary>
public readonly record struct WireResult<T>
{
    private WireResult(T? value, WireError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public WireError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    // CA1000: static factories on the generic result type are the clearest call-site spelling here.
#pragma warning disable CA1000
    public static WireResult<T> Success(T value) => new(value, null);

    public static WireResult<T> Failure(string path, string reason) => new(default, new WireError(path, reason));

    public static WireResult<T> Failure(WireError error) => new(default, error);
#pragma warning restore CA1000
}

/// <summary>Reasons used in <see cref="WireError.Reason"/>; tests assert on these constants.</summary>
public static class WireMessages
{
    public const string Missing = "missing or not a string";
    public const string NotAnObject = "not a JSON object";
    public const string NotAnArray = "not a JSON array";
    public const string NotJson = "not valid JSON";
    public const string UnsupportedInteraction = "unsupported interaction type";
    public const string UnsupportedContentType = "unsupported content type";
    public const string TooLarge = "body larger than the limit";
    public const string TooManyFields = "more form fields than the limit";
    public const string UnsupportedEnvelope = "unsupported request type";
}
