using LowLatency.Core.Ring;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Metrics;
using LowLatency.Engine.Risk;
using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Consumers;

/// <summary>
/// Runs after the cache consumer: keeps the per-instrument market state the pre-trade checks read
/// (best bid and ask, mid, last price, receive time) current with every quote, book and trade.
/// </summary>
/// <remarks>It reads the ticker cache the cache consumer has just written, so both agree on the top of book.</remarks>
internal sealed class RiskConsumer : IEventHandler<MarketEvent>
{
    private readonly TickerCache _tickers;
    private readonly RiskState _risk;
    private long _events;

    public RiskConsumer(TickerCache tickers, RiskState risk, AllocationProbe? probe)
    {
        _tickers = tickers;
        _risk = risk;
        Probe = probe;
    }

    /// <summary>This consumer thread's allocation counter, sampled per batch; null when it shares the cache consumer's thread, whose probe counts for it.</summary>
    public AllocationProbe? Probe { get; }

    /// <inheritdoc />
    public void OnEvent(ref MarketEvent data, long sequence, bool endOfBatch)
    {
        switch (data.Kind)
        {
            case MarketEventKind.BookEnd:
            case MarketEventKind.BestBidOffer:
            case MarketEventKind.Ticker:
            case MarketEventKind.Trade:
                int id = data.InstrumentId;
                if ((uint)id < (uint)_tickers.InstrumentCapacity && _tickers.TryGet(id, out var ticker))
                    _risk.Update(id, in ticker);
                break;
        }
        Volatile.Write(ref _events, _events + 1);
        if (endOfBatch)
            Probe?.Sample(_events);
    }
}
