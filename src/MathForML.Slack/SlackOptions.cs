namespace MathForML.Slack;

/// <summary>How Slack delivers events to us.</summary>
public enum SlackMode
{
    /// <summary>Outbound WebSocket connections (no public endpoint needed); needs the app-level token.</summary>
    SocketMode,

    /// <summary>Slack POSTs signed requests to a public HTTPS endpoint; needs the signing secret.</summary>
    Http,
}

/// <summary>Configuration section <c>Slack</c> (environment: <c>MATHFORML__Slack__*</c>).</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>App-level token (<c>xapp-…</c>) with <c>connections:write</c>; Socket Mode only.</summary>
    public string? AppToken { get; set; }

    /// <summary>Bot token (<c>xoxb-…</c>) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>Signing secret for verifying HTTP-mode requests.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Web API base address; must end with a slash.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Simultaneous Socket Mode connections; two let a refresh of one lose nothing.</summary>
    public int ConnectionCount { get; set; } = 2;

    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    /// <summary>
    /// HTTP mode only: where the built-in web server listens for Slack's requests (paths <c>/slack/events</c>,
    /// <c>/slack/commands</c>, <c>/slack/interactive</c>). Put a TLS-terminating proxy in front of it.
    /// </summary>
    public Uri HttpListenUrl { get; set; } = new("http://0.0.0.0:3000");

    /// <summary>Members with organizer rights in addition to workspace admins and owners.</summary>
    public IList<string> OrganizerUserIds { get; init; } = [];

    /// <summary>A user group (<c>S…</c>) whose members have organizer rights.</summary>
    public string? OrganizerUserGroupId { get; set; }
}
