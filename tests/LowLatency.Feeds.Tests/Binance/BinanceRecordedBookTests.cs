using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Binance;

/// <summary>The consistency figures of tests/fixtures/SOURCES.md for Binance, recomputed through our adapter and books.</summary>
public sealed class BinanceRecordedBookTests
{
    private static FeedProcessor Processor(string venue) =>
        new(ExchangeCatalog.Get(venue), new InstrumentRegistry(), ParserOptions.Discovering);

    private static OrderBook Book(FeedProcessor processor, string symbol)
    {
        Assert.True(processor.Instruments.TryGet(processor.Definition.Exchange, processor.Definition.Market, symbol, out var instrument), symbol + " was never seen");
        return processor.Books.Find(instrument.Id) ?? throw new InvalidOperationException("no book for " + symbol);
    }

    [Fact]
    public void Binance_spot_BTCUSDT_chains_0808_into_0809_with_no_break_and_never_crossed()
    {
        var processor = Processor("binance-spot");
        Fixtures.Replay(processor, "binance/hftbacktest/spot/btcusdt_20240808.gz");
        var book = Book(processor, "BTCUSDT");
        Assert.Equal(BookQuality.Synced, book.Quality);
        var appliedFirstDay = book.Counters.UpdatesApplied;

        Fixtures.Replay(processor, "binance/hftbacktest/spot/btcusdt_20240809.gz");

        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(0, book.Counters.Gaps);
        Assert.Equal(0, book.Counters.Crossed);
        Assert.Equal(0, book.Counters.Resyncs);
        Assert.Equal(1, book.Counters.Snapshots);
        Assert.Equal(6493, book.Counters.UpdatesApplied);
        Assert.True(appliedFirstDay > 0 && appliedFirstDay < 6493);
        Assert.Equal(0, processor.Counters.Errors);
        Assert.Equal(41249 + 58325, processor.Counters.Messages);
    }

    [Fact]
    public void Binance_usdm_BTCUSDT_top_of_book_equals_bookTicker_whenever_update_ids_match()
    {
        var processor = Processor("binance-usdm");
        Fixtures.Replay(processor, "binance/hftbacktest/usdm/btcusdt_20240808.gz");
        var book = Book(processor, "BTCUSDT");
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(0, book.Counters.Gaps);
        Assert.Equal(126, book.Counters.CrossChecksCompared);
        Assert.Equal(126, book.Counters.CrossChecksMatched);
        Assert.Equal(0, processor.Counters.Errors);
    }

    [Fact]
    public void Binance_coinm_BTCUSD_PERP_bridges_its_snapshot_with_no_pu_break_and_never_crossed()
    {
        var processor = Processor("binance-coinm");
        Fixtures.Replay(processor, "binance/hftbacktest/cm/btcusd_perp_20240808.gz");
        var book = Book(processor, "BTCUSD_PERP");
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(1, book.Counters.Snapshots);
        Assert.Equal(0, book.Counters.Gaps);
        Assert.Equal(0, book.Counters.Crossed);
        Assert.True(book.Counters.UpdatesApplied > 26000);
        Assert.Equal(0, processor.Counters.Errors);
    }

    [Theory]
    [InlineData("binance-spot", "BINANCE", 4)]
    [InlineData("binance-usdm", "BINANCE_FUTURES", 4)]
    [InlineData("binance-coinm", "BINANCE_DELIVERY", 10)]
    public void Binance_cryptofeed_captures_bridge_every_REST_snapshot(string venue, string prefix, int symbols)
    {
        var processor = Processor(venue);
        Fixtures.Replay(processor, $"binance/cryptofeed/{prefix}.http.0.0", $"binance/cryptofeed/{prefix}.ws.1.0");
        var books = processor.Books.Books;
        Assert.Equal(symbols, books.Count(b => b.Counters.Snapshots == 1));
        Assert.All(books, b =>
        {
            Assert.Equal(BookQuality.Synced, b.Quality);
            Assert.Equal(0, b.Counters.Gaps);
            Assert.Equal(0, b.Counters.Crossed);
            Assert.True(b.Counters.UpdatesApplied > 0);
        });
        Assert.Equal(0, processor.Counters.Errors);
        Assert.Equal(0, processor.Counters.Unknown);
    }
}
