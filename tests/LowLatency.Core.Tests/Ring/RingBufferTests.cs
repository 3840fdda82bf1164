using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>Construction rules and the single-threaded contract of the ring.</summary>
public sealed class RingBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(-8)]
    public void Ring_rejects_a_capacity_that_is_not_a_power_of_two(int capacity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<RingTestEvent>(capacity));
        Assert.Contains($"received {capacity}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Claim_larger_than_the_ring_is_rejected(ProducerType producers)
    {
        var ring = RingTestKit.Ring(8, producers);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryNext(0, out _));
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Events_are_written_and_read_in_place(ProducerType producers)
    {
        var ring = RingTestKit.Ring(4, producers);
        long sequence = ring.Next();
        ring[sequence].Value = 42;

        ref var slot = ref ring[sequence];
        slot.Stage1 = 7;

        Assert.Equal(42, ring[sequence].Value);
        Assert.Equal(7, ring[sequence + 4].Stage1);
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Batch_claim_returns_the_highest_of_contiguous_sequences(ProducerType producers)
    {
        var ring = RingTestKit.Ring(16, producers);
        Assert.Equal(4, ring.Next(5));
        Assert.True(ring.TryNext(3, out long high));
        Assert.Equal(7, high);
        Assert.Equal(8, ring.Next());
    }

    [Theory]
    [InlineData(ProducerType.Single)]
    [InlineData(ProducerType.Multi)]
    public void Published_sequences_are_available_and_claimed_ones_are_not(ProducerType producers)
    {
        var ring = RingTestKit.Ring(8, producers);
        long high = ring.Next(3);
        Assert.False(ring.Sequencer.IsAvailable(0));

        ring.Publish(0, high);

        Assert.True(ring.Sequencer.IsAvailable(high));
        Assert.Equal(high, ring.Sequencer.GetHighestPublishedSequence(0, high));
    }

    [Fact]
    public void Multi_producer_barrier_hands_out_only_the_published_prefix()
    {
        var ring = RingTestKit.Ring(8, ProducerType.Multi);
        var barrier = ring.NewBarrier();
        long first = ring.Next();
        long second = ring.Next();
        ring.Publish(second);

        Assert.Equal(first - 1, ring.Sequencer.GetHighestPublishedSequence(first, second));
        ring.Publish(first);
        Assert.Equal(second, barrier.WaitFor(first));
    }

    [Fact]
    public void Remaining_capacity_counts_unconsumed_events()
    {
        var ring = RingTestKit.Ring(8);
        var consumer = new Sequence();
        ring.Sequencer.AddGatingSequences(consumer);
        RingTestKit.PublishSingly(ring, 5);
        Assert.Equal(3, ring.RemainingCapacity);

        consumer.SetValue(2);

        Assert.Equal(6, ring.RemainingCapacity);
    }

    [Fact]
    public void Gating_sequence_added_to_a_used_ring_starts_at_the_cursor()
    {
        var ring = RingTestKit.Ring(8);
        RingTestKit.PublishSingly(ring, 20);
        var late = new Sequence();

        ring.Sequencer.AddGatingSequences(late);

        Assert.Equal(19, late.Value);
        Assert.Equal(8, ring.RemainingCapacity);
    }

    [Fact]
    public void Graph_rejects_starting_twice_and_adding_after_start()
    {
        var ring = RingTestKit.Ring(8);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        Assert.Throws<InvalidOperationException>(graph.Start);
        graph.HandleEventsWith(new StageHandler(0));
        graph.Start();

        Assert.Throws<InvalidOperationException>(graph.Start);
        Assert.Throws<InvalidOperationException>(() => graph.HandleEventsWith(new StageHandler(0)));
    }

    [Fact]
    public void Consumers_run_on_threads_named_after_them()
    {
        var ring = RingTestKit.Ring(8);
        var named = new ThreadNameHandler();
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(named, new ConsumerOptions { Name = "cache-consumer" }).Then(new ThreadNameHandler());
        graph.Start();
        RingTestKit.PublishSingly(ring, 1);
        Assert.True(graph.DrainAndStop(RingTestKit.Patience));

        Assert.Equal("cache-consumer", named.StartedOn);
        Assert.Equal("cache-consumer", named.EventOn);
        Assert.Equal("cache-consumer", graph.Threads[0].Name);
        Assert.Equal("test.1.ThreadNameHandler", graph.Consumers[1].Name);
        Assert.True(named.ShutDown);
    }

    [Fact]
    public void Struct_handler_keeps_its_state_inside_its_processor()
    {
        var ring = RingTestKit.Ring(8);
        var processor = new BatchEventProcessor<RingTestEvent, CountingStructHandler>(ring, ring.NewBarrier(), default, "struct");
        ring.Sequencer.AddGatingSequences(processor.Sequence);
        var thread = new Thread(processor.Run);
        thread.Start();
        RingTestKit.PublishSingly(ring, 100);
        Assert.True(RingTestKit.Eventually(() => processor.Sequence.Value == 99));

        processor.Halt();
        Assert.True(thread.Join(RingTestKit.Patience));

        Assert.Equal(100, processor.Handler.Count);
        Assert.Equal(99 * 100 / 2, processor.Handler.Sum);
        Assert.Throws<InvalidOperationException>(processor.Run);
    }
}
