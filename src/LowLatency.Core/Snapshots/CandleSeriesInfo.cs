namespace LowLatency.Core.Snapshots;

/// <summary>What came with a read of one candle series, taken in the same consistent copy as the candles.</summary>
/// <param name="Count">Candles the series holds (up to the cache's depth), not only those copied.</param>
/// <param name="ExchangeTimeNs">Exchange timestamp of the last update, nanoseconds since the Unix epoch (0: never updated).</param>
/// <param name="ReceiveTimestamp">Local receive time of the last update, <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="Version">The series' seqlock version: 0 never written, +2 per applied update.</param>
public readonly record struct CandleSeriesInfo(int Count, long ExchangeTimeNs, long ReceiveTimestamp, long Version);
