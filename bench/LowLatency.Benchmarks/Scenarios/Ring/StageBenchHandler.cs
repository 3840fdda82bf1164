using LowLatency.Core.Ring;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>A middle stage of the pipeline scenario: updates the event in place for the next stage (a struct, like <see cref="TerminalBenchHandler"/>).</summary>
public struct StageBenchHandler(long lastSequence, RingRoundClock clock) : IEventHandler<RingBenchEvent>
{
    private long _allocatedBefore;

    public void OnEvent(ref RingBenchEvent data, long sequence, bool endOfBatch)
    {
        if (sequence == 0)
            _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        data.Price += data.Value;
        if (sequence == lastSequence)
            clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - _allocatedBefore);
    }
}
