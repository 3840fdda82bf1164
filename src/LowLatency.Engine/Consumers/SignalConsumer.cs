using System.Diagnostics;
using System.Runtime.CompilerServices;
using LowLatency.Core.Metrics;
using LowLatency.Core.Ring;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Strategies;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Consumers;

/// <summary>
/// Runs after the cache consumer: hands each event to the strategies subscribed to its instrument
/// and channel (gaps to every strategy of the instrument), and delivers data-quality changes in
/// order with the events, all on this one thread.
/// </summary>
/// <remarks>
/// A <see cref="MarketEventKind.Status"/> event is the quality monitor's wake-up call: the changes
/// themselves wait in the <see cref="StrategyHost"/> queue, so events stay fixed-size. A ring
/// overrun reaches every strategy as a gap on instrument -1.
/// </remarks>
internal sealed class SignalConsumer : IEventHandler<MarketEvent>
{
    private readonly RingBuffer<MarketEvent> _ring;
    private readonly bool _countLoss;
    private readonly StrategyHost _host;
    private readonly Func<IReadOnlyList<StrategySession>> _sessions;
    private long _events;

    public SignalConsumer(RingBuffer<MarketEvent> ring, StrategyHost host, Func<IReadOnlyList<StrategySession>> sessions, AllocationProbe? probe)
    {
        Probe = probe;
        _ring = ring;
        _countLoss = ring.Policy == FullRingPolicy.DropAndFlagGap;
        _host = host;
        _sessions = sessions;
    }

    /// <summary>Receive → signal latency (recorded on this consumer's thread).</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>This consumer thread's allocation counter, sampled per batch; null when it shares the cache consumer's thread, whose probe counts for it.</summary>
    public AllocationProbe? Probe { get; }

    /// <inheritdoc />
    public void OnEvent(ref MarketEvent data, long sequence, bool endOfBatch)
    {
        if (_countLoss && _ring.LostBefore(sequence) != 0)
            OnRingLoss();
        var kind = data.Kind;
        if (kind == MarketEventKind.Status)
        {
            DeliverQualityChanges();
        }
        else
        {
            if (_host.SlotsOf(data.InstrumentId) is { } slots)
                Dispatch(slots, ref data, kind);
            if (kind is not (MarketEventKind.BookSnapshotLevel or MarketEventKind.BookDeltaLevel or MarketEventKind.Gap))
                Latency.Record(StopwatchTime.ElapsedNanoseconds(data.ReceiveTimestamp, Stopwatch.GetTimestamp()));
        }
        Volatile.Write(ref _events, _events + 1);
        if (endOfBatch)
            Probe?.Sample(_events);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dispatch(StrategySlot[] slots, ref MarketEvent data, MarketEventKind kind)
    {
        var channel = TrackedChannels.ChannelOf(kind);
        foreach (var slot in slots)
        {
            if ((slot.Channels & channel) != 0 || kind == MarketEventKind.Gap)
                slot.Session.Deliver(in data);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DeliverQualityChanges()
    {
        while (_host.TryDequeue(out var change))
        {
            if (_host.SlotsOf(change.Instrument.Id) is not { } slots)
                continue;
            foreach (var slot in slots)
            {
                if ((slot.Channels & change.Channel) != MarketChannels.None)
                    slot.Session.Deliver(change);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnRingLoss()
    {
        var gap = new MarketEvent { Kind = MarketEventKind.Gap, InstrumentId = -1, ReceiveTimestamp = Stopwatch.GetTimestamp() };
        foreach (var session in _sessions())
        {
            if (session.Strategy is not null)
                session.Deliver(in gap);
        }
    }
}
