using LowLatency.Feeds.Parsing;

namespace LowLatency.Feeds.Binance;

/// <summary>
/// Everything one pass over a Binance message found, as text positions and integers; the
/// parser decides what the message is once the pass is over (field order is not guaranteed).
/// </summary>
internal struct BinanceMessage
{
    public TextSpan EventType;
    public TextSpan Symbol;
    public long EventTimeMs;
    public long TransactionTimeMs;
    public long FirstUpdateId;
    public long LastUpdateId;
    public long PreviousUpdateId;
    public long SnapshotUpdateId;
    public long TradeId;
    public long AggregateTradeId;
    public TextSpan BidPrice;
    public TextSpan BidQuantity;
    public TextSpan AskPrice;
    public TextSpan AskQuantity;
    public TextSpan Price;
    public TextSpan Quantity;
    public bool BuyerIsMaker;
    public bool HasFirstUpdateId;
    public bool HasLastUpdateId;
    public bool HasSnapshot;
    public bool HasTradeId;
    public bool HasAggregateTradeId;
    public bool HasKline;
    public bool IsResponse;
    public long KlineOpenTimeMs;
    public TextSpan KlineInterval;
    public TextSpan KlineOpen;
    public TextSpan KlineHigh;
    public TextSpan KlineLow;
    public TextSpan KlineClose;
    public TextSpan KlineVolume;
    public bool KlineClosed;

    /// <summary>Set by <see cref="BinanceScanner"/>: the level numbers were converted to digits while scanning.</summary>
    public bool LevelsScanned;

    // Digits of the text fields of the same names, when the scanner read them (see ScannedNumber).
    public ScannedNumber ScannedBidPrice;
    public ScannedNumber ScannedBidQuantity;
    public ScannedNumber ScannedAskPrice;
    public ScannedNumber ScannedAskQuantity;
    public ScannedNumber ScannedPrice;
    public ScannedNumber ScannedQuantity;
}
