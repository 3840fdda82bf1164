using System.Runtime.CompilerServices;
using LowLatency.Core.Ring;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Publishing;

/// <summary>
/// Publishes one message's events into the shared ring as one contiguous claim, following the
/// ring's full-ring policy: with <see cref="FullRingPolicy.Block"/> it waits for room, with
/// <see cref="FullRingPolicy.DropAndFlagGap"/> the whole message is dropped and the ring flags the
/// loss on the next published event.
/// </summary>
/// <remarks>
/// A message is published whole or not at all, so a book never applies half an update. A message
/// larger than a quarter of the ring (a deep snapshot into a small ring) goes in several claims;
/// with <see cref="FullRingPolicy.DropAndFlagGap"/> one of them may then be dropped, and the loss
/// flag on the next published event makes the books stale. One publisher per producing thread; the
/// ring is multi-producer.
/// </remarks>
internal sealed class EventPublisher
{
    private readonly RingBuffer<MarketEvent> _ring;
    private readonly int _maxClaim;
    private long _published;
    private long _dropped;

    public EventPublisher(RingBuffer<MarketEvent> ring)
    {
        _ring = ring;
        _maxClaim = Math.Max(1, ring.Capacity / 4);
    }

    /// <summary>Events published so far.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Events dropped on a full ring so far.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Publishes <paramref name="events"/>; returns false when some were dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Publish(ReadOnlySpan<MarketEvent> events)
    {
        if (events.Length == 1)
            return PublishOne(in events[0]);
        bool complete = true;
        while (!events.IsEmpty)
        {
            int n = Math.Min(events.Length, _maxClaim);
            complete &= PublishRun(events[..n]);
            events = events[n..];
        }
        return complete;
    }

    /// <summary>Publishes a single event, waiting for room whatever the policy (control events: gaps, status).</summary>
    public void PublishControl(in MarketEvent marketEvent)
    {
        long sequence = _ring.Next();
        _ring[sequence] = marketEvent;
        _ring.Publish(sequence);
        Volatile.Write(ref _published, _published + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool PublishOne(in MarketEvent marketEvent)
    {
        if (!_ring.TryClaim(out long sequence))
        {
            Volatile.Write(ref _dropped, _dropped + 1);
            return false;
        }
        _ring[sequence] = marketEvent;
        _ring.Publish(sequence);
        Volatile.Write(ref _published, _published + 1);
        return true;
    }

    private bool PublishRun(ReadOnlySpan<MarketEvent> events)
    {
        if (!_ring.TryClaim(events.Length, out long high))
        {
            Volatile.Write(ref _dropped, _dropped + events.Length);
            return false;
        }
        long low = high - events.Length + 1;
        for (int i = 0; i < events.Length; i++)
            _ring[low + i] = events[i];
        _ring.Publish(low, high);
        Volatile.Write(ref _published, _published + events.Length);
        return true;
    }
}
