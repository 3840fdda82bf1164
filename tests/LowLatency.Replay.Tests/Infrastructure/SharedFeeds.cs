using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>Fixture feeds loaded once per test run (loading the larger captures takes a moment).</summary>
public static class SharedFeeds
{
    private static readonly Lazy<RecordedFeed> s_binanceSpot = new(() => RecordedFeed.Load("binance", TestPaths.BinanceSpotHbt));
    private static readonly Lazy<RecordedFeed> s_binanceCryptofeed = new(() => RecordedFeed.Load("binance", TestPaths.BinanceCryptofeed));

    private static readonly Lazy<RecordedFeed> s_krakenV2 = new(() => RecordedFeed.Load("kraken", TestPaths.KrakenV2));
    private static readonly Lazy<RecordedFeed> s_bybitXrp = new(() => RecordedFeed.Load("bybit", TestPaths.BybitXrpOb500));
    private static readonly Lazy<RecordedFeed> s_okx = new(() => RecordedFeed.Load("okx", TestPaths.Okx));
    private static readonly Lazy<RecordedFeed> s_kuCoinSpot = new(() => RecordedFeed.Load("kucoin", TestPaths.KuCoinSpot));

    public static RecordedFeed BinanceSpot => s_binanceSpot.Value;

    public static RecordedFeed KrakenV2 => s_krakenV2.Value;

    public static RecordedFeed BybitXrp => s_bybitXrp.Value;

    public static RecordedFeed Okx => s_okx.Value;

    public static RecordedFeed KuCoinSpot => s_kuCoinSpot.Value;

    public static RecordedFeed BinanceCryptofeed => s_binanceCryptofeed.Value;
}
