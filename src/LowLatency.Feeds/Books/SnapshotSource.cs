namespace LowLatency.Feeds.Books;

/// <summary>Where a venue's book snapshots come from.</summary>
public enum SnapshotSource : byte
{
    /// <summary>
    /// The stream sends the snapshot after (re)subscribing (Kraken, OKX, Bybit): updates before
    /// it are dropped and a resync means resubscribing.
    /// </summary>
    Stream = 0,

    /// <summary>
    /// A REST request fetches it (Binance, KuCoin spot): updates are buffered until it arrives and
    /// the first applied update must bridge it.
    /// </summary>
    Rest,
}
