using System.Diagnostics;
using LowLatency.Benchmarks.Scenarios.E2E.Harness;
using LowLatency.Replay.Server;

namespace LowLatency.Benchmarks.Scenarios.E2E.Naive;

/// <summary>
/// One round of the peer: a fresh <see cref="NaivePipeline"/> opens the combined-stream URL on the
/// same replayer and runs until the round's messages are visible in its cache; then it is disposed.
/// </summary>
/// <remarks>
/// The peer's work hops between thread-pool threads (every <c>await</c> may resume elsewhere), so
/// its allocations cannot be counted per thread: they are the process-wide
/// <see cref="GC.GetTotalAllocatedBytes"/> delta between the warm-up point and the end of the
/// round, which also holds what the replayer allocated meanwhile.
/// </remarks>
public static class NaiveRound
{
    /// <summary>Runs one round against <paramref name="replayer"/> (whose send observer is <paramref name="sends"/>).</summary>
    public static RoundMeasurement Run(E2EFeed feed, Replayer replayer, SendLog sends, VisibilityLog visible, RoundPlan plan)
    {
        sends.Arm();
        visible.Arm(plan.WarmUp, plan.Messages);
        long allocated;
        int allocatedMessages;
        int countBefore;
        TimeSpan cpuBefore, cpu;
        long startTicks;
        var pipeline = NaivePipeline.StartAsync(replayer.WebSocketUrl(E2EFeed.CombinedStreamPath), replayer.RestUrl, visible).GetAwaiter().GetResult();
        try
        {
            countBefore = SteadyState.Await(visible, plan.WarmUp, () => pipeline.IsBookSynced, EngineRound.HangGuard, "the naive pipeline");
            long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            cpuBefore = ProcessCpu.Now();
            startTicks = Stopwatch.GetTimestamp();
            RoundGuard.Require(visible.WaitReached(EngineRound.HangGuard), visible, plan.Messages, "the naive pipeline");
            cpu = ProcessCpu.Now() - cpuBefore;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
            allocatedMessages = visible.Count - countBefore;
        }
        finally
        {
            pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        ReplayerConnections.WaitAllClosed(replayer, TimeSpan.FromSeconds(10));
        var (latency, rate, unmatched) = RoundAnalysis.Analyze(feed, sends, 0, visible, countBefore, countBefore + allocatedMessages);
        return new RoundMeasurement(allocatedMessages, latency.GetPercentiles(), rate, allocated, allocatedMessages, AllocationScope.Process,
            ProcessCpu.MicrosecondsPer(cpu, allocatedMessages), EngineRound.QuiescentAt(feed, sends, countBefore, startTicks), unmatched);
    }
}
