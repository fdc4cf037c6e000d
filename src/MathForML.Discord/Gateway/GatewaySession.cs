namespace MathForML.Discord.Gateway;

/// <summary>
/// What survives a connection: the session id and resume URL from READY and the sequence of the last
/// dispatch handed to consumers (so a resume replays exactly what was not delivered).
/// </summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    public long? Sequence
    {
        get
        {
            var value = Interlocked.Read(ref _sequence);
            return value < 0 ? null : value;
        }
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    /// <summary>Only moves forward: replays at or below the current sequence are duplicates.</summary>
    public void Delivered(long sequence) => Interlocked.Exchange(ref _sequence, long.Max(Interlocked.Read(ref _sequence), sequence));

    public bool IsDuplicate(long sequence) => Sequence is { } last && sequence <= last;

    public void Invalidate()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
