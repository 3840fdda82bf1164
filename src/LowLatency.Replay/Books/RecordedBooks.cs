using System.Collections.Concurrent;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Books;

/// <summary>
/// The order books of a recorded feed as of any replay position, per venue, for the REST stub's
/// book answers: the real book the recorded messages build, never a made-up one.
/// </summary>
/// <remarks>One per replayer (its clock gives the positions); each venue's books are built on first use and advanced incrementally.</remarks>
internal sealed class RecordedBooks
{
    private readonly RecordedFeed _feed;
    private readonly ConcurrentDictionary<string, Lazy<RecordedBookCursor>> _venues = new(StringComparer.Ordinal);

    public RecordedBooks(RecordedFeed feed) => _feed = feed;

    /// <summary>
    /// The best <paramref name="depth"/> levels of <paramref name="symbol"/> on <paramref name="venue"/>
    /// (a venue name, e.g. <c>bybit-linear</c>) after <paramref name="position"/> messages; null when
    /// that book is not synced there (no snapshot yet, a failed checksum, a gap).
    /// </summary>
    public BookTop? Top(string venue, string symbol, int position, int depth) =>
        _venues.GetOrAdd(venue, name => new Lazy<RecordedBookCursor>(() => new RecordedBookCursor(_feed, ExchangeCatalog.Get(name))))
            .Value.Top(symbol, position, depth);
}
