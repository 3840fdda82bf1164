using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>In steady state, publishing and consuming allocate nothing, on either side.</summary>
public sealed class ZeroAllocationTests
{
    private const long WarmUp = 200_000;
    private const long Measured = 1_000_000;

    [Theory]
    [InlineData(WaitStrategyKind.Hybrid, ProducerType.Single)]
    [InlineData(WaitStrategyKind.Blocking, ProducerType.Single)]
    [InlineData(WaitStrategyKind.Yielding, ProducerType.Single)]
    [InlineData(WaitStrategyKind.Hybrid, ProducerType.Multi)]
    public void Steady_state_publishing_allocates_nothing_on_the_producer_thread(WaitStrategyKind kind, ProducerType producers)
    {
        var ring = RingTestKit.Ring(1024, producers, kind);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(new AllocationProbeHandler(WarmUp, WarmUp + Measured - 1));
        graph.Start();
        RingTestKit.PublishSingly(ring, WarmUp);
        RingTestKit.PublishInBatches(ring, WarmUp, 32);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RingTestKit.PublishSingly(ring, Measured);
        RingTestKit.PublishInBatches(ring, Measured, 32);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(WaitStrategyKind.Hybrid)]
    [InlineData(WaitStrategyKind.Blocking)]
    [InlineData(WaitStrategyKind.Yielding)]
    public void Steady_state_consuming_allocates_nothing_on_the_consumer_thread(WaitStrategyKind kind)
    {
        var ring = RingTestKit.Ring(1024, wait: kind);
        var probe = new AllocationProbeHandler(WarmUp, WarmUp + Measured - 1);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(probe);
        graph.Start();

        RingTestKit.PublishSingly(ring, WarmUp + Measured);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Equal(0, probe.AllocatedBytes);
    }

    [Fact]
    public void Dropping_and_flagging_allocates_nothing_on_the_producer_thread()
    {
        var ring = RingTestKit.Ring(64, policy: FullRingPolicy.DropAndFlagGap, marker: new TestGapMarker());
        var consumer = new Sequence();
        ring.Sequencer.AddGatingSequences(consumer);
        for (int lap = 0; lap < 2; lap++)
            Lap(ring, consumer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int lap = 0; lap < 10_000; lap++)
            Lap(ring, consumer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_002 * 16L, ring.OverrunCount);
    }

    /// <summary>Fills the ring, drops 16 claims, then lets the stand-in consumer catch up.</summary>
    private static void Lap(RingBuffer<RingTestEvent> ring, Sequence consumer)
    {
        for (int i = 0; i < 64 + 16; i++)
        {
            if (ring.TryClaim(out long sequence))
            {
                ring[sequence].Value = sequence;
                ring.Publish(sequence);
            }
        }
        consumer.SetValue(ring.Cursor);
    }
}
