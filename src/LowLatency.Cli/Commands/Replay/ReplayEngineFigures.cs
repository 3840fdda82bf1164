using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;

namespace LowLatency.Cli.Commands.Replay;

/// <summary>How the engine carried the replay: time from the first message fed to the last one processed, stage latencies, collections.</summary>
/// <param name="Seconds">Wall time from the first record fed until the consumers had processed the last.</param>
/// <param name="Latency">Per stage, from the moment each message was fed, in nanoseconds.</param>
/// <param name="Gc">Collections during the replay (the capture reader allocates per record; the engine's threads do not).</param>
/// <param name="RingOverruns">Events the ring dropped (0 under the Block policy the replay uses).</param>
public sealed record ReplayEngineFigures(
    double Seconds,
    IReadOnlyDictionary<LatencyStage, LatencyPercentiles> Latency,
    GcCounts Gc,
    long RingOverruns);
