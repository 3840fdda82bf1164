using LowLatency.Core.Ring;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>How the ring side of the scenarios is built, so every scenario uses the same ring settings.</summary>
public static class RingBenchSetup
{
    /// <summary>Slots of every ring and every peer channel.</summary>
    public const int Capacity = 1 << 14;

    /// <summary>
    /// A ring whose consumers yield when idle: on the 2-core machine several threads share a core,
    /// and a yielding waiter still lets the others run (the peers' loops yield likewise).
    /// </summary>
    public static RingBuffer<RingBenchEvent> Ring(ProducerType producers) => new(new RingBufferOptions<RingBenchEvent>
    {
        Capacity = Capacity,
        Name = "bench",
        ProducerType = producers,
        WaitStrategy = new YieldingWaitStrategy(),
    });
}
