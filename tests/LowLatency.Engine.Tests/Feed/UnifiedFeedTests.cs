using System.Runtime.CompilerServices;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Feed;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Feed;

public sealed class UnifiedFeedTests
{
    private const string Venue = "binance-spot";
    private const string Symbol = "BTCUSDT";

    [Fact]
    public async Task Unsubscribed_ticker_is_subscribed_and_served_from_the_cache_once_its_first_update_arrives()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).WithFirstUpdateWait(Eventually.HangGuard).Build();

        var ticker = await engine.GetTickerAsync(Venue, Symbol);

        Assert.Equal(DataSource.Cache, ticker.Source);
        Assert.Equal(DataQuality.Synced, ticker.Quality);
        Assert.True(ticker.Bid > 0 && ticker.Ask > ticker.Bid, $"bid {ticker.Bid} ask {ticker.Ask}");
        Assert.Equal(new FeedCounters(CacheHits: 0, Waits: 1, Fallbacks: 0, FallbackFailures: 0), engine.GetStatus().Feed);
        var feedSession = Assert.Single(engine.GetConnectionStatus().Strategies);
        Assert.Equal(["binance_spot BTCUSDT BestBidOffer"], feedSession.Topics);
    }

    [Fact]
    public async Task Fresh_subscribed_ticker_is_a_cache_hit()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).Build();
        var session = engine.AddStrategy("quotes");
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.BestBidOffer);
        await Eventually.TrueAsync(() => engine.GetDataQuality(Venue, Symbol, MarketChannels.BestBidOffer).Quality == DataQuality.Synced, "quotes synced");

        var ticker = await engine.GetTickerAsync(Venue, Symbol);

        Assert.Equal(DataSource.Cache, ticker.Source);
        Assert.Equal(1, engine.GetStatus().Feed.CacheHits);
        Assert.Equal(0, engine.GetStatus().Feed.Fallbacks);
    }

    [Fact]
    public async Task Cache_hits_of_ticker_and_book_allocate_nothing_on_the_reading_thread()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).WithFreshness(TimeSpan.FromMinutes(10)).Build();
        var session = engine.AddStrategy("reader");
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.BestBidOffer);
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.Book);
        await Eventually.TrueAsync(() => engine.GetDataQuality(Venue, Symbol, MarketChannels.BestBidOffer).Quality == DataQuality.Synced
            && engine.GetDataQuality(Venue, Symbol, MarketChannels.Book).Quality == DataQuality.Synced, "quotes and book synced");
        ReadBoth(engine, 100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int fromCache = ReadBoth(engine, 10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(20_000, fromCache);
        Assert.Equal(0, allocated);
    }

    /// <summary>Reads ticker and book <paramref name="count"/> times each, synchronously (cache hits complete at once); returns how many came from the cache.</summary>
    /// <remarks>Fully optimised from the start, so no on-stack replacement or PGO instrumentation of this loop happens inside a measurement.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int ReadBoth(MarketDataEngine engine, int count)
    {
        int fromCache = 0;
        for (int i = 0; i < count; i++)
        {
            var ticker = engine.GetTickerAsync(Venue, Symbol);
            if (ticker.IsCompletedSuccessfully && ticker.Result.Source == DataSource.Cache)
                fromCache++;
            var book = engine.GetBookAsync(Venue, Symbol, depth: 5);
            if (book.IsCompletedSuccessfully && book.Result.Source == DataSource.Cache)
                fromCache++;
        }
        return fromCache;
    }

    [Fact]
    public async Task Unsubscribed_read_falls_back_to_rest_when_no_first_update_arrives_in_time()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions
        {
            Speed = ReplaySpeed.Max,
            Faults = [FaultSpec.Parse("refuse:count=1000000")],
        });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).WithFirstUpdateWait(TimeSpan.FromMilliseconds(200)).Build();

        var ticker = await engine.GetTickerAsync(Venue, Symbol);

        Assert.Equal(DataSource.Rest, ticker.Source);
        Assert.Equal(DataQuality.Degraded, ticker.Quality);
        Assert.True(ticker.Bid > 0 && ticker.Ask > ticker.Bid && ticker.Last > 0, $"bid {ticker.Bid} ask {ticker.Ask} last {ticker.Last}");
        Assert.Equal(new FeedCounters(CacheHits: 0, Waits: 1, Fallbacks: 1, FallbackFailures: 0), engine.GetStatus().Feed);
    }

    [Fact]
    public async Task Stalled_channel_turns_stale_is_served_from_rest_as_degraded_and_resyncs_when_data_resumes()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions
        {
            Speed = ReplaySpeed.Times(20),
            AtEnd = ReplayEndBehavior.KeepOpen,
            Faults = [FaultSpec.Parse("stall:every=2000,count=3,for=5s")],
        });
        var strategy = new RecordingStrategy();
        await using var engine = new EngineBuilder()
            .AddExchange(Venue, replayer)
            .WithFreshness(MarketChannels.BestBidOffer, TimeSpan.FromMilliseconds(300))
            .Build();
        var session = engine.AddStrategy("quotes", strategy);
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.BestBidOffer);

        var (ticker, stale, degraded) = await StalledChannel.ReadDuringStallAsync(engine, replayer, strategy, Venue, Symbol, MarketChannels.BestBidOffer,
            async () => await engine.GetTickerAsync(Venue, Symbol));

        Assert.Contains("silent", stale.Reason, StringComparison.Ordinal);
        Assert.Equal(DataSource.Rest, ticker.Source);
        Assert.Equal(DataQuality.Degraded, ticker.Quality);
        Assert.True(ticker.Bid > 0 && ticker.Ask > ticker.Bid, $"bid {ticker.Bid} ask {ticker.Ask}");
        Assert.Equal(DataQuality.Degraded, degraded.Quality);
    }

    [Fact]
    public async Task Silent_channel_on_a_live_connection_is_stale_and_says_the_connection_is_alive()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.RealTime, AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder()
            .AddExchange(Venue, replayer)
            .WithFreshness(MarketChannels.Trades, TimeSpan.FromMilliseconds(200))
            .WithFreshness(MarketChannels.BestBidOffer, TimeSpan.FromSeconds(30))
            .Build();
        var session = engine.AddStrategy("both");
        await session.SubscribeAsync(Venue, Symbol, MarketChannels.BestBidOffer | MarketChannels.Trades);

        await Eventually.TrueAsync(() => engine.GetDataQuality(Venue, Symbol, MarketChannels.Trades) is { Quality: DataQuality.Stale } trades
                                         && trades.Reason.Contains("alive", StringComparison.Ordinal),
            "trades stale while quotes keep the connection alive");

        Assert.Equal(DataQuality.Synced, engine.GetDataQuality(Venue, Symbol, MarketChannels.BestBidOffer).Quality);
    }

    [Fact]
    public async Task Book_is_served_from_the_cache_cut_to_the_asked_depth()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceSpot, new ReplayerOptions { Speed = ReplaySpeed.Times(5), AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).WithFirstUpdateWait(Eventually.HangGuard).Build();

        var book = await engine.GetBookAsync(Venue, Symbol, depth: 3);

        Assert.Equal(DataSource.Cache, book.Source);
        Assert.Equal(3, book.Snapshot.BidCount);
        Assert.Equal(3, book.Snapshot.AskCount);
        Assert.True(book.Bid(0).Price < book.Ask(0).Price);
        Assert.True(book.Bid(1).Price < book.Bid(0).Price);
    }

    [Fact]
    public async Task Candles_are_served_from_the_cache_when_their_stream_is_subscribed()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BinanceCryptofeed, new ReplayerOptions { Speed = ReplaySpeed.Max, AtEnd = ReplayEndBehavior.KeepOpen });
        await using var engine = new EngineBuilder().AddExchange(Venue, replayer).WithFreshness(TimeSpan.FromMinutes(10)).Build();
        var session = engine.AddStrategy("candles");
        await session.SubscribeAsync(Venue, "NKNUSDT", MarketChannels.Candles);
        await Eventually.TrueAsync(() => engine.GetDataQuality(Venue, "NKNUSDT", MarketChannels.Candles).Quality == DataQuality.Synced, "candles synced");

        var candles = await engine.GetOhlcvAsync(Venue, "NKNUSDT", CandleInterval.OneMinute, limit: 500);

        Assert.Equal(DataSource.Cache, candles.Source);
        Assert.NotEmpty(candles.Candles);
        Assert.All(candles.Candles, c => Assert.True(c.LowPriceTicks <= c.OpenPriceTicks && c.OpenPriceTicks <= c.HighPriceTicks));
    }

    [Fact]
    public async Task Ohlcv_limit_above_500_is_refused()
    {
        await using var engine = new EngineBuilder().EnableWebSocket(false).Build();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await engine.GetOhlcvAsync(Venue, Symbol, CandleInterval.OneMinute, limit: 501));
    }
}
