namespace LowLatency.Feeds.Model;

/// <summary>Book side of a level, or aggressor side of a trade.</summary>
public enum Side : byte
{
    /// <summary>Not applicable or not sent.</summary>
    None = 0,

    /// <summary>Bid side of a book; for a trade, the buyer was the aggressor (taker).</summary>
    Buy = 1,

    /// <summary>Ask side of a book; for a trade, the seller was the aggressor (taker).</summary>
    Sell = 2,
}
