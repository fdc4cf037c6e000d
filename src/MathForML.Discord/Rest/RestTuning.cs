namespace MathForML.Discord.Rest;

/// <summary>The REST client's retry and safety limits. Defaults follow Discord's documentation; tests shrink them.</summary>
internal sealed record RestTuning
{
    /// <summary>429s retried per call before giving up with <see cref="DiscordErrorKind.RateLimited"/>.</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>5xx answers retried per call.</summary>
    public int MaxServerErrorRetries { get; init; } = 3;

    /// <summary>Timeouts and network failures retried per call.</summary>
    public int MaxTransportRetries { get; init; } = 2;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    public int InvalidRequestStopAt { get; init; } = InvalidRequestGuard.DefaultStopAt;

    public int GlobalPerSecond { get; init; } = RestRateLimiter.DiscordGlobalPerSecond;

    /// <summary>Exponential backoff with full jitter in the upper half: [d/2, d) with d = base·2^attempt, capped.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var exponential = RetryBaseDelay * double.Pow(2, attempt);
        var capped = exponential > RetryMaxDelay ? RetryMaxDelay : exponential;
        return Jitter.Between(capped / 2, capped);
    }
}
