using System.Diagnostics;

namespace MathForML.Load;

/// <summary>What one interaction of a burst asks for; <see cref="Path"/> is the command path ("reading rsvp").</summary>
internal sealed record LoadCommand(string Kind, string Path, IReadOnlyList<(string Name, string Value)> Arguments)
{
    /// <summary>The text after <c>/mfml</c> on Slack.</summary>
    public string SlackText => string.Join(' ', [Path, .. Arguments.Select(a => a.Value)]);

    /// <summary>True when the reply is a public channel message (Slack cannot tie it to the member by itself).</summary>
    public bool PublicReply => Kind == "tex";
}

/// <summary>One interaction in flight: Stopwatch timestamps of when it was sent, acknowledged and answered.</summary>
internal sealed class Probe(int index, string key, string member, string channel, LoadCommand command)
{
    private long _ackAt;
    private long _replyAt;

    public int Index => index;

    /// <summary>Discord: the interaction token; Slack: the envelope id.</summary>
    public string Key => key;

    public string Member => member;

    public string Channel => channel;

    public LoadCommand Command => command;

    public long SentAt { get; set; }

    public long AckAt => Volatile.Read(ref _ackAt);

    public long ReplyAt => Volatile.Read(ref _replyAt);

    public string? ReplyText { get; private set; }

    /// <summary>A second acknowledgement or callback for the same interaction (the platform would refuse it).</summary>
    public int ExtraAcks;

    /// <summary>The ack carried no reply (Discord: a deferred callback, type 5; Slack: an empty ack): the reply comes later.</summary>
    public bool Deferred { get; set; }

    public TaskCompletionSource Replied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Ack(long at)
    {
        if (Interlocked.CompareExchange(ref _ackAt, at, 0) != 0)
        {
            Interlocked.Increment(ref ExtraAcks);
        }
    }

    /// <summary>Records the first reply the member sees; later ones (a follow-up after an edit) are ignored.</summary>
    public bool Reply(long at, string text)
    {
        if (Interlocked.CompareExchange(ref _replyAt, at, 0) != 0)
        {
            return false;
        }

        ReplyText = text;
        Replied.TrySetResult();
        return true;
    }

    public TimeSpan? AckLatency => AckAt == 0 ? null : Stopwatch.GetElapsedTime(SentAt, AckAt);

    public TimeSpan? ReplyLatency => ReplyAt == 0 ? null : Stopwatch.GetElapsedTime(SentAt, ReplyAt);
}

/// <summary>A probe as it stood when its burst's reply window closed: what came later does not count.</summary>
internal sealed record ProbeResult(LoadCommand Command, TimeSpan? AckLatency, TimeSpan? ReplyLatency, bool Deferred, int ExtraAcks, string? ReplyText)
{
    /// <summary>
    /// The loopback servers accept anything; the real platforms do not. A reply counts only if the member would see it:
    /// Discord refuses a callback after 3 s (10062) and then every edit or follow-up; Slack drops an ack payload after
    /// 3 s, but a later response_url POST still shows.
    /// </summary>
    public static ProbeResult At(Probe probe, long cutoff, string platform)
    {
        var acked = probe.AckAt is var a && a != 0 && a <= cutoff;
        var lateAck = acked && probe.AckLatency > BurstResult.AckLimit;
        var seen = !lateAck || (platform == "slack" && probe.ReplyAt != probe.AckAt);
        var replied = probe.ReplyAt is var r && r != 0 && r <= cutoff && seen;
        return new ProbeResult(probe.Command, acked ? probe.AckLatency : null, replied ? probe.ReplyLatency : null, probe.Deferred,
            Volatile.Read(ref probe.ExtraAcks), replied ? probe.ReplyText : null);
    }
}
