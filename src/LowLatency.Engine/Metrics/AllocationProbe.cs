using LowLatency.Core.Snapshots;

namespace LowLatency.Engine.Metrics;

/// <summary>
/// The allocation counter of one hot thread, sampled by that thread itself (the runtime counts
/// allocations per thread, and only the thread can read its own count) and readable from any
/// thread as a consistent pair.
/// </summary>
/// <remarks>
/// Two samples taken some messages apart give the bytes the thread allocated per message in
/// between: the engine's own zero-allocation claim, measured in the running engine rather than
/// in a benchmark. Sampling costs a thread-local read and a seqlock write.
/// </remarks>
public sealed class AllocationProbe
{
    private readonly SeqLock<AllocationSample> _sample = new();

    /// <summary>Creates a probe for the thread called <paramref name="threadName"/>.</summary>
    public AllocationProbe(string threadName)
    {
        ArgumentException.ThrowIfNullOrEmpty(threadName);
        ThreadName = threadName;
    }

    /// <summary>The thread the probe belongs to.</summary>
    public string ThreadName { get; }

    /// <summary>The latest sample (default before the thread sampled once).</summary>
    public AllocationSample Latest => _sample.Read();

    /// <summary>Samples the calling thread's allocation counter; call it only from the probed thread.</summary>
    public void Sample(long messages) => _sample.Write(new AllocationSample(GC.GetAllocatedBytesForCurrentThread(), messages));
}
