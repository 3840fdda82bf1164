using LowLatency.Core.Ring;
using LowLatency.Engine.Quality;
using LowLatency.Engine.Strategies;
using LowLatency.Engine.Tests.Support;
using LowLatency.Feeds.Exchanges;
using LowLatency.Feeds.Model;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.EndToEnd;

public sealed class RingOverrunTests
{
    [Fact]
    public async Task Overrun_on_a_dropping_ring_flags_a_gap_to_strategies_and_takes_the_book_out_of_sync()
    {
        // Two days of recording at 200x: about seven seconds of data, enough to sync the book and then overrun the ring.
        var feed = RecordedFeed.Load("binance", [TestPaths.BinanceSpotHbt, TestPaths.Fixture("binance/hftbacktest/spot/btcusdt_20240809.gz")]);
        await using var replayer = Replayer.Start(feed, new ReplayerOptions { Speed = ReplaySpeed.Times(200), AtEnd = ReplayEndBehavior.KeepOpen });
        var strategy = new StallingStrategy();
        // The ring is large enough for the feed; only the stalled strategy makes it overflow.
        await using var engine = new EngineBuilder()
            .AddExchange("binance-spot", replayer)
            .WithRing(1 << 16, FullRingPolicy.DropAndFlagGap)
            .Configure(o => o.BookBufferEvents = 1 << 20)
            .Build();
        var session = engine.AddStrategy("slow", strategy);
        await session.SubscribeAsync("binance-spot", "BTCUSDT", MarketChannels.Book | MarketChannels.BestBidOffer | MarketChannels.Trades);
        await Eventually.TrueAsync(() => engine.GetDataQuality("binance-spot", "BTCUSDT", MarketChannels.Book).Quality == DataQuality.Synced, "book synced");

        strategy.Stall(events: 1500);
        await Eventually.TrueAsync(() => strategy.RingGaps > 0, "a ring-loss gap at the strategy");
        await Eventually.TrueAsync(() => strategy.Changes.Any(c => c.Channel == MarketChannels.Book && c.Previous == DataQuality.Synced),
            "the book reported out of sync");

        var status = engine.GetStatus();
        Assert.True(status.Ring.Overruns > 0);
        Assert.True(status.Resyncs >= 1, $"resyncs {status.Resyncs}");
        var left = strategy.Changes.First(c => c.Channel == MarketChannels.Book && c.Previous == DataQuality.Synced).Current;
        Assert.True(left.Quality is DataQuality.Stale or DataQuality.Resyncing, $"{left.Quality}: {left.Reason}");
    }
}
