using System.Runtime.CompilerServices;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Publishing;

/// <summary>
/// The sink a parser writes one message's events into: a reusable array owned by the producer, so
/// the message can then be published into the ring as one claim (all of its events or none).
/// </summary>
/// <remarks>A struct passed by reference to the parser: its calls are inlined and nothing is boxed.</remarks>
internal struct EventCollector : IMarketEventSink
{
    private MarketEvent[] _events;
    private int _count;

    public EventCollector(MarketEvent[] buffer)
    {
        _events = buffer;
        _count = 0;
    }

    /// <summary>The events written so far.</summary>
    public readonly ReadOnlySpan<MarketEvent> Events => _events.AsSpan(0, _count);

    /// <summary>The buffer, grown to the largest message seen (keep it for the next message).</summary>
    public readonly MarketEvent[] Buffer => _events;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnEvent(in MarketEvent marketEvent)
    {
        if (_count == _events.Length)
            Grow();
        _events[_count++] = marketEvent;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => Array.Resize(ref _events, _events.Length * 2);
}
