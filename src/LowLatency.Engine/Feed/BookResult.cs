using LowLatency.Core.Instruments;
using LowLatency.Core.Numerics;
using LowLatency.Core.Snapshots;
using LowLatency.Engine.Quality;

namespace LowLatency.Engine.Feed;

/// <summary>A book top read from the unified data feed (at most the requested depth per side).</summary>
/// <param name="Instrument">The instrument (its scales convert the fixed-point levels).</param>
/// <param name="Snapshot">The levels, best first; counts are cut to the requested depth.</param>
/// <param name="Source">Cache or REST.</param>
/// <param name="Quality">Synced from the cache; Degraded from REST.</param>
public readonly record struct BookResult(Instrument Instrument, BookTopSnapshot Snapshot, DataSource Source, DataQuality Quality)
{
    /// <summary>Bid level <paramref name="depth"/> (0 = best) as decimals.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such level.</exception>
    public (decimal Price, decimal Quantity) Bid(int depth) => Level(Snapshot.BidLevels, depth);

    /// <summary>Ask level <paramref name="depth"/> (0 = best) as decimals.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such level.</exception>
    public (decimal Price, decimal Quantity) Ask(int depth) => Level(Snapshot.AskLevels, depth);

    private (decimal, decimal) Level(ReadOnlySpan<BookLevel> levels, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(depth, levels.Length);
        var level = levels[depth];
        return (FixedPointFormatter.ToDecimal(level.PriceTicks, Instrument.PriceScale), FixedPointFormatter.ToDecimal(level.Quantity, Instrument.QuantityScale));
    }
}
