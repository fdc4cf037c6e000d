namespace MathForML.Discord.Gateway;

/// <summary>Counters for monitoring and tests. Updated synchronously where the event happens, so a
/// test driving a fake clock can read them right after advancing it.</summary>
public sealed class GatewayDiagnostics
{
    private long _connections;
    private long _heartbeats;
    private long _acks;
    private long _identifies;
    private long _resumes;
    private long _zombies;
    private long _duplicates;
    private long _delivered;
    private long _framesSent;

    public long ConnectionsOpened => Interlocked.Read(ref _connections);
    public long HeartbeatsScheduled => Interlocked.Read(ref _heartbeats);
    public long AcksReceived => Interlocked.Read(ref _acks);
    public long IdentifiesSent => Interlocked.Read(ref _identifies);
    public long ResumesSent => Interlocked.Read(ref _resumes);
    public long ZombiesDetected => Interlocked.Read(ref _zombies);
    public long DuplicatesDropped => Interlocked.Read(ref _duplicates);
    public long DispatchesDelivered => Interlocked.Read(ref _delivered);
    public long FramesSent => Interlocked.Read(ref _framesSent);

    internal void ConnectionOpened() => Interlocked.Increment(ref _connections);
    internal void HeartbeatScheduled() => Interlocked.Increment(ref _heartbeats);
    internal void AckReceived() => Interlocked.Increment(ref _acks);
    internal void IdentifySent() => Interlocked.Increment(ref _identifies);
    internal void ResumeSent() => Interlocked.Increment(ref _resumes);
    internal void ZombieDetected() => Interlocked.Increment(ref _zombies);
    internal void DuplicateDropped() => Interlocked.Increment(ref _duplicates);
    internal void DispatchDelivered() => Interlocked.Increment(ref _delivered);
    internal void FrameSent() => Interlocked.Increment(ref _framesSent);
}
