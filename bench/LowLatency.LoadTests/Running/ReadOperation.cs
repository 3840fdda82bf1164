namespace LowLatency.LoadTests.Running;

/// <summary>What a reader thread of the readers scenario reads, in turn.</summary>
public enum ReadOperation
{
    /// <summary><c>engine.Tickers.TryGet</c>: one seqlock read of the ticker snapshot.</summary>
    TickerSnapshot,

    /// <summary><c>engine.BookTops.TryGet</c>: one seqlock read of the top-10 book snapshot.</summary>
    BookSnapshot,

    /// <summary><c>engine.GetTickerAsync</c>: the unified feed (freshness check, then the cache).</summary>
    GetTicker,

    /// <summary><c>engine.GetBookAsync</c>: the unified feed's book.</summary>
    GetBook,
}
