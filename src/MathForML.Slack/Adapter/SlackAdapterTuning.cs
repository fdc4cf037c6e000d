namespace MathForML.Slack.Adapter;

/// <summary>Timings and limits of the adapter (register a singleton before <c>AddSlackBot</c> to change them).</summary>
public sealed record SlackAdapterTuning
{
    /// <summary>
    /// How long a slash command or form submission may run before we acknowledge without the reply and deliver it
    /// afterwards (Slack's limit is 3 s; the Socket Mode client's safety net acknowledges at 2.5 s).
    /// </summary>
    public TimeSpan ReplyBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long <c>users.info</c> answers (admin flag, time zone, name) are reused.</summary>
    public TimeSpan UserCacheTtl { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the organizer user group's member list is reused.</summary>
    public TimeSpan UserGroupCacheTtl { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Before re-sending a post whose earlier send is unknown, history from this long before its start is searched.</summary>
    public TimeSpan LedgerLookBack { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages read back from history in that search.</summary>
    public int LedgerHistoryLimit { get; init; } = 200;

    /// <summary>Deliveries handled at the same time; more wait (they were acknowledged or auto-acknowledge in time).</summary>
    public int MaxConcurrentDeliveries { get; init; } = 64;

    /// <summary>How long shutdown waits for deliveries in progress.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
