using LowLatency.Replay.Faults;

namespace LowLatency.Replay.Server;

/// <summary>The live counters behind <see cref="ReplayerStatistics"/>, updated once per batch, not per message.</summary>
internal sealed class ReplayerCounters
{
    private readonly long[] _faults = new long[Enum.GetValues<FaultKind>().Length];
    private long _accepted;
    private long _refused;
    private long _open;
    private long _messages;
    private long _bytes;
    private long _session;
    private long _rest;

    public void ConnectionAccepted()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _open);
    }

    public void ConnectionClosed() => Interlocked.Decrement(ref _open);

    public void ConnectionRefused()
    {
        Interlocked.Increment(ref _refused);
        Fault(FaultKind.Refuse);
    }

    public void Sent(long messages, long sessionMessages, long bytes)
    {
        if (messages != 0)
            Interlocked.Add(ref _messages, messages);
        if (sessionMessages != 0)
            Interlocked.Add(ref _session, sessionMessages);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void RestRequest() => Interlocked.Increment(ref _rest);

    public void Fault(FaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    public ReplayerStatistics Snapshot()
    {
        var faults = new Dictionary<FaultKind, long>();
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            var count = Volatile.Read(ref _faults[(int)kind]);
            if (count != 0)
                faults[kind] = count;
        }
        return new ReplayerStatistics(Volatile.Read(ref _accepted), Volatile.Read(ref _refused), Volatile.Read(ref _open), Volatile.Read(ref _messages),
            Volatile.Read(ref _bytes), Volatile.Read(ref _session), Volatile.Read(ref _rest), faults);
    }
}
