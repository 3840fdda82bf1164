using LowLatency.Core.Metrics;
using LowLatency.Engine.Connections;
using LowLatency.Engine.Feed;

namespace LowLatency.Engine.Metrics;

/// <summary>Everything the engine measures, at one moment (<see cref="MarketDataEngine.GetStatus"/>).</summary>
/// <param name="Time">When it was taken.</param>
/// <param name="Messages">WebSocket messages received, all connections.</param>
/// <param name="Events">Events parsed from them.</param>
/// <param name="ParseErrors">Messages the parsers rejected.</param>
/// <param name="ChannelMessages">Messages per venue and channel.</param>
/// <param name="Latency">Latency percentiles per stage, from receive, in nanoseconds.</param>
/// <param name="Ring">The ring.</param>
/// <param name="Feed">How the unified data feed served its reads.</param>
/// <param name="Reconnects">Reconnects, all connections.</param>
/// <param name="Resyncs">Times a synced book had to resynchronise.</param>
/// <param name="ChecksumFailures">Book checksums that did not match.</param>
/// <param name="SnapshotRequests">Book snapshot requests.</param>
/// <param name="Gc">Garbage collections since the process started.</param>
/// <param name="Threads">Allocation counters of the reader and consumer threads.</param>
/// <param name="Quality">Data-quality state per subscribed instrument and channel.</param>
/// <param name="Connections">The connection pool.</param>
public sealed record EngineStatus(
    DateTimeOffset Time,
    long Messages,
    long Events,
    long ParseErrors,
    IReadOnlyList<ChannelMessages> ChannelMessages,
    IReadOnlyDictionary<LatencyStage, LatencyPercentiles> Latency,
    RingStatus Ring,
    FeedCounters Feed,
    long Reconnects,
    long Resyncs,
    long ChecksumFailures,
    long SnapshotRequests,
    GcCounts Gc,
    IReadOnlyList<ThreadAllocation> Threads,
    IReadOnlyList<InstrumentQuality> Quality,
    ConnectionPoolStatus Connections);
