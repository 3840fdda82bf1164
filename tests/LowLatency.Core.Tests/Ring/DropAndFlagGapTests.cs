using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>
/// With <see cref="FullRingPolicy.DropAndFlagGap"/> the producer never waits: claims on a full ring
/// are dropped and counted, and the next published event says how many were lost before it.
/// </summary>
public sealed class DropAndFlagGapTests
{
    private const int Capacity = 8;

    [Fact]
    public void Full_ring_drops_counts_exactly_and_flags_the_next_published_event()
    {
        var ring = RingTestKit.Ring(Capacity, policy: FullRingPolicy.DropAndFlagGap, marker: new TestGapMarker());
        var gate = new GateHandler(ring, blockAt: 0);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(gate);
        graph.Start();

        Assert.Equal(Capacity, Publish(ring, Capacity));
        Assert.True(gate.WaitUntilBlocked(RingTestKit.Patience));
        Assert.Equal(0, Publish(ring, 5));
        Assert.Equal(5, ring.OverrunCount);

        gate.Release();
        Assert.True(RingTestKit.Eventually(() => graph.Consumers[0].Sequence.Value == Capacity - 1));
        Assert.Equal(2, Publish(ring, 2));
        Assert.True(graph.DrainAndStop(RingTestKit.Patience));

        Assert.Equal(Enumerable.Range(0, Capacity + 2).Select(i => (long)i), gate.Sequences);
        Assert.Equal([(Capacity, 5L, 5L)], gate.Gaps);
        Assert.Equal(1, graph.Consumers[0].GapsObserved);
        Assert.Equal(5, graph.Consumers[0].LostEventsObserved);
        Assert.Equal(5, ring.OverrunCount);
    }

    [Fact]
    public void Dropped_batch_claim_counts_every_event_of_the_batch()
    {
        var ring = RingTestKit.Ring(Capacity, policy: FullRingPolicy.DropAndFlagGap);
        ring.Sequencer.AddGatingSequences(new Sequence());
        Assert.True(ring.TryClaim(6, out long high));
        ring.Publish(high - 5, high);

        Assert.False(ring.TryClaim(3, out _));
        Assert.True(ring.TryClaim(2, out long last));
        ring.Publish(last - 1, last);

        Assert.Equal(3, ring.OverrunCount);
        Assert.Equal(3, ring.LostBefore(last - 1));
        Assert.Equal(0, ring.LostBefore(last));
    }

    [Fact]
    public void Slot_reused_after_a_gap_carries_no_stale_loss()
    {
        var ring = RingTestKit.Ring(2, policy: FullRingPolicy.DropAndFlagGap);
        var consumer = new Sequence();
        ring.Sequencer.AddGatingSequences(consumer);
        Assert.Equal(2, Publish(ring, 2));
        Assert.Equal(0, Publish(ring, 1));
        consumer.SetValue(1);
        Assert.Equal(2, Publish(ring, 2));
        Assert.Equal(1, ring.LostBefore(2));
        consumer.SetValue(3);
        Assert.Equal(2, Publish(ring, 2));

        Assert.Equal(0, ring.LostBefore(4));
        Assert.Equal(0, ring.LostBefore(5));
    }

    [Fact]
    public void Blocking_ring_never_drops()
    {
        var ring = RingTestKit.Ring(Capacity);
        var gate = new GateHandler(ring, blockAt: 0);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(gate);
        graph.Start();
        Assert.Equal(Capacity, Publish(ring, Capacity));
        Assert.True(gate.WaitUntilBlocked(RingTestKit.Patience));

        var producer = Task.Run(() => Publish(ring, 4));
        gate.Release();

        Assert.True(producer.Wait(RingTestKit.Patience));
        Assert.Equal(4, producer.Result);
        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Equal(0, ring.OverrunCount);
        Assert.Empty(gate.Gaps);
        Assert.Equal(Capacity + 4, gate.Sequences.Count);
    }

    [Fact]
    public void Three_producers_dropping_on_a_tiny_ring_account_for_every_attempt()
    {
        const int producers = 3;
        const int attemptsPerProducer = 200_000;
        var ring = RingTestKit.Ring(4, ProducerType.Multi, WaitStrategyKind.Yielding, FullRingPolicy.DropAndFlagGap);
        var consumer = new LossSummingHandler(ring);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(consumer);
        graph.Start();

        long published = 0;
        var threads = Enumerable.Range(0, producers).Select(_ => new Thread(() =>
        {
            long own = 0;
            for (int i = 0; i < attemptsPerProducer; i++)
            {
                if (ring.TryClaim(out long sequence))
                {
                    ring[sequence].Value = sequence;
                    ring.Publish(sequence);
                    own++;
                }
            }
            Interlocked.Add(ref published, own);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // One last event carries whatever was dropped after the final publications.
        long last = ring.Next();
        ring.Publish(last);
        Assert.True(graph.DrainAndStop(RingTestKit.Patience));

        Assert.Equal(producers * (long)attemptsPerProducer, published + ring.OverrunCount);
        Assert.Equal(ring.OverrunCount, consumer.LostSum);
        Assert.Equal(published + 1, consumer.Count);
    }

    /// <summary>Publishes up to <paramref name="count"/> events with payload = sequence through the ring's policy; returns how many got in.</summary>
    private static int Publish(RingBuffer<RingTestEvent> ring, int count)
    {
        int published = 0;
        for (int i = 0; i < count; i++)
        {
            if (!ring.TryClaim(out long sequence))
                continue;
            ring[sequence].Value = sequence;
            ring[sequence].GapLost = 0;
            ring.Publish(sequence);
            published++;
        }
        return published;
    }
}
