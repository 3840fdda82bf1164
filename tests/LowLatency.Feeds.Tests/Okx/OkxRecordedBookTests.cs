using LowLatency.Core.Instruments;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Feeds.Tests.Support;

namespace LowLatency.Feeds.Tests.Okx;

/// <summary>The recorded OKX v5 capture (tests/fixtures/SOURCES.md) replayed through parser, books and checksums.</summary>
public sealed class OkxRecordedBookTests
{
    internal const string Capture = "okx/cryptofeed/OKX.ws.1.0";

    internal static FeedProcessor Replay(IEnumerable<RecordedMessage> messages)
    {
        var processor = new FeedProcessor(ExchangeCatalog.Get("okx"), new InstrumentRegistry(), ParserOptions.Discovering);
        RecordedFeed.Replay(processor, messages);
        return processor;
    }

    internal static OrderBook Book(FeedProcessor processor, string instrumentId)
    {
        Assert.True(processor.Instruments.TryGet("okx", "all", instrumentId, out var instrument));
        return processor.Books.Find(instrument.Id)!;
    }

    [Fact]
    public void Every_one_of_the_290_recorded_checksums_verifies()
    {
        var processor = Replay(RecordedFeed.Cryptofeed(Capture));

        Assert.Equal(3, processor.Books.Books.Count);
        Assert.Equal(290, processor.Books.Books.Sum(b => b.Counters.ChecksumOk));
        Assert.Equal(0, processor.Books.Books.Sum(b => b.Counters.ChecksumFailed));
        Assert.Equal(3, processor.Books.Books.Sum(b => b.Counters.Snapshots));
        Assert.Equal(287, processor.Books.Books.Sum(b => b.Counters.UpdatesApplied));
        Assert.All(processor.Books.Books, book => Assert.Equal(BookQuality.Synced, book.Quality));
    }

    [Fact]
    public void Capture_parses_without_errors_and_ignores_the_18_subscription_events()
    {
        var processor = Replay(RecordedFeed.Cryptofeed(Capture));

        Assert.Equal(410, processor.Counters.Messages);
        Assert.Equal(18, processor.Counters.Ignored);
        Assert.Equal(0, processor.Counters.Errors);
        Assert.Equal(0, processor.Counters.Unknown);
    }

    [Theory]
    [InlineData("BTC-USDT", 400, 400, 30236_10000000, 18050747, 30236_20000000, 100000)]
    [InlineData("UNI-USD-SWAP", 125, 118, 5_13700000, 20_00000000, 5_14500000, 50_00000000)]
    [InlineData("BTC-USD-220527", 74, 62, 30229_40000000, 2_00000000, 30238_80000000, 3_00000000)]
    public void Books_end_with_the_recorded_depth_and_top(string instrumentId, int bids, int asks, long bestBid, long bestBidSize, long bestAsk, long bestAskSize)
    {
        var book = Book(Replay(RecordedFeed.Cryptofeed(Capture)), instrumentId);

        Assert.Equal(bids, book.Bids.Count);
        Assert.Equal(asks, book.Asks.Count);
        Assert.Equal(bestBid, book.Bids.BestPrice);
        Assert.Equal(bestBidSize, book.Bids.BestQuantity);
        Assert.Equal(bestAsk, book.Asks.BestPrice);
        Assert.Equal(bestAskSize, book.Asks.BestQuantity);
    }
}
