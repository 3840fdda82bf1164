namespace LowLatency.Feeds.Model;

/// <summary>Bit flags of a <see cref="MarketEvent"/>.</summary>
[Flags]
public enum MarketEventFlags : ushort
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The event belongs to a full snapshot (book levels and their <see cref="MarketEventKind.BookEnd"/>; ticker snapshots).</summary>
    Snapshot = 1 << 0,

    /// <summary><see cref="MarketEvent.Checksum"/> holds the exchange's checksum of the book after this message.</summary>
    HasChecksum = 1 << 1,

    /// <summary>The event came from a REST response rather than the stream (e.g. a Binance depth snapshot).</summary>
    FromRest = 1 << 2,

    /// <summary><see cref="MarketEvent.Sequence"/> is a book update id that a best-bid-offer may be cross-checked against.</summary>
    HasBookSequence = 1 << 3,

    /// <summary>For a candle: the interval is closed and the values are final.</summary>
    CandleClosed = 1 << 4,

    /// <summary>For a trade: the buyer was the maker (Binance <c>m</c>).</summary>
    BuyerIsMaker = 1 << 5,
}
