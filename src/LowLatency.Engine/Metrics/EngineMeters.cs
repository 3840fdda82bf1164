using System.Diagnostics;
using System.Diagnostics.Metrics;
using LowLatency.Core.Metrics;

namespace LowLatency.Engine.Metrics;

/// <summary>
/// The engine's <see cref="System.Diagnostics.Metrics"/> instruments, all observable: they read
/// the engine's own counters and histograms when a listener collects, so the hot path records
/// nothing twice and pays nothing when nobody listens.
/// </summary>
/// <remarks>
/// Instruments (meter <c>LowLatency.Engine</c>): <c>lowlatency.messages</c> (by venue and channel;
/// a rate per second in any backend), <c>lowlatency.latency</c> (µs, by stage and quantile),
/// <c>lowlatency.ring.occupancy</c>, <c>lowlatency.ring.overruns</c>, <c>lowlatency.feed.reads</c>
/// (by outcome: cache_hit, wait, fallback), <c>lowlatency.reconnects</c>, <c>lowlatency.resyncs</c>,
/// <c>lowlatency.checksum_failures</c>, <c>lowlatency.gc.collections</c> (by generation). One
/// status snapshot serves every instrument of a collection.
/// </remarks>
internal sealed class EngineMeters : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string Name = "LowLatency.Engine";

    private static readonly TimeSpan Reuse = TimeSpan.FromMilliseconds(250);

    private readonly MarketDataEngine _engine;
    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private EngineStatus? _status;
    private long _statusTaken;

    public EngineMeters(MarketDataEngine engine, IMeterFactory? factory)
    {
        _engine = engine;
        _meter = factory?.Create(Name) ?? new Meter(Name);
        _meter.CreateObservableCounter("lowlatency.messages", ObserveMessages, unit: "{message}", description: "WebSocket messages received, by venue and channel.");
        _meter.CreateObservableGauge("lowlatency.latency", ObserveLatency, unit: "us", description: "Latency from receive to each stage, by quantile.");
        _meter.CreateObservableGauge("lowlatency.ring.occupancy", () => Status().Ring.Occupancy, unit: "{event}", description: "Events in the ring not yet finished by every consumer.");
        _meter.CreateObservableCounter("lowlatency.ring.overruns", () => Status().Ring.Overruns, unit: "{event}", description: "Events dropped on a full ring.");
        _meter.CreateObservableCounter("lowlatency.feed.reads", ObserveFeed, unit: "{read}", description: "Unified data feed reads, by outcome.");
        _meter.CreateObservableCounter("lowlatency.reconnects", () => Status().Reconnects, unit: "{reconnect}", description: "Connections re-established after a loss.");
        _meter.CreateObservableCounter("lowlatency.resyncs", () => Status().Resyncs, unit: "{resync}", description: "Synced books that had to resynchronise.");
        _meter.CreateObservableCounter("lowlatency.checksum_failures", () => Status().ChecksumFailures, unit: "{failure}", description: "Book checksums that did not match.");
        _meter.CreateObservableCounter("lowlatency.gc.collections", ObserveGc, unit: "{collection}", description: "Garbage collections, by generation.");
    }

    public void Dispose() => _meter.Dispose();

    private EngineStatus Status()
    {
        lock (_gate)
        {
            if (_status is null || Stopwatch.GetElapsedTime(_statusTaken) > Reuse)
            {
                _status = _engine.GetStatus();
                _statusTaken = Stopwatch.GetTimestamp();
            }
            return _status;
        }
    }

    private IEnumerable<Measurement<long>> ObserveMessages() =>
        Status().ChannelMessages.Select(m => new Measurement<long>(m.Messages, new("venue", m.Key), new("channel", m.Channel)));

    private IEnumerable<Measurement<double>> ObserveLatency()
    {
        foreach (var (stage, p) in Status().Latency)
        {
            string name = stage.ToString();
            yield return Quantile(p.P50, name, "p50");
            yield return Quantile(p.P99, name, "p99");
            yield return Quantile(p.P999, name, "p99.9");
            yield return Quantile(p.Max, name, "max");
        }
    }

    private static Measurement<double> Quantile(long nanoseconds, string stage, string quantile) =>
        new(nanoseconds / 1000.0, new("stage", stage), new("quantile", quantile));

    private IEnumerable<Measurement<long>> ObserveFeed()
    {
        var feed = Status().Feed;
        yield return new(feed.CacheHits, new KeyValuePair<string, object?>("outcome", "cache_hit"));
        yield return new(feed.Waits, new KeyValuePair<string, object?>("outcome", "wait"));
        yield return new(feed.Fallbacks, new KeyValuePair<string, object?>("outcome", "fallback"));
    }

    private IEnumerable<Measurement<long>> ObserveGc()
    {
        var gc = Status().Gc;
        yield return new(gc.Gen0, new KeyValuePair<string, object?>("generation", "gen0"));
        yield return new(gc.Gen1, new KeyValuePair<string, object?>("generation", "gen1"));
        yield return new(gc.Gen2, new KeyValuePair<string, object?>("generation", "gen2"));
    }
}
