namespace LowLatency.Core.Tests.Ring;

/// <summary>The event of the ring tests: a payload tied to its sequence, and one field per pipeline stage.</summary>
public struct RingTestEvent
{
    public long Value;
    public int ProducerId;
    public long ProducerSequence;
    public long Stage1;
    public long Stage2;
    public long Stage3;
    public long GapLost;
}
