using System.Runtime.CompilerServices;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Offline;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Feeds.Parsing;
using LowLatency.Feeds.Pipeline;
using LowLatency.Replay.Capture;

namespace LowLatency.Engine.Tests.Offline;

public sealed class OfflineFeedTests
{
    private static readonly TimeSpan Processing = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Offline_feed_builds_the_books_the_adapter_builds_alone_with_the_inline_symbolless_snapshot()
    {
        var reference = OfflineReplay.Books("binance-spot", TestPaths.BinanceSpotHbt);
        await using var engine = new EngineBuilder().Build();
        var feed = engine.OpenOfflineFeed("binance-spot", registerUnknownSymbols: true);

        Feed(feed, TestPaths.BinanceSpotHbt);

        Assert.True(feed.WaitUntilProcessed(Processing));
        Assert.Equal(reference.Counters.Messages, feed.Counters.Messages);
        Assert.Equal(reference.Counters.Events, feed.Counters.Events);
        AssertSameBooks(engine, reference, feed);
    }

    [Fact]
    public async Task Offline_feed_applies_recorded_rest_snapshots_of_several_symbols()
    {
        var reference = OfflineReplay.Books("binance-spot", [.. Companions(TestPaths.BinanceCryptofeed), TestPaths.BinanceCryptofeed]);
        await using var engine = new EngineBuilder().Build();
        var feed = engine.OpenOfflineFeed("binance-spot", registerUnknownSymbols: true);

        Feed(feed, TestPaths.BinanceCryptofeed);

        Assert.True(feed.WaitUntilProcessed(Processing));
        Assert.True(feed.InstrumentsSeen.Count > 1, "several symbols");
        Assert.Contains(reference.Books.Books, b => b.Quality == BookQuality.Synced);
        AssertSameBooks(engine, reference, feed);
    }

    [Fact]
    public async Task Offline_feed_verifies_kraken_checksums_in_the_cache_consumer()
    {
        var instruments = File.ReadAllBytes(TestPaths.Fixture("kraken/kraken-data-recorder/instrument_snapshot.json"));
        var capture = TestPaths.Fixture("kraken/python-kraken-sdk/orderbook-v2.lines");
        await using var engine = new EngineBuilder().WithInstrumentCapacity(4096).Build();
        var feed = engine.OpenOfflineFeed("kraken", registerUnknownSymbols: true);

        Assert.Equal(ParseStatus.Ok, feed.OnMessage(instruments).Status);
        Feed(feed, capture);

        Assert.True(feed.WaitUntilProcessed(Processing));
        var book = engine.GetBookStatus("kraken", "BTC/USD");
        Assert.Equal(BookQuality.Synced, book.Quality);
        Assert.Equal(510, book.ChecksumOk);
        Assert.Equal(0, book.ChecksumFailed);
        Assert.Equal(10, book.BidLevels);
    }

    [Fact]
    public async Task Strategy_subscribed_to_an_offline_venue_receives_every_event_fed_and_no_connection_opens()
    {
        var strategy = new RecordingStrategy();
        await using var engine = new EngineBuilder().Build();
        var feed = engine.OpenOfflineFeed("binance-spot");
        var session = engine.AddStrategy("offline", strategy);
        await session.SubscribeAsync("binance-spot", "BTCUSDT", MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades);

        Feed(feed, TestPaths.BinanceSpotHbt);

        Assert.True(feed.WaitUntilProcessed(Processing));
        long received = Enum.GetValues<MarketEventKind>().Where(k => k is not (MarketEventKind.Status or MarketEventKind.Gap)).Sum(strategy.Count);
        Assert.Equal(feed.Counters.Events, received);
        Assert.True(strategy.Count(MarketEventKind.Trade) > 0 && strategy.Count(MarketEventKind.BestBidOffer) > 0 && strategy.Count(MarketEventKind.BookEnd) > 0);
        Assert.Empty(engine.GetConnectionStatus().Connections);
        Assert.Equal(DataQuality.Synced, engine.GetDataQuality("binance-spot", "BTCUSDT", MarketChannels.Book).Quality);
    }

    [Fact]
    public async Task Feeding_recorded_messages_allocates_nothing_on_the_feeding_thread_in_steady_state()
    {
        var messages = RecordedMessages(TestPaths.BinanceSpotHbt);
        await using var engine = new EngineBuilder().Build();
        var feed = engine.OpenOfflineFeed("binance-spot", registerUnknownSymbols: true);
        int warmUp = messages.Count / 2;
        FeedRange(feed, messages, 0, warmUp);

        long before = GC.GetAllocatedBytesForCurrentThread();
        FeedRange(feed, messages, warmUp, messages.Count);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(feed.WaitUntilProcessed(Processing));
        Assert.Equal(messages.Count, feed.Counters.Messages);
        Assert.Equal(0, feed.Counters.Errors);
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// The reader and its parser reserve room for a large message when they are made, so the first
    /// big depth diff after a quiet start does not grow a buffer on the receive path. Warm-up: the
    /// capture up to its first diff over 8 KB (about 400 levels), without the in-line 1,000-level
    /// snapshot, which would grow every buffer during warm-up; measured: the rest, 70 big diffs
    /// included. With room for 256 levels only, the same run allocates.
    /// </summary>
    [Theory]
    [InlineData(0, false)]
    [InlineData(256, true)]
    public async Task A_fresh_reader_parses_the_first_big_depth_diff_without_growing_a_buffer(int readerBufferEvents, bool grows)
    {
        var messages = RecordedMessages(TestPaths.BinanceSpotHbt);
        int snapshot = messages.FindIndex(m => m.Length > 60_000);
        int firstBigDiff = messages.FindIndex(snapshot + 1, m => m.Length > 8_000);
        await using var engine = new EngineBuilder().Configure(o =>
        {
            if (readerBufferEvents > 0)
                o.ReaderBufferEvents = readerBufferEvents;
        }).Build();
        var feed = engine.OpenOfflineFeed("binance-spot", registerUnknownSymbols: true);
        FeedRange(feed, messages, 0, snapshot);
        FeedRange(feed, messages, snapshot + 1, firstBigDiff);

        long before = GC.GetAllocatedBytesForCurrentThread();
        FeedRange(feed, messages, firstBigDiff, messages.Count);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(feed.WaitUntilProcessed(Processing));
        Assert.Equal(messages.Count - 1, feed.Counters.Messages);
        Assert.Equal(0, feed.Counters.Errors);
        Assert.True(grows ? allocated > 0 : allocated == 0, $"{allocated} bytes allocated on the feeding thread from message {firstBigDiff:N0} on");
    }

    [Fact]
    public async Task Unknown_symbols_are_errors_unless_registered_and_leave_the_books_alone()
    {
        await using var engine = new EngineBuilder().Build();
        var feed = engine.OpenOfflineFeed("binance-spot");

        var result = feed.OnMessage("""{"stream":"ethusdt@trade","data":{"e":"trade","E":1,"s":"ETHUSDT","t":1,"p":"1.0","q":"1.0","T":1,"m":true}}"""u8);

        Assert.Equal(ParseStatus.Error, result.Status);
        Assert.Equal(ParseError.UnknownSymbol, result.Error);
        Assert.True(feed.WaitUntilProcessed(Processing));
        Assert.Empty(feed.InstrumentsSeen);
        Assert.Equal(1, feed.Counters.Errors);
    }

    private static List<byte[]> RecordedMessages(string path)
    {
        var messages = new List<byte[]>();
        using var reader = CaptureFile.Open(path);
        while (reader.TryRead(out var record))
            messages.Add(record.Body.ToArray());
        return messages;
    }

    /// <remarks>Fully optimised from the start, so no on-stack replacement or PGO instrumentation of this loop happens inside a measurement.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void FeedRange(OfflineFeed feed, List<byte[]> messages, int from, int to)
    {
        for (int i = from; i < to; i++)
            feed.OnMessage(messages[i]);
    }

    private static void Feed(OfflineFeed feed, string file)
    {
        using var reader = CaptureFile.Open([.. Companions(file), file]);
        while (reader.TryRead(out var record))
        {
            switch (record.Kind)
            {
                case CaptureRecordKind.Received:
                    feed.OnMessage(record.Body.Span);
                    break;
                case CaptureRecordKind.RestResponse:
                    feed.OnRestResponse(record.Url.Span, record.Body.Span);
                    break;
            }
        }
    }

    private static IEnumerable<string> Companions(string file) =>
        CaptureFile.DetectFormat(file) == CaptureFormat.Cryptofeed ? CaptureFile.CryptofeedCompanions(file) : [];

    private static void AssertSameBooks(MarketDataEngine engine, FeedProcessor reference, OfflineFeed feed)
    {
        Assert.NotEmpty(reference.Books.Books);
        foreach (var expected in reference.Books.Books)
        {
            var symbol = reference.Instruments.Get(expected.InstrumentId).Symbol;
            var instrument = engine.GetInstrument(feed.Venue, symbol);
            var status = engine.GetBookStatus(instrument);
            Assert.Equal(expected.Quality, status.Quality);
            Assert.Equal(expected.Bids.Count, status.BidLevels);
            Assert.Equal(expected.Asks.Count, status.AskLevels);
            Assert.Equal(expected.Counters.Gaps, status.Gaps);
            Assert.Equal(expected.Counters.Resyncs, status.Resyncs);
            if (expected.Quality != BookQuality.Synced)
                continue;
            Assert.True(engine.BookTops.TryGet(instrument.Id, out var top), symbol);
            Assert.Equal(BookDataState.Live, top.State);
            Assert.Equal(expected.LastSequence, top.UpdateId);
            BookAssert.SameLevels(expected.Bids, top.BidLevels);
            BookAssert.SameLevels(expected.Asks, top.AskLevels);
        }
    }
}
