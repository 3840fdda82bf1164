namespace LowLatency.Feeds.Exchanges;

/// <summary>Public market-data channels a subscription can ask for.</summary>
[Flags]
public enum MarketChannels
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Order book (snapshot + updates).</summary>
    Book = 1 << 0,

    /// <summary>Public trades.</summary>
    Trades = 1 << 1,

    /// <summary>Ticker (best bid/ask, last, 24 h volume).</summary>
    Ticker = 1 << 2,

    /// <summary>Best bid and offer stream (Binance <c>bookTicker</c>).</summary>
    BestBidOffer = 1 << 3,

    /// <summary>Candles.</summary>
    Candles = 1 << 4,

    /// <summary>Instrument definitions (Kraken <c>instrument</c>).</summary>
    Instruments = 1 << 5,
}
