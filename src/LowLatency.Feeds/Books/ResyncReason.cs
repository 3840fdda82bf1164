namespace LowLatency.Feeds.Books;

/// <summary>Why a book asks for a new snapshot.</summary>
public enum ResyncReason : byte
{
    /// <summary>The first update arrived and the snapshot comes from REST (Binance, KuCoin).</summary>
    InitialSnapshot = 0,

    /// <summary>A message did not chain onto the previous one, or no buffered message bridged the snapshot.</summary>
    SequenceGap,

    /// <summary>The exchange's checksum did not match the book.</summary>
    ChecksumMismatch,

    /// <summary>The best bid reached the best ask.</summary>
    CrossedBook,

    /// <summary>A best-bid-offer with the book's update id disagreed with the book's top.</summary>
    CrossCheckMismatch,

    /// <summary>Data may have been lost outside the book (reconnect, ring overrun) or the book went silent.</summary>
    Stale,
}
