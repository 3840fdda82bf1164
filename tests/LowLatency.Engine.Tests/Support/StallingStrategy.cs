using LowLatency.Engine.Quality;
using LowLatency.Engine.Strategies;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Sleeps on a number of events when told to, so the ring fills; records ring-loss gaps and quality changes.</summary>
public sealed class StallingStrategy : IStrategy
{
    private readonly Lock _gate = new();
    private readonly List<DataQualityChange> _changes = [];
    private int _stall;
    private long _ringGaps;

    public void Stall(int events) => Volatile.Write(ref _stall, events);

    public long RingGaps => Volatile.Read(ref _ringGaps);

    public IReadOnlyList<DataQualityChange> Changes
    {
        get
        {
            lock (_gate)
                return [.. _changes];
        }
    }

    public void OnEvent(ref readonly MarketEvent marketEvent)
    {
        if (marketEvent.Kind == MarketEventKind.Gap && marketEvent.InstrumentId == -1)
            Interlocked.Increment(ref _ringGaps);
        if (Volatile.Read(ref _stall) > 0)
        {
            Interlocked.Decrement(ref _stall);
            Thread.Sleep(1);
        }
    }

    public void OnDataQualityChanged(DataQualityChange change)
    {
        lock (_gate)
            _changes.Add(change);
    }
}
