using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Bybit;

/// <summary>The recorded Bybit v5 books (tests/fixtures/SOURCES.md) replayed through parser and books.</summary>
public sealed class BybitRecordedBookTests
{
    internal const string Archive = "bybit/nautilus_trader/2024-12-01_XRPUSDT_ob500.data";

    internal static FeedProcessor Replay(string venue, IEnumerable<RecordedMessage> messages)
    {
        var processor = new FeedProcessor(ExchangeCatalog.Get(venue), new InstrumentRegistry(), ParserOptions.Discovering);
        RecordedFeed.Replay(processor, messages);
        return processor;
    }

    [Fact]
    public void Xrpusdt_ob500_chains_every_delta_from_u_20254869_to_20254918()
    {
        var processor = Replay("bybit-linear", RecordedFeed.Lines(Archive));

        var book = processor.Books.Books.Single();
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(20254918, book.LastSequence);
        Assert.Equal(1, book.Counters.Snapshots);
        Assert.Equal(49, book.Counters.UpdatesApplied);
        Assert.Equal(0, book.Counters.Gaps);
        Assert.Equal(0, book.Counters.Crossed);
        Assert.Equal(0, processor.Counters.Errors);
    }

    [Fact]
    public void Xrpusdt_ob500_ends_with_500_levels_a_side_and_the_recorded_top_of_book()
    {
        var processor = Replay("bybit-linear", RecordedFeed.Lines(Archive));

        var book = processor.Books.Books.Single();
        Assert.Equal(500, book.Bids.Count);
        Assert.Equal(500, book.Asks.Count);
        Assert.Equal(new BookLevel(1_9537_0000, 10605_000000, 4, 0), book.Bids[0]);
        Assert.Equal(new BookLevel(1_9538_0000, 6702_000000, 4, 0), book.Asks[0]);
    }

    [Theory]
    [InlineData("bybit-linear", "bybit/cryptofeed-l1/BYBIT.ws.1.0", 4, 198, 4)]
    [InlineData("bybit-spot", "bybit/cryptofeed-l1/BYBIT.ws.2.0", 6, 139, 6)]
    public void Cryptofeed_orderbook_1_snapshots_keep_one_synced_level_a_side(string venue, string capture, int symbols, int snapshots, int acks)
    {
        var processor = Replay(venue, RecordedFeed.Cryptofeed(capture));

        Assert.Equal(symbols, processor.Books.Books.Count);
        Assert.Equal(snapshots, processor.Books.Books.Sum(b => b.Counters.Snapshots));
        Assert.Equal(acks, processor.Counters.Ignored);
        Assert.Equal(0, processor.Counters.Errors);
        Assert.Equal(0, processor.Counters.Unknown);
        Assert.All(processor.Books.Books, book =>
        {
            Assert.Equal(BookQuality.Synced, book.Quality);
            Assert.Equal(1, book.Bids.Count);
            Assert.Equal(1, book.Asks.Count);
            Assert.False(book.IsCrossed);
        });
    }

    [Fact]
    public void Cryptofeed_linear_capture_ends_with_the_last_recorded_bandusdt_quote()
    {
        var processor = Replay("bybit-linear", RecordedFeed.Cryptofeed("bybit/cryptofeed-l1/BYBIT.ws.1.0"));

        Assert.True(processor.Instruments.TryGet("bybit", "linear", "BANDUSDT", out var band));
        var book = processor.Books.Find(band.Id)!;
        Assert.Equal(24043037, book.LastSequence);
        Assert.Equal(0_6132_0000, book.Bids.BestPrice);
        Assert.Equal(462_800000, book.Bids.BestQuantity);
        Assert.Equal(0_6135_0000, book.Asks.BestPrice);
        Assert.Equal(11_400000, book.Asks.BestQuantity);
    }
}
