namespace LowLatency.Core.Snapshots;

/// <summary>Candle timeframes the exchanges publish; a <see cref="CandleCache"/> keeps only those it is built with.</summary>
public enum CandleInterval : byte
{
    /// <summary>1 minute.</summary>
    OneMinute,

    /// <summary>3 minutes.</summary>
    ThreeMinutes,

    /// <summary>5 minutes.</summary>
    FiveMinutes,

    /// <summary>15 minutes.</summary>
    FifteenMinutes,

    /// <summary>30 minutes.</summary>
    ThirtyMinutes,

    /// <summary>1 hour.</summary>
    OneHour,

    /// <summary>2 hours.</summary>
    TwoHours,

    /// <summary>4 hours.</summary>
    FourHours,

    /// <summary>6 hours.</summary>
    SixHours,

    /// <summary>8 hours.</summary>
    EightHours,

    /// <summary>12 hours.</summary>
    TwelveHours,

    /// <summary>1 day.</summary>
    OneDay,

    /// <summary>3 days.</summary>
    ThreeDays,

    /// <summary>1 week.</summary>
    OneWeek,

    /// <summary>1 calendar month.</summary>
    OneMonth,
}
