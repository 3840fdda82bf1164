using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;

namespace LowLatency.Engine.Books;

/// <summary>An order book as the cache consumer last published it (after each book message).</summary>
/// <param name="Instrument">The instrument.</param>
/// <param name="Quality">The book's quality, or null when it has had no event yet.</param>
/// <param name="BidLevels">Bid levels held (full depth, not just the cached top).</param>
/// <param name="AskLevels">Ask levels held.</param>
/// <param name="Gaps">Sequence gaps detected.</param>
/// <param name="Resyncs">Resynchronisations started.</param>
/// <param name="ChecksumOk">Exchange checksums verified.</param>
/// <param name="ChecksumFailed">Exchange checksums that did not match (each resynchronised the book).</param>
/// <param name="CrossChecksCompared">Best-bid-offer messages compared with the book's top.</param>
/// <param name="CrossChecksMatched">Of those, how many agreed.</param>
/// <param name="LastResyncReason">Why the book last asked for a snapshot, or null when it never did.</param>
public sealed record BookStatus(
    Instrument Instrument,
    BookQuality? Quality,
    int BidLevels,
    int AskLevels,
    long Gaps,
    long Resyncs,
    long ChecksumOk,
    long ChecksumFailed,
    long CrossChecksCompared,
    long CrossChecksMatched,
    ResyncReason? LastResyncReason);
