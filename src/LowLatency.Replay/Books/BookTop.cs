namespace LowLatency.Replay.Books;

/// <summary>The best levels of a synced recorded book at a replay position.</summary>
/// <param name="Bids">Bids, best first.</param>
/// <param name="Asks">Asks, best first.</param>
/// <param name="Sequence">The book's last sequence or update id (0 when the exchange sends none).</param>
/// <param name="ExchangeTimeMs">Exchange time of the book's last update, ms since the epoch.</param>
internal sealed record BookTop(IReadOnlyList<BookTopLevel> Bids, IReadOnlyList<BookTopLevel> Asks, long Sequence, long ExchangeTimeMs);
