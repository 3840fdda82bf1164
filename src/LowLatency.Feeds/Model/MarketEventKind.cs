namespace LowLatency.Feeds.Model;

/// <summary>What a <see cref="MarketEvent"/> carries; decides which fields are meaningful.</summary>
public enum MarketEventKind : byte
{
    /// <summary>Unused slot; never emitted by a parser.</summary>
    None = 0,

    /// <summary>One level of a full book snapshot (<see cref="MarketEvent.Price"/>, <see cref="MarketEvent.Quantity"/>, <see cref="MarketEvent.Side"/>).</summary>
    BookSnapshotLevel,

    /// <summary>One changed level of a book update; quantity 0 deletes the level.</summary>
    BookDeltaLevel,

    /// <summary>
    /// Closes one book message (snapshot or update), even an empty one: carries the sequence
    /// fields, the checksum when the exchange sends one, and <see cref="MarketEventFlags.Snapshot"/>.
    /// </summary>
    BookEnd,

    /// <summary>A public trade: price, quantity, aggressor side, trade id in <see cref="MarketEvent.Sequence"/>.</summary>
    Trade,

    /// <summary>A ticker: best bid/ask with sizes, <see cref="MarketEvent.LastPrice"/> and <see cref="MarketEvent.Volume"/> (24 h).</summary>
    Ticker,

    /// <summary>Best bid and offer with sizes; <see cref="MarketEvent.Sequence"/> is the book update id when the exchange gives one.</summary>
    BestBidOffer,

    /// <summary>An OHLCV candle (<see cref="MarketEvent.Open"/> .. <see cref="MarketEvent.Close"/>, <see cref="MarketEvent.Volume"/>, <see cref="MarketEvent.IntervalSeconds"/>).</summary>
    Candle,

    /// <summary>
    /// Data may have been lost (reconnect, ring overrun): books of the instrument, or of every
    /// instrument when <see cref="MarketEvent.InstrumentId"/> is -1, become stale until resynchronised.
    /// </summary>
    Gap,

    /// <summary>Exchange or connection status change (system status messages, maintenance).</summary>
    Status,
}
