using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Tests.Support;
using LowLatency.Replay.Server;

namespace LowLatency.Engine.Tests.Feed;

/// <summary>
/// ENABLE_WEBSOCKET=false on every exchange the replayer speaks: ticker, book and candles come
/// from the venue's REST API, degraded, with the recording's values (the last recorded quote and
/// trade, the adapter's own book over the capture file, candles of the recorded trades).
/// </summary>
public sealed class RestOnlyVenueTests
{
    private static readonly ReplayerOptions MaxSpeed = new() { Speed = ReplaySpeed.Max };

    [Fact]
    public async Task Kraken_rest_only_reads_are_the_recorded_ticker_book_and_trades()
    {
        await using var replayer = Replayer.Start(SharedFeeds.KrakenV2, MaxSpeed);

        var (ticker, book, candles) = await RestOnlyReads.ReadAsync(replayer, "kraken", "ETH/USDT", "BTC/USD", "ETH/USDT", depth: 5,
            new InstrumentSpec("kraken", "spot", "BTC/USD", 1, 8));

        // The documentation's ticker push (bid 0.10025, ask 0.10035) and trade (40 at 0.5117), relabelled ETH/USDT.
        Assert.Equal((0.10025m, 0.10035m, 0.5117m), (ticker.Bid, ticker.Ask, ticker.Last));
        Assert.Equal(OfflineReplay.Top(OfflineReplay.Books("kraken", TestPaths.KrakenV2), "BTC/USD", 5), RestOnlyReads.Levels(book));
        var candle = Assert.Single(candles.Candles);
        Assert.Equal(new Candle(1_695_628_140_000_000_000, 51_170_000, 51_170_000, 51_170_000, 51_170_000, 4_000_000_000, IsClosed: false), candle);
    }

    [Fact]
    public async Task Bybit_rest_only_reads_are_the_recorded_top_of_book_and_no_candles_without_trades()
    {
        await using var replayer = Replayer.Start(SharedFeeds.BybitLinearL1, MaxSpeed);

        var (ticker, book, candles) = await RestOnlyReads.ReadAsync(replayer, "bybit-linear", "BANDUSDT", "BANDUSDT", "BANDUSDT", depth: 5);

        // The last orderbook.1.BANDUSDT snapshot: bid 0.6132 x 462.8, ask 0.6135 x 11.4, u 24043037.
        Assert.Equal((0.6132m, 0.6135m), (ticker.Bid, ticker.Ask));
        Assert.Equal(OfflineReplay.Top(OfflineReplay.Books("bybit-linear", TestPaths.BybitLinearL1), "BANDUSDT", 5), RestOnlyReads.Levels(book));
        Assert.Equal([[(0.6132m, 462.8m)], [(0.6135m, 11.4m)]], RestOnlyReads.Levels(book));
        Assert.Equal(24_043_037, book.Snapshot.UpdateId);
        Assert.Empty(candles.Candles);
    }

    [Fact]
    public async Task Okx_rest_only_reads_are_the_recorded_ticker_book_and_trades()
    {
        await using var replayer = Replayer.Start(SharedFeeds.Okx, MaxSpeed);

        var (ticker, book, candles) = await RestOnlyReads.ReadAsync(replayer, "okx", "BTC-USDT", "BTC-USDT", "BTC-USDT", depth: 5);

        // The last BTC-USDT tickers push (bid 30230.2, ask 30230.3) and trade (30227.6); the 69 trades fall in one minute.
        Assert.Equal((30_230.2m, 30_230.3m, 30_227.6m), (ticker.Bid, ticker.Ask, ticker.Last));
        Assert.Equal(OfflineReplay.Top(OfflineReplay.Books("okx", TestPaths.Okx), "BTC-USDT", 5), RestOnlyReads.Levels(book));
        var candle = Assert.Single(candles.Candles);
        Assert.Equal((3_023_600_000_000L, 3_025_170_000_000L, 3_022_010_000_000L, 3_022_760_000_000L, 348_657_495L),
            (candle.OpenPriceTicks, candle.HighPriceTicks, candle.LowPriceTicks, candle.ClosePriceTicks, candle.Volume));
    }

    [Fact]
    public async Task KuCoin_rest_only_reads_are_the_recorded_ticker_bridged_book_and_matches()
    {
        await using var replayer = Replayer.Start(SharedFeeds.KuCoinSpot, MaxSpeed);

        var (ticker, book, candles) = await RestOnlyReads.ReadAsync(replayer, "kucoin-spot", "DAPPT-BTC", "DAPPT-BTC", "DAPPT-BTC", depth: 5);

        // The last DAPPT-BTC ticker (bid 0.000000112, ask 0.000000113) and match (0.0000001126); its 12 matches fall in one minute.
        Assert.Equal((0.000000112m, 0.000000113m, 0.0000001126m), (ticker.Bid, ticker.Ask, ticker.Last));
        Assert.Equal(OfflineReplay.Top(OfflineReplay.Books("kucoin-spot", TestPaths.KuCoinSpot, TestPaths.KuCoinSpotHttp), "DAPPT-BTC", 5),
            RestOnlyReads.Levels(book));
        var candle = Assert.Single(candles.Candles);
        Assert.Equal((1_117L, 1_126L, 1_117L, 1_126L, 379_919_840_000L),
            (candle.OpenPriceTicks, candle.HighPriceTicks, candle.LowPriceTicks, candle.ClosePriceTicks, candle.Volume));
    }
}
