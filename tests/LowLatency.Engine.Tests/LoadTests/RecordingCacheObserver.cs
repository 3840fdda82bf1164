using LowLatency.Engine.Metrics;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Tests.LoadTests;

/// <summary>Keeps what the cache consumer reported, in order: kind, sequence, whether from REST, and when.</summary>
public sealed class RecordingCacheObserver : ICacheVisibilityObserver
{
    private readonly (MarketEventKind Kind, long Sequence, bool FromRest, long Visible)[] _seen;
    private int _count;
    private int _streamed;

    public RecordingCacheObserver(int capacity) => _seen = new (MarketEventKind, long, bool, long)[capacity];

    /// <summary>Reports of messages that came from the stream (not REST).</summary>
    public int Streamed => Volatile.Read(ref _streamed);

    public IReadOnlyList<(MarketEventKind Kind, long Sequence, bool FromRest, long Visible)> Seen => _seen.AsSpan(0, Math.Min(Volatile.Read(ref _count), _seen.Length)).ToArray();

    public void OnVisible(ref readonly MarketEvent marketEvent, long visibleTimestamp)
    {
        bool fromRest = marketEvent.Has(MarketEventFlags.FromRest);
        if (_count < _seen.Length)
            _seen[_count] = (marketEvent.Kind, marketEvent.Sequence, fromRest, visibleTimestamp);
        Volatile.Write(ref _count, _count + 1);
        if (!fromRest)
            Volatile.Write(ref _streamed, _streamed + 1);
    }
}
