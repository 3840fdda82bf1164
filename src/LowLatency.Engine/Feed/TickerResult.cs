using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Quality;

namespace LowLatency.Engine.Feed;

/// <summary>A ticker read from the unified data feed: the snapshot, where it came from and how far to trust it.</summary>
/// <param name="Instrument">The instrument (its scales convert the fixed-point fields).</param>
/// <param name="Snapshot">The ticker, fixed point.</param>
/// <param name="Source">Cache or REST.</param>
/// <param name="Quality">Synced from the cache; Degraded from REST.</param>
public readonly record struct TickerResult(Instrument Instrument, TickerSnapshot Snapshot, DataSource Source, DataQuality Quality)
{
    /// <summary>Best bid.</summary>
    public decimal Bid => FixedPointFormatter.ToDecimal(Snapshot.BidPriceTicks, Instrument.PriceScale);

    /// <summary>Best ask.</summary>
    public decimal Ask => FixedPointFormatter.ToDecimal(Snapshot.AskPriceTicks, Instrument.PriceScale);

    /// <summary>Last traded price (0 when the source has none yet).</summary>
    public decimal Last => FixedPointFormatter.ToDecimal(Snapshot.LastPriceTicks, Instrument.PriceScale);
}
