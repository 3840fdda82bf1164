using System.Collections.Concurrent;
using LowLatency.Engine.Quality;
using LowLatency.Feeds.Exchanges;

namespace LowLatency.Engine.Strategies;

/// <summary>
/// Who receives what: per instrument, the strategy sessions subscribed to it and their channels,
/// read by the signal consumer without locks; and the queue of data-quality changes waiting to be
/// delivered on the signal consumer's thread.
/// </summary>
/// <remarks>
/// Subscription changes (cold) rebuild an instrument's array under a lock and publish it with a
/// release write; the signal consumer reads the current array with an acquire read, so it always
/// sees a complete one.
/// </remarks>
internal sealed class StrategyHost
{
    private readonly StrategySlot[]?[] _byInstrument;
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<DataQualityChange> _changes = new();

    public StrategyHost(int instrumentCapacity)
    {
        _byInstrument = new StrategySlot[]?[instrumentCapacity];
    }

    /// <summary>The sessions of <paramref name="instrumentId"/>, or null when none.</summary>
    public StrategySlot[]? SlotsOf(int instrumentId) =>
        (uint)instrumentId < (uint)_byInstrument.Length ? Volatile.Read(ref _byInstrument[instrumentId]) : null;

    /// <summary>Sets what <paramref name="session"/> receives of <paramref name="instrumentId"/> (none removes it).</summary>
    public void SetChannels(StrategySession session, int instrumentId, MarketChannels channels)
    {
        if (session.Strategy is null)
            return;
        lock (_gate)
        {
            var current = _byInstrument[instrumentId] ?? [];
            var next = current.Where(s => !ReferenceEquals(s.Session, session)).ToList();
            if (channels != MarketChannels.None)
                next.Add(new StrategySlot(session, channels));
            Volatile.Write(ref _byInstrument[instrumentId], next.Count == 0 ? null : next.ToArray());
        }
    }

    /// <summary>Queues a change for delivery (the caller then wakes the signal consumer).</summary>
    public void Enqueue(DataQualityChange change) => _changes.Enqueue(change);

    /// <summary>Takes the next queued change (signal consumer thread).</summary>
    public bool TryDequeue(out DataQualityChange change) => _changes.TryDequeue(out change!);
}
