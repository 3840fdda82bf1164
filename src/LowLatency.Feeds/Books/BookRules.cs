namespace LowLatency.Feeds.Books;

/// <summary>How a venue's books are kept consistent; one instance per venue, shared by its books.</summary>
/// <param name="Sequence">How messages chain.</param>
/// <param name="Snapshots">Where snapshots come from.</param>
/// <param name="Checksum">The exchange's checksum, or null when it sends none.</param>
/// <param name="MaxDepth">Levels kept per side after each message (Kraken truncates to the subscribed depth); 0 = unlimited.</param>
/// <param name="CrossCheckBestBidOffer">Compare best-bid-offer events that carry the book's last update id with the book's top.</param>
/// <param name="MaxBufferedEvents">Events buffered while waiting for a REST snapshot before the buffer is discarded.</param>
public sealed record BookRules(
    BookSequenceRule Sequence,
    SnapshotSource Snapshots,
    IBookChecksum? Checksum = null,
    int MaxDepth = 0,
    bool CrossCheckBestBidOffer = false,
    int MaxBufferedEvents = 1 << 16);
