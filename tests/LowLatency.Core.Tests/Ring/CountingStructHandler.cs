using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>A struct handler: its state lives inside the processor that runs it.</summary>
public struct CountingStructHandler : IEventHandler<RingTestEvent>
{
    public long Count;
    public long Sum;

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        Count++;
        Sum += data.Value;
    }
}
