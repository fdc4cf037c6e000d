namespace MathForML.Discord.Tests.Loopback;

/// <summary>A gateway session on the loopback server: its dispatch log (for replay) and live connection.</summary>
internal sealed class LoopbackSession(string id)
{
    public string Id => id;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public List<(long Seq, string Json)> Events { get; } = [];

    public long LastSeq { get; set; }

    public bool Resumable { get; set; } = true;

    public LoopbackGatewayConnection? Live { get; set; }
}
