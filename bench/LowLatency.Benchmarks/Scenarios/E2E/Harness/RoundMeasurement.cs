using LowLatency.Core.Metrics;
using LowLatency.Engine.Metrics;

namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>What one round measured over its counted messages.</summary>
/// <param name="Messages">Messages counted (made visible after the warm-up).</param>
/// <param name="Latency">Wire → cache-visible latency per message, nanoseconds.</param>
/// <param name="MessagesPerSecond">Counted messages over the time between the first and the last of them becoming visible.</param>
/// <param name="AllocatedBytes">Bytes allocated while the counted messages were processed (see <paramref name="Scope"/>).</param>
/// <param name="AllocatedMessages">Messages made visible while those bytes were counted.</param>
/// <param name="Scope">Where the bytes were counted.</param>
/// <param name="CpuMicrosecondsPerMessage">Process CPU time (all threads, replayer included) per counted message: a figure a busy machine distorts less than wall time.</param>
/// <param name="QuiescentStart">True when nothing after the first counted message had been handed to the socket when counting started: every byte and CPU second counted then belongs to the counted messages.</param>
/// <param name="Unmatched">Visible messages whose send time was not found (should be 0).</param>
/// <param name="EngineStages">Our engine's own per-stage latencies from the client receive timestamp (whole round, warm-up included); null for the peer.</param>
public sealed record RoundMeasurement(
    int Messages,
    LatencyPercentiles Latency,
    double MessagesPerSecond,
    long AllocatedBytes,
    long AllocatedMessages,
    AllocationScope Scope,
    double CpuMicrosecondsPerMessage,
    bool QuiescentStart,
    int Unmatched,
    IReadOnlyDictionary<LatencyStage, LatencyPercentiles>? EngineStages = null)
{
    /// <summary>Allocated bytes per message.</summary>
    public double BytesPerMessage => AllocatedMessages > 0 ? (double)AllocatedBytes / AllocatedMessages : 0;
}
