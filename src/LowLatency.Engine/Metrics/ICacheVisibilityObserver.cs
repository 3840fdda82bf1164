using LowLatency.Feeds.Model;

namespace LowLatency.Engine.Metrics;

/// <summary>
/// Told by the cache consumer each time a message's update has been applied to the caches: the
/// hook a harness uses to measure wire-to-cache latency per message against its own send times.
/// </summary>
/// <remarks>
/// Called on the cache consumer's thread, at the point where the engine's own
/// <see cref="LatencyStage.CacheVisible"/> latency is recorded: once per message (its book end,
/// trade, ticker, best bid/offer or candle event), REST snapshots included (flagged
/// <see cref="MarketEventFlags.FromRest"/>). It runs on the hot path: it must not block, allocate
/// or throw.
/// </remarks>
public interface ICacheVisibilityObserver
{
    /// <summary><paramref name="marketEvent"/>'s message became visible at <paramref name="visibleTimestamp"/> (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</summary>
    void OnVisible(ref readonly MarketEvent marketEvent, long visibleTimestamp);
}
