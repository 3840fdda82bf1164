using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.LoadTests;

/// <summary>Keeps what the replayer reported per capture index: the write's timestamp, how often, and by which connection.</summary>
public sealed class RecordingSendObserver : IReplaySendObserver
{
    private readonly long[] _stamps;
    private readonly int[] _reports;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _connections = [];

    public RecordingSendObserver(int messages)
    {
        _stamps = new long[messages];
        _reports = new int[messages];
    }

    public IReadOnlyCollection<long> Connections
    {
        get
        {
            lock (_gate)
                return [.. _connections];
        }
    }

    public void OnSending(long connectionId, int fromIndex, int toIndex, long timestamp)
    {
        lock (_gate)
        {
            _connections.Add(connectionId);
            for (int i = fromIndex; i < toIndex; i++)
            {
                _stamps[i] = timestamp;
                _reports[i]++;
            }
        }
    }

    public long StampOf(int index)
    {
        lock (_gate)
            return _stamps[index];
    }

    public int ReportsOf(int index)
    {
        lock (_gate)
            return _reports[index];
    }
}
