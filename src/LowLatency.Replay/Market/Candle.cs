namespace LowLatency.Replay.Market;

/// <summary>One OHLCV candle built from recorded trades.</summary>
/// <param name="OpenTimeMs">Start of the interval, ms since the epoch.</param>
/// <param name="IntervalMs">Length of the interval in ms.</param>
/// <param name="Open">First trade price.</param>
/// <param name="High">Highest trade price.</param>
/// <param name="Low">Lowest trade price.</param>
/// <param name="Close">Last trade price.</param>
/// <param name="Volume">Sum of trade sizes (base currency).</param>
/// <param name="QuoteVolume">Sum of price × size (quote currency).</param>
/// <param name="Trades">Number of trades.</param>
/// <param name="TakerBuyVolume">Volume of the trades whose aggressor bought.</param>
/// <param name="TakerBuyQuoteVolume">Quote volume of the trades whose aggressor bought.</param>
public sealed record Candle(long OpenTimeMs, long IntervalMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, decimal QuoteVolume,
    int Trades, decimal TakerBuyVolume, decimal TakerBuyQuoteVolume)
{
    /// <summary>Last millisecond of the interval (Binance's <c>closeTime</c>).</summary>
    public long CloseTimeMs => OpenTimeMs + IntervalMs - 1;

    /// <summary>Volume-weighted average price, or the close when nothing traded.</summary>
    public decimal Vwap => Volume == 0 ? Close : QuoteVolume / Volume;
}
