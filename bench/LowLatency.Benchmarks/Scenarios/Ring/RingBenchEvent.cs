namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// The event both sides of the ring scenarios carry: 32 bytes, the size class of a small market
/// event (a trade or a top-of-book update), passed by value through channels and in place in rings.
/// </summary>
public struct RingBenchEvent
{
    public long Value;
    public long Timestamp;
    public long Price;
    public long Quantity;
}
