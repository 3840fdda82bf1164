using LowLatency.Core.Snapshots;
using LowLatency.Engine.Options;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Books;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.EndToEnd;

public sealed class LoopbackEndToEndTests
{
    private const string Venue = "binance-spot";
    private const string Symbol = "BTCUSDT";

    [Theory]
    [InlineData(ConsumerThreadLayout.Shared)]
    [InlineData(ConsumerThreadLayout.Separate)]
    public async Task Every_recorded_message_reaches_the_strategy_once_and_in_order(ConsumerThreadLayout layout)
    {
        var feed = SharedFeeds.BinanceSpot;
        var expected = OfflineReplay.StreamedEvents(feed, Venue, Symbol);
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen });
        var strategy = new RecordingStrategy();
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).Configure(o => o.ConsumerThreads = layout).Build();
        var session = engine.AddStrategy("e2e", strategy);

        await session.SubscribeAsync(Venue, Symbol, MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades);
        await Eventually.TrueAsync(() => strategy.Streamed >= expected.Events, $"{expected.Events} streamed events at the strategy");

        var status = engine.GetStatus();
        Assert.Equal(feed.Count, status.ChannelMessages.Where(m => m.Channel != "heartbeat").Sum(m => m.Messages));
        Assert.Equal(expected.Events, strategy.Streamed);
        Assert.Equal(expected.Digest, strategy.Digest);
        Assert.Equal(0, status.ParseErrors);
        Assert.Equal(0, status.Ring.Overruns);
    }

    [Fact]
    public async Task Final_book_top_equals_the_offline_replay_of_the_capture()
    {
        var feed = SharedFeeds.BinanceSpot;
        var offline = OfflineReplay.Books(Venue, TestPaths.BinanceSpotHbt);
        var offlineBook = offline.Books.Books.Single();
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen });
        // At full speed the whole recording may arrive before the REST snapshot on a busy machine: buffer it all.
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).Configure(o => o.BookBufferEvents = 1 << 20).Build();
        var session = engine.AddStrategy("books");
        var instrument = engine.GetInstrument(Venue, Symbol);

        await session.SubscribeAsync(Venue, Symbol, MarketChannels.Book);
        await Eventually.TrueAsync(() => engine.BookTops.TryGet(instrument.Id, out var top) && top.UpdateId == offlineBook.LastSequence,
            $"the cached book to reach update {offlineBook.LastSequence}");

        Assert.True(engine.BookTops.TryGet(instrument.Id, out var cached));
        Assert.Equal(BookDataState.Live, cached.State);
        Assert.Equal(BookQuality.Synced, offlineBook.Quality);
        BookAssert.SameLevels(offlineBook.Bids, cached.BidLevels);
        BookAssert.SameLevels(offlineBook.Asks, cached.AskLevels);
    }
}
