namespace LowLatency.Engine.Feed;

/// <summary>How the unified data feed served its reads.</summary>
/// <param name="CacheHits">Reads served from fresh cached data.</param>
/// <param name="Waits">Reads that subscribed the data and waited for its first update.</param>
/// <param name="Fallbacks">Reads served from REST.</param>
/// <param name="FallbackFailures">REST fallbacks that failed (the read threw).</param>
public sealed record FeedCounters(long CacheHits, long Waits, long Fallbacks, long FallbackFailures);
