using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;

namespace LowLatency.LoadTests.Running;

/// <summary>What one engine measured over one round of a load scenario.</summary>
/// <param name="WireToVisible">Per-message latency from the replayer's socket write to cache-visible, after the warm-up (ns).</param>
/// <param name="CountedMessages">Messages made visible after the warm-up.</param>
/// <param name="CountedSeconds">Time between the first and the last counted message becoming visible.</param>
/// <param name="Reached">False when the round hit its deadline before its target.</param>
/// <param name="Delivery">Sent, visible and lost messages.</param>
/// <param name="AllocatedBytes">Bytes the engine's reader and consumer threads allocated after the warm-up.</param>
/// <param name="AllocatedMessages">Messages made visible while those bytes were counted.</param>
/// <param name="Cpu">Process CPU time (all threads, replayer included) while those messages were processed.</param>
/// <param name="Status">The engine's status at the end of the round.</param>
/// <param name="Strategy">What the counting strategy saw.</param>
/// <param name="Gc">Garbage collections during the round (process-wide).</param>
public sealed record LoadRound(
    LatencyHistogram WireToVisible,
    long CountedMessages,
    double CountedSeconds,
    bool Reached,
    DeliveryCount Delivery,
    long AllocatedBytes,
    long AllocatedMessages,
    TimeSpan Cpu,
    EngineStatus Status,
    StrategyCounts Strategy,
    GcCounts Gc);
