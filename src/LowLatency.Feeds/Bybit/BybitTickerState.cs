using LowLatency.Feeds.Model;

namespace LowLatency.Feeds.Bybit;

/// <summary>The last full ticker of each instrument, which Bybit <c>delta</c> tickers are merged into.</summary>
/// <remarks>Indexed by instrument id; grows (allocates) only when a new instrument id appears.</remarks>
internal sealed class BybitTickerState
{
    private MarketEvent[] _last = new MarketEvent[16];
    private bool[] _known = new bool[16];

    public bool TryGet(int instrumentId, out MarketEvent last)
    {
        if ((uint)instrumentId < (uint)_known.Length && _known[instrumentId])
        {
            last = _last[instrumentId];
            return true;
        }
        last = default;
        return false;
    }

    public void Set(int instrumentId, in MarketEvent ticker)
    {
        if (instrumentId >= _known.Length)
        {
            var size = _known.Length;
            while (size <= instrumentId)
                size *= 2;
            Array.Resize(ref _last, size);
            Array.Resize(ref _known, size);
        }
        _last[instrumentId] = ticker;
        _known[instrumentId] = true;
    }
}
