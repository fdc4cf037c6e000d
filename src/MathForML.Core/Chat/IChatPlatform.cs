namespace MathForML.Core.Chat;

/// <summary>
/// The port a platform adapter implements so Core can post without knowing the platform.
/// Expected platform failures (missing permission, unknown channel, rate limits exhausted) are values.
/// </summary>
public interface IChatPlatform
{
    ChatPlatform Platform { get; }

    Task<PostResult> PostAsync(ChatPost post, CancellationToken cancellationToken);
}

public sealed record PostResult
{
    private PostResult(PostedMessage? message, string? error)
    {
        Message = message;
        Error = error;
    }

    public PostedMessage? Message { get; }

    public string? Error { get; }

    public bool Succeeded => Message is not null;

    public static PostResult Posted(PostedMessage message) => new(message, null);

    public static PostResult Failed(string error) => new(null, error);
}
