namespace LowLatency.Feeds.Books;

/// <summary>How consecutive book messages must chain (the sequence fields are described on <c>MarketEvent</c>).</summary>
public enum BookSequenceRule : byte
{
    /// <summary>No sequence: only snapshots, checksums and cross-checks guard the book (Kraken).</summary>
    None = 0,

    /// <summary>
    /// Each message starts right after the previous one: <c>FirstSequence = last Sequence + 1</c>.
    /// After a REST snapshot with id L the first applied message must bridge it:
    /// <c>FirstSequence ≤ L + 1 ≤ Sequence</c>; messages with <c>Sequence ≤ L</c> are dropped.
    /// Binance spot (<c>U</c>/<c>u</c>), KuCoin (<c>sequenceStart</c>/<c>sequenceEnd</c>), Bybit (<c>u</c>).
    /// </summary>
    FirstFollowsLast,

    /// <summary>
    /// Each message names its predecessor: <c>PreviousSequence = last Sequence</c>. After a REST
    /// snapshot with id L the first applied message must satisfy <c>FirstSequence ≤ L ≤ Sequence</c>;
    /// messages with <c>Sequence &lt; L</c> are dropped. Binance USD-M and COIN-M (<c>pu</c>), OKX (<c>prevSeqId</c>).
    /// </summary>
    PreviousEqualsLast,
}
