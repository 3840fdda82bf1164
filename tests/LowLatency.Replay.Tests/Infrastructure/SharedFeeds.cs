using LowLatency.Replay.Feed;

namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>Fixture feeds loaded once per test run (loading the larger captures takes a moment).</summary>
public static class SharedFeeds
{
    private static readonly Lazy<RecordedFeed> s_binanceSpot = new(() => RecordedFeed.Load("binance", TestPaths.BinanceSpotHbt));
    private static readonly Lazy<RecordedFeed> s_binanceCryptofeed = new(() => RecordedFeed.Load("binance", TestPaths.BinanceCryptofeed));

    public static RecordedFeed BinanceSpot => s_binanceSpot.Value;

    public static RecordedFeed BinanceCryptofeed => s_binanceCryptofeed.Value;
}
