namespace MathForML.Slack.WebApi;

/// <summary>Limits and timings of the Web API client; defaults follow Slack's documented limits.</summary>
public sealed record SlackApiTuning
{
    /// <summary>Attempts per call for 5xx, timeouts and network errors (first try included).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How many 429 answers one call waits out before reporting <see cref="SlackErrorKind.RateLimited"/>.</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>Used when a 429 comes without a readable Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After we wait within one call; a longer one is reported at once as rate limited.</summary>
    public TimeSpan MaxRetryAfterWait { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Upload of file bytes can take longer than a JSON call.</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>About one message per second per channel (chat.postMessage's special tier).</summary>
    public TimeSpan PerChannelMessageInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Channels whose pacing state we keep before forgetting idle ones.</summary>
    public int MaxPacedChannels { get; init; } = 1_000;

    /// <summary>Largest response body we read (Slack's JSON answers are a few KB).</summary>
    public int MaxResponseBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest file we upload (Slack's own limit is 1 GB; our images are small).</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;
}
