using LowLatency.Replay.Feed;

namespace LowLatency.Engine.Tests.Support;

/// <summary>Recorded feeds loaded once per test run.</summary>
public static class SharedFeeds
{
    private static readonly Lazy<RecordedFeed> s_binanceSpot = new(() => RecordedFeed.Load("binance", TestPaths.BinanceSpotHbt));
    private static readonly Lazy<RecordedFeed> s_binanceCryptofeed = new(() => RecordedFeed.Load("binance", TestPaths.BinanceCryptofeed));
    private static readonly Lazy<RecordedFeed> s_binanceUsdm = new(() => RecordedFeed.Load("binance", TestPaths.BinanceUsdmHbt));

    public static RecordedFeed BinanceSpot => s_binanceSpot.Value;

    public static RecordedFeed BinanceCryptofeed => s_binanceCryptofeed.Value;

    public static RecordedFeed BinanceUsdm => s_binanceUsdm.Value;
}
