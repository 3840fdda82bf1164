using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Sums the lost counts the ring attached to the events this consumer sees.</summary>
public sealed class LossSummingHandler(RingBuffer<RingTestEvent> ring) : IEventHandler<RingTestEvent>
{
    public long Count { get; private set; }

    public long LostSum { get; private set; }

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        LostSum += ring.LostBefore(sequence);
        Count++;
    }
}
