using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Measures what the consumer thread allocates between two sequences (steady state).</summary>
public sealed class AllocationProbeHandler(long from, long to) : IEventHandler<RingTestEvent>
{
    private long _before;

    public long AllocatedBytes { get; private set; } = -1;

    public long Sum { get; private set; }

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        if (sequence == from)
            _before = GC.GetAllocatedBytesForCurrentThread();
        Sum += data.Value;
        if (sequence == to)
            AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _before;
    }
}
