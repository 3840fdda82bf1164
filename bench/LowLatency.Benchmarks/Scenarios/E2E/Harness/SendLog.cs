using LowLatency.Replay.Server;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>
/// When the replayer handed each recorded message to the socket, per connection of the current
/// round: the "wire" end of every latency this harness reports.
/// </summary>
/// <remarks>
/// <para>The replayer reports each socket write (<see cref="IReplaySendObserver"/>); every message
/// of a write gets the write's timestamp, taken just before the write. Connections are told apart
/// by their accept order: after <see cref="Arm"/>, the first new connection is slot 0, the next
/// slot 1, and so on; connections accepted before <see cref="Arm"/> (an earlier round's, closing)
/// are ignored.</para>
/// <para>A slot holds one timestamp per capture index, so a connection that replays the capture
/// twice (after a reconnect, or looping) keeps the latest send of each index.</para>
/// </remarks>
public sealed class SendLog : IReplaySendObserver
{
    private readonly long[][] _ticks;
    private long _latestConnection;
    private long _floor;

    /// <summary>Creates a log for <paramref name="connections"/> concurrent connections of a capture of <paramref name="messages"/> messages.</summary>
    public SendLog(int messages, int connections = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections);
        _ticks = new long[connections][];
        for (int i = 0; i < connections; i++)
            _ticks[i] = new long[messages];
    }

    /// <summary>Connection slots.</summary>
    public int Connections => _ticks.Length;

    /// <summary>Forgets the previous round: the next connections accepted fill slots 0, 1, ...</summary>
    public void Arm()
    {
        Volatile.Write(ref _floor, Volatile.Read(ref _latestConnection));
        foreach (var slot in _ticks)
            Array.Clear(slot);
    }

    /// <inheritdoc />
    public void OnSending(long connectionId, int fromIndex, int toIndex, long timestamp)
    {
        long latest = Volatile.Read(ref _latestConnection);
        while (connectionId > latest)
        {
            long seen = Interlocked.CompareExchange(ref _latestConnection, connectionId, latest);
            if (seen == latest)
                break;
            latest = seen;
        }
        long slot = connectionId - Volatile.Read(ref _floor) - 1;
        if (slot < 0 || slot >= _ticks.Length)
            return;
        var ticks = _ticks[slot];
        int to = Math.Min(toIndex, ticks.Length);
        if (fromIndex < to)
            ticks.AsSpan(fromIndex, to - fromIndex).Fill(timestamp);
        // Publishes the stamps to the harness thread that reads them after the round.
        Interlocked.MemoryBarrier();
    }

    /// <summary>When message <paramref name="index"/> was handed to the socket of connection <paramref name="slot"/> (Stopwatch ticks), or 0 if it was not.</summary>
    public long SentAt(int slot, int index) => Volatile.Read(ref _ticks[slot][index]);
}
