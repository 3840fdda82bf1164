using LowLatency.Core.Ring;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// The last consumer of a ring scenario: folds every event into a sum and stops the clock at the
/// last one. A struct, so the processor's loop is specialized for it and the call inlined.
/// </summary>
public struct TerminalBenchHandler(long lastSequence, RingRoundClock clock) : IEventHandler<RingBenchEvent>
{
    private long _allocatedBefore;
    private long _sum;

    public readonly long Sum => _sum;

    public void OnEvent(ref RingBenchEvent data, long sequence, bool endOfBatch)
    {
        if (sequence == 0)
            _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        _sum += data.Value + data.Price;
        if (sequence == lastSequence)
        {
            clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - _allocatedBefore);
            clock.Finish();
        }
    }
}
