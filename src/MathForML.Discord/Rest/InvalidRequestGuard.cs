namespace MathForML.Discord.Rest;

/// <summary>
/// Counts 401/403/429 answers (except 429 with scope "shared", which Discord does not count) over
/// Discord's 10-minute window and trips before the 10,000 limit that earns a temporary IP ban.
/// </summary>
internal sealed class InvalidRequestGuard(int stopAt, TimeProvider clock)
{
    /// <summary>Discord's documented limit: 10,000 invalid requests per 10 minutes.</summary>
    public const int DiscordLimit = 10_000;

    /// <summary>Stop well short of the limit: other processes may share the IP.</summary>
    public const int DefaultStopAt = 9_000;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly SlidingWindowLimiter _window = new(stopAt, Window, clock);

    public bool IsTripped => _window.CountInWindow() >= stopAt;

    public void Record() => _window.TryAcquire(0, out _);
}
