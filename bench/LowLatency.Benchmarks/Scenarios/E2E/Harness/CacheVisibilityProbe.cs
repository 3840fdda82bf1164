using LowLatency.Engine.Metrics;
using LowLatency.Feeds.Model;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>Our side's end of the measurement: the engine's cache consumer reports each message it made visible.</summary>
/// <remarks>REST snapshots are not wire messages and are left out; everything else is keyed like the peer's DTOs.</remarks>
public sealed class CacheVisibilityProbe : ICacheVisibilityObserver
{
    private readonly VisibilityLog _log;

    /// <summary>Records into <paramref name="log"/>.</summary>
    public CacheVisibilityProbe(VisibilityLog log) => _log = log;

    /// <inheritdoc />
    public void OnVisible(ref readonly MarketEvent marketEvent, long visibleTimestamp)
    {
        if (marketEvent.Has(MarketEventFlags.FromRest))
            return;
        if (E2EFeed.KeyOf(in marketEvent) is { } key)
            _log.Record(key, visibleTimestamp);
    }
}
