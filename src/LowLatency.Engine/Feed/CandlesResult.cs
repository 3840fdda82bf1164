using LowLatency.Core.Instruments;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Quality;

namespace LowLatency.Engine.Feed;

/// <summary>Candles read from the unified data feed, oldest first.</summary>
/// <param name="Instrument">The instrument (its scales convert the fixed-point values).</param>
/// <param name="Interval">The timeframe.</param>
/// <param name="Candles">The candles, oldest first, newest (possibly still open) last.</param>
/// <param name="Source">Cache or REST.</param>
/// <param name="Quality">Synced from the cache; Degraded from REST.</param>
public sealed record CandlesResult(Instrument Instrument, CandleInterval Interval, IReadOnlyList<Candle> Candles, DataSource Source, DataQuality Quality);
