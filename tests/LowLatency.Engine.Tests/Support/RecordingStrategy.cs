using LowLatency.Engine.Quality;
using LowLatency.Engine.Strategies;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Tests.Support;

/// <summary>
/// Counts what a strategy receives without allocating: events by kind, an order-sensitive digest
/// of the streamed events (REST snapshots excluded), gaps, and data-quality changes.
/// </summary>
public sealed class RecordingStrategy : IStrategy
{
    private readonly long[] _byKind = new long[16];
    private readonly object _changesGate = new();
    private readonly List<DataQualityChange> _changes = [];
    private long _streamed;
    private ulong _digest = EventDigest.Seed;
    private long _gaps;

    public long Streamed => Volatile.Read(ref _streamed);

    public ulong Digest => Volatile.Read(ref _digest);

    public long Gaps => Volatile.Read(ref _gaps);

    public long Count(MarketEventKind kind) => Volatile.Read(ref _byKind[(int)kind]);

    public IReadOnlyList<DataQualityChange> Changes
    {
        get
        {
            lock (_changesGate)
                return [.. _changes];
        }
    }

    public void OnEvent(ref readonly MarketEvent marketEvent)
    {
        Volatile.Write(ref _byKind[(int)marketEvent.Kind], _byKind[(int)marketEvent.Kind] + 1);
        if (marketEvent.Kind == MarketEventKind.Gap)
            Volatile.Write(ref _gaps, _gaps + 1);
        if (marketEvent.Kind is MarketEventKind.Gap or MarketEventKind.Status || marketEvent.Has(MarketEventFlags.FromRest))
            return;
        Volatile.Write(ref _digest, EventDigest.Next(_digest, in marketEvent));
        Volatile.Write(ref _streamed, _streamed + 1);
    }

    public void OnDataQualityChanged(DataQualityChange change)
    {
        lock (_changesGate)
            _changes.Add(change);
    }
}
