using LowLatency.Replay.Books;
using LowLatency.Replay.Tests.Infrastructure;

namespace LowLatency.Replay.Tests.Books;

/// <summary>
/// The books behind the REST stub's book answers, against the venue adapter's own books over the
/// capture file read record by record. Both captures here are data messages only, so a replay
/// position counts the same messages as the file does.
/// </summary>
public sealed class RecordedBooksTests
{
    private const string KrakenPair = "BTC/USD";
    private const string BybitSymbol = "XRPUSDT";

    [Theory]
    [InlineData(4)]
    [InlineData(200)]
    [InlineData(513)]
    public void Kraken_book_at_a_position_is_the_adapters_book_after_as_many_messages(int position)
    {
        var books = new RecordedBooks(SharedFeeds.KrakenV2);

        var top = books.Top("kraken", KrakenPair, position, 10);

        Assert.Equal(10, top!.Asks.Count);
        Assert.Equal(OfflineBooks.Top(OfflineBooks.After("kraken", TestPaths.KrakenV2, position), KrakenPair, 10), Decimals(top));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(50)]
    public void Bybit_book_at_a_position_is_the_adapters_500_level_book_after_as_many_messages(int position)
    {
        var books = new RecordedBooks(SharedFeeds.BybitXrp);

        var top = books.Top("bybit-linear", BybitSymbol, position, 200);

        Assert.Equal(OfflineBooks.Top(OfflineBooks.After("bybit-linear", TestPaths.BybitXrpOb500, position), BybitSymbol, 200), Decimals(top));
        Assert.Equal(200, top!.Bids.Count);
    }

    [Fact]
    public void Book_before_its_snapshot_is_not_synced()
    {
        var books = new RecordedBooks(SharedFeeds.KrakenV2);

        Assert.Null(books.Top("kraken", KrakenPair, 3, 10));
    }

    [Fact]
    public void Unknown_symbol_has_no_book()
    {
        var books = new RecordedBooks(SharedFeeds.KrakenV2);

        Assert.Null(books.Top("kraken", "DOGE/EUR", SharedFeeds.KrakenV2.Count, 10));
    }

    [Fact]
    public void Earlier_position_after_a_later_one_is_rebuilt_from_the_start()
    {
        var books = new RecordedBooks(SharedFeeds.KrakenV2);
        books.Top("kraken", KrakenPair, 400, 10);

        var top = books.Top("kraken", KrakenPair, 100, 10);

        Assert.NotNull(top);
        Assert.Equal(OfflineBooks.Top(OfflineBooks.After("kraken", TestPaths.KrakenV2, 100), KrakenPair, 10), Decimals(top));
    }

    [Fact]
    public async Task Concurrent_readers_at_different_positions_each_get_the_book_of_their_position()
    {
        var books = new RecordedBooks(SharedFeeds.KrakenV2);
        int[] positions = [500, 20, 300, 120, 513, 60, 240, 450];
        var expected = positions.Select(p => OfflineBooks.Top(OfflineBooks.After("kraken", TestPaths.KrakenV2, p), KrakenPair, 10)).ToArray();

        var tops = await Task.WhenAll(positions.Select(p => Task.Run(() => books.Top("kraken", KrakenPair, p, 10))));

        Assert.All(tops, Assert.NotNull);
        Assert.Equal(expected, tops.Select(Decimals));
    }

    [Fact]
    public void Levels_keep_the_text_the_exchange_sent()
    {
        var books = new RecordedBooks(SharedFeeds.BybitXrp);

        var top = books.Top("bybit-linear", BybitSymbol, 1, 3)!;

        // The snapshot's first levels: ["1.9531","6203"],["1.9530","2409"],["1.9529","680"].
        Assert.Equal([new BookTopLevel("1.9531", "6203"), new BookTopLevel("1.9530", "2409"), new BookTopLevel("1.9529", "680")], top.Bids);
    }

    private static (decimal Price, decimal Quantity)[][]? Decimals(BookTop? top) =>
        top is null ? null : [Parse(top.Bids), Parse(top.Asks)];

    private static (decimal, decimal)[] Parse(IReadOnlyList<BookTopLevel> levels) =>
        [.. levels.Select(l => (decimal.Parse(l.Price, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(l.Quantity, System.Globalization.CultureInfo.InvariantCulture)))];
}
