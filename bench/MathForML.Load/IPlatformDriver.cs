namespace MathForML.Load;

/// <summary>One loopback platform server in the harness process and the interactions sent through it.</summary>
internal interface IPlatformDriver : IAsyncDisposable
{
    /// <summary>"discord" or "slack".</summary>
    string Platform { get; }

    /// <summary>The group's home channel.</summary>
    string Channel { get; }

    /// <summary>A member the platform reports as an organizer (Manage Server; Slack admin).</summary>
    string Organizer { get; }

    /// <summary>The environment a user would set to point the bot at this server.</summary>
    IReadOnlyDictionary<string, string> HostEnvironment { get; }

    /// <summary>Member ids for burst <paramref name="burst"/>, fresh per burst so each burst is a new crowd.</summary>
    string Member(int run, int burst, int index);

    /// <summary>Waits until the bot is connected as the platform sees it (gateway READY and commands registered; Socket Mode hello).</summary>
    Task WaitConnectedAsync(TimeSpan limit, CancellationToken cancellationToken);

    /// <summary>Sends one interaction and returns its probe (timestamps fill in as the server sees the bot answer).</summary>
    Task<Probe> SendAsync(int index, string member, LoadCommand command, bool organizer);

    /// <summary>Problem posts the bot made to the group's channel so far.</summary>
    int ProblemPosts { get; }

    /// <summary>Whether the bot offers <c>/problem post</c> (null when the platform cannot tell before trying).</summary>
    bool? OffersProblemPost { get; }

    /// <summary>Odd things the server saw (second callbacks, reconnects), for the report.</summary>
    IReadOnlyList<string> Observations { get; }
}
