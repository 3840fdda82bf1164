using System.Runtime.CompilerServices;
using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Parsing;

/// <summary>
/// Growable staging area for the events of one message, so that a parser writes a message to
/// its sink all at once or not at all.
/// </summary>
/// <remarks>Grows (allocates) only while warming up to the largest message; reused afterwards.</remarks>
public sealed class EventBuffer
{
    private MarketEvent[] _events;

    /// <summary>Creates a buffer with room for <paramref name="initialCapacity"/> events.</summary>
    public EventBuffer(int initialCapacity = 256) => _events = new MarketEvent[Math.Max(1, initialCapacity)];

    /// <summary>Events staged so far.</summary>
    public int Count { get; private set; }

    /// <summary>The staged event at <paramref name="index"/>.</summary>
    public ref MarketEvent this[int index] => ref _events[index];

    /// <summary>Adds a cleared event and returns it for filling in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref MarketEvent Add()
    {
        if (Count == _events.Length)
            Grow();
        ref var slot = ref _events[Count++];
        slot = default;
        return ref slot;
    }

    /// <summary>Forgets the staged events.</summary>
    public void Clear() => Count = 0;

    /// <summary>Writes the staged events to <paramref name="sink"/> in order, then clears; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Flush<TSink>(ref TSink sink)
        where TSink : IMarketEventSink
    {
        var count = Count;
        var events = _events;
        for (var i = 0; i < count; i++)
            sink.OnEvent(in events[i]);
        Count = 0;
        return count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => Array.Resize(ref _events, _events.Length * 2);
}
