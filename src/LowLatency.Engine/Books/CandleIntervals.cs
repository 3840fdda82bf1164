using LowLatency.Core.Snapshots;

namespace LowLatency.Engine.Books;

/// <summary>Candle timeframes in seconds, both ways (events carry seconds; the cache keys by <see cref="CandleInterval"/>).</summary>
internal static class CandleIntervals
{
    private static readonly (CandleInterval Interval, int Seconds)[] Table =
    [
        (CandleInterval.OneMinute, 60),
        (CandleInterval.ThreeMinutes, 180),
        (CandleInterval.FiveMinutes, 300),
        (CandleInterval.FifteenMinutes, 900),
        (CandleInterval.ThirtyMinutes, 1800),
        (CandleInterval.OneHour, 3600),
        (CandleInterval.TwoHours, 7200),
        (CandleInterval.FourHours, 14_400),
        (CandleInterval.SixHours, 21_600),
        (CandleInterval.EightHours, 28_800),
        (CandleInterval.TwelveHours, 43_200),
        (CandleInterval.OneDay, 86_400),
        (CandleInterval.ThreeDays, 259_200),
        (CandleInterval.OneWeek, 604_800),
        (CandleInterval.OneMonth, 2_592_000),
    ];

    /// <summary>The length of <paramref name="interval"/> in seconds (a month counts 30 days).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined interval.</exception>
    public static int Seconds(CandleInterval interval)
    {
        foreach (var (candidate, seconds) in Table)
        {
            if (candidate == interval)
                return seconds;
        }
        throw new ArgumentOutOfRangeException(nameof(interval), interval, "Expected a defined CandleInterval.");
    }

    /// <summary>The interval lasting <paramref name="seconds"/>; false when none does.</summary>
    public static bool TryFromSeconds(long seconds, out CandleInterval interval)
    {
        foreach (var (candidate, length) in Table)
        {
            if (length == seconds)
            {
                interval = candidate;
                return true;
            }
        }
        interval = default;
        return false;
    }
}
