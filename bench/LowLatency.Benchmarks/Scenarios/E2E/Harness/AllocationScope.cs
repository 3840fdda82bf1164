namespace LowLatency.Benchmarks.Scenarios.E2E.Harness;

/// <summary>Where a round's allocated bytes were counted.</summary>
public enum AllocationScope
{
    /// <summary>On the pipeline's own threads, each read by itself with <see cref="GC.GetAllocatedBytesForCurrentThread"/> (our reader and consumer threads).</summary>
    PipelineThreads,

    /// <summary>Process-wide with <see cref="GC.GetTotalAllocatedBytes"/> (the peer, whose work hops between pool threads; includes the replayer's share).</summary>
    Process,
}
