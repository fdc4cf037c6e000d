using MathForML.Slack.SocketMode;
using MathForML.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;

namespace MathForML.Slack.Tests.Loopback;

/// <summary>Builds the real clients pointed at a <see cref="LoopbackSlack"/>.</summary>
internal sealed class SlackClients : IAsyncDisposable
{
    /// <summary>Socket Mode timings for tests on the fake clock (real-clock values only matter for pings).</summary>
    public static readonly SocketModeTuning Tuning = new()
    {
        ReconnectBaseDelay = TimeSpan.FromSeconds(1),
        ReconnectMaxDelay = TimeSpan.FromSeconds(8),
        TooManyWebsocketsBaseDelay = TimeSpan.FromSeconds(40),
        ConnectionStagger = TimeSpan.FromSeconds(7),
        HelloTimeout = TimeSpan.FromSeconds(13),
        RefreshDrainTimeout = TimeSpan.FromSeconds(31),
        PingInterval = TimeSpan.FromSeconds(5),
        PongTimeout = TimeSpan.FromSeconds(5),
    };

    private readonly HttpClient _http = new();

    /// <summary>Matches the first reconnect delay under <see cref="Tuning"/> (half to one base delay).</summary>
    public static bool IsReconnectBackoff(TimeSpan due) =>
        due >= Tuning.ReconnectBaseDelay / 2 && due < Tuning.ReconnectBaseDelay;

    public SlackClients(LoopbackSlack slack, TimeProvider time, int connectionCount = 1, SocketModeTuning? tuning = null, SlackApiTuning? apiTuning = null)
    {
        Options = new SlackOptions
        {
            AppToken = LoopbackSlack.AppToken,
            BotToken = LoopbackSlack.BotToken,
            ApiBaseUrl = slack.ApiBaseUrl,
            ConnectionCount = connectionCount,
        };
        WebApi = new SlackWebApiClient(_http, Options, time, apiTuning ?? new SlackApiTuning(), NullLogger.Instance);
        SocketMode = new SocketModeClient(WebApi, connectionCount, time, tuning ?? Tuning, NullLogger.Instance);
    }

    public SlackOptions Options { get; }

    public SlackWebApiClient WebApi { get; }

    public SocketModeClient SocketMode { get; }

    public async Task<SocketModeEnvelope> NextEnvelopeAsync() =>
        await SocketMode.Envelopes.ReadAsync().AsTask().WaitAsync(TestWait.Limit);

    public async ValueTask DisposeAsync()
    {
        await SocketMode.DisposeAsync().AsTask().WaitAsync(TestWait.Limit);
        _http.Dispose();
    }
}
