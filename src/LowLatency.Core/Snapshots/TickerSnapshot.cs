namespace LowLatency.Core.Snapshots;

/// <summary>
/// The latest top-of-book and trade summary of one instrument, as served by <see cref="TickerCache"/>.
/// </summary>
/// <remarks>
/// Prices and quantities are fixed-point <see cref="long"/>s in the instrument's own scale (kept
/// with the instrument, not here). Fields rather than properties: the cache consumer writes
/// them in place through a <see cref="SeqLockWriteScope{T}"/>, and readers get a private copy.
/// </remarks>
public struct TickerSnapshot
{
    /// <summary>Best bid price, in price ticks.</summary>
    public long BidPriceTicks;

    /// <summary>Quantity at the best bid, fixed point.</summary>
    public long BidQuantity;

    /// <summary>Best ask price, in price ticks.</summary>
    public long AskPriceTicks;

    /// <summary>Quantity at the best ask, fixed point.</summary>
    public long AskQuantity;

    /// <summary>Price of the last trade, in price ticks.</summary>
    public long LastPriceTicks;

    /// <summary>Quantity of the last trade, fixed point.</summary>
    public long LastQuantity;

    /// <summary>Traded quantity over the rolling 24 hours, fixed point, as the exchange reports it.</summary>
    public long Volume24h;

    /// <summary>Exchange timestamp of the update, nanoseconds since the Unix epoch.</summary>
    public long ExchangeTimeNs;

    /// <summary>Local receive time of the bytes that carried the update, <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long ReceiveTimestamp;

    /// <summary>The exchange's sequence or update id of the update (0 when the exchange sends none).</summary>
    public long Sequence;
}
