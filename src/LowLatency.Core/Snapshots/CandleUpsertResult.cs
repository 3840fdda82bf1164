namespace LowLatency.Core.Snapshots;

/// <summary>What <see cref="CandleCache.Upsert"/> did with a candle.</summary>
public enum CandleUpsertResult : byte
{
    /// <summary>The candle opened after the newest one and became the newest (the oldest dropped out once the series was full).</summary>
    Appended,

    /// <summary>A candle with the same open time was already held and was replaced in place (the usual in-progress update).</summary>
    Replaced,

    /// <summary>
    /// The candle opened before the newest one and matches no held candle (older than the window,
    /// or an interval the series skipped): nothing was written.
    /// </summary>
    Rejected,
}
