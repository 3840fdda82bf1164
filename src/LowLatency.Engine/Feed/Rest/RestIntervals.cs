using LowLatency.Core.Snapshots;
using LowLatency.Engine.Books;

namespace LowLatency.Engine.Feed.Rest;

/// <summary>Candle timeframes as the minute counts that Kraken, Bybit and KuCoin futures put in their candle requests.</summary>
internal static class RestIntervals
{
    /// <summary>The minutes of <paramref name="interval"/>, when <paramref name="offered"/> lists them.</summary>
    /// <exception cref="NotSupportedException">The exchange offers no such timeframe.</exception>
    public static int Minutes(CandleInterval interval, ReadOnlySpan<int> offered, string exchange)
    {
        int minutes = CandleIntervals.Seconds(interval) / 60;
        if (offered.IndexOf(minutes) < 0)
            throw new NotSupportedException($"Received candle interval {interval}; {exchange} offers {string.Join(", ", offered.ToArray())} minutes.");
        return minutes;
    }
}
