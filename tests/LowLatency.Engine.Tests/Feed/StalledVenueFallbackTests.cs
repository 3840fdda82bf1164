using LowLatency.Core.Instruments;
using LowLatency.Engine.Feed;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Replay.Faults;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Feed;

/// <summary>
/// A channel the replayer stalls, on each exchange: stale, served from the exchange's REST API as
/// degraded, synced again when data resumes. Freshness thresholds sit well above the recordings'
/// longest natural silence at the replay speed, so only the stall makes a channel stale; looping
/// replays keep the stream going after the stall.
/// </summary>
public sealed class StalledVenueFallbackTests
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Kraken_stalled_book_is_served_from_rest_depth_and_resyncs()
    {
        // 510 book messages over 51 s, at most 2.8 s apart: 0.28 s at ten times the speed.
        await using var replayer = Replayer.Start(SharedFeeds.KrakenV2, Looping(10, "stall:every=100,count=3,for=3s"));

        await AssertStalledBookIsServedFromRestAsync(replayer, "kraken", "BTC/USD", depth: 10,
            b => b.AddInstruments([new InstrumentSpec("kraken", "spot", "BTC/USD", 1, 8)]));
    }

    [Fact]
    public async Task Bybit_stalled_book_is_served_from_rest_orderbook_and_resyncs()
    {
        // orderbook.1.BANDUSDT: 45 snapshots over 28.5 s, at most 3.3 s apart: 0.33 s at ten times the speed.
        await using var replayer = Replayer.Start(SharedFeeds.BybitLinearL1, Looping(10, "stall:every=15,count=3,for=3s"));

        await AssertStalledBookIsServedFromRestAsync(replayer, "bybit-linear", "BANDUSDT", depth: 1, b => b.AddExchange("bybit-linear", e => e.BookDepth = 1));
    }

    [Fact]
    public async Task Okx_stalled_book_is_served_from_rest_books_and_resyncs()
    {
        // BTC-USDT books: 98 messages over 10.5 s, at most 0.17 s apart. Not looping: the first
        // book comes 0.2 s into the recording, and a looping REST clock would pass that gap again.
        await using var replayer = Replayer.Start(SharedFeeds.Okx, new ReplayerOptions
        {
            Speed = ReplaySpeed.Times(2),
            AtEnd = ReplayEndBehavior.KeepOpen,
            Faults = [FaultSpec.Parse("stall:every=20,count=3,for=2s")],
        });

        await AssertStalledBookIsServedFromRestAsync(replayer, "okx", "BTC-USDT", depth: 5, b => b);
    }

    [Fact]
    public async Task KuCoin_stalled_ticker_is_served_from_rest_level1_and_resyncs()
    {
        // /market/ticker:DAPPT-BTC: 55 tickers over 28 s, at most 3.4 s apart: 0.34 s at ten times the speed.
        await using var replayer = Replayer.Start(SharedFeeds.KuCoinSpot, Looping(10, "stall:every=20,count=3,for=3s"));
        var (engine, strategy) = await SubscribeAsync(replayer, "kucoin-spot", "DAPPT-BTC", MarketChannels.Ticker, b => b);
        await using var _ = engine;

        var (ticker, _, _) = await StalledChannel.ReadDuringStallAsync(engine, replayer, strategy, "kucoin-spot", "DAPPT-BTC", MarketChannels.Ticker,
            async () => await engine.GetTickerAsync("kucoin-spot", "DAPPT-BTC"));

        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (ticker.Source, ticker.Quality));
        Assert.True(ticker.Bid > 0 && ticker.Ask > ticker.Bid, $"bid {ticker.Bid} ask {ticker.Ask}");
    }

    private static ReplayerOptions Looping(int speed, string stall) => new()
    {
        Speed = ReplaySpeed.Times(speed),
        Loop = true,
        Faults = [FaultSpec.Parse(stall)],
    };

    private static async Task<(MarketDataEngine Engine, RecordingStrategy Strategy)> SubscribeAsync(Replayer replayer, string venue, string symbol,
        MarketChannels channel, Func<EngineBuilder, EngineBuilder> configure)
    {
        var strategy = new RecordingStrategy();
        var engine = configure(new EngineBuilder().AddExchange(venue, replayer)).WithFreshness(channel, Freshness).Build();
        var session = engine.AddStrategy("stalled", strategy);
        await session.SubscribeAsync(venue, symbol, channel);
        return (engine, strategy);
    }

    private static async Task AssertStalledBookIsServedFromRestAsync(Replayer replayer, string venue, string symbol, int depth,
        Func<EngineBuilder, EngineBuilder> configure)
    {
        var (engine, strategy) = await SubscribeAsync(replayer, venue, symbol, MarketChannels.Book, configure);
        await using var _ = engine;

        var (book, _, _) = await StalledChannel.ReadDuringStallAsync(engine, replayer, strategy, venue, symbol, MarketChannels.Book,
            async () => await engine.GetBookAsync(venue, symbol, depth));

        Assert.Equal((DataSource.Rest, DataQuality.Degraded), (book.Source, book.Quality));
        Assert.Equal(depth, book.Snapshot.BidCount);
        Assert.Equal(depth, book.Snapshot.AskCount);
        Assert.True(book.Bid(0).Price < book.Ask(0).Price, $"bid {book.Bid(0).Price} ask {book.Ask(0).Price}");
    }
}
