using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>
/// Every topology delivers every event exactly once and in order, over 10 million events through
/// a small ring (thousands of wrap-arounds), with waits that suit a 2-core machine.
/// </summary>
public sealed class OrderingAndLossTests
{
    private const long Events = 10_000_000;
    private const int SmallRing = 1024;

    [Fact]
    public void One_producer_one_consumer_delivers_every_event_in_order()
    {
        var ring = RingTestKit.Ring(SmallRing);
        var consumer = new SequenceCheckingHandler();
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(consumer);
        graph.Start();

        RingTestKit.PublishSingly(ring, Events);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(consumer.FirstViolation);
        Assert.Equal(Events, consumer.Count);
        Assert.Equal(Events, graph.Consumers[0].EventsProcessed);
    }

    [Fact]
    public void One_producer_one_consumer_delivers_batched_claims_in_order()
    {
        var ring = RingTestKit.Ring(SmallRing);
        var consumer = new SequenceCheckingHandler();
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(consumer);
        graph.Start();

        RingTestKit.PublishInBatches(ring, Events, batch: 37);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(consumer.FirstViolation);
        Assert.Equal(Events, consumer.Count);
    }

    [Fact]
    public void Pipeline_of_three_consumers_sees_each_event_after_the_stage_before()
    {
        var ring = RingTestKit.Ring(SmallRing);
        var first = new StageHandler(1);
        var second = new StageHandler(2, 1);
        var third = new StageHandler(3, 1, 2);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(first).Then(second).Then(third);
        graph.Start();

        RingTestKit.PublishInBatches(ring, Events, batch: 16);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(first.FirstViolation ?? second.FirstViolation ?? third.FirstViolation);
        Assert.Equal([Events, Events, Events], new[] { first.Count, second.Count, third.Count });
    }

    [Fact]
    public void Diamond_joins_two_parallel_consumers_before_the_last()
    {
        var ring = RingTestKit.Ring(SmallRing);
        var head = new StageHandler(1);
        var left = new StageHandler(2, 1);
        var right = new StageHandler(3, 1);
        var join = new StageHandler(0, 1, 2, 3);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(head).Then(left, right).Then(join);
        graph.Start();

        RingTestKit.PublishInBatches(ring, Events, batch: 16);

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(head.FirstViolation ?? left.FirstViolation ?? right.FirstViolation ?? join.FirstViolation);
        Assert.Equal([Events, Events, Events, Events], new[] { head.Count, left.Count, right.Count, join.Count });
    }

    [Fact]
    public void Three_producers_one_consumer_deliver_each_producers_events_in_its_order()
    {
        const int producers = 3;
        const long perProducer = Events / producers + 1;
        var ring = RingTestKit.Ring(SmallRing, ProducerType.Multi);
        var consumer = new MultiProducerCheckingHandler(producers);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(consumer);
        graph.Start();

        var threads = Enumerable.Range(0, producers).Select(id => new Thread(() =>
        {
            for (long i = 0; i < perProducer; i++)
            {
                long sequence = ring.Next();
                ref var e = ref ring[sequence];
                e.ProducerId = id;
                e.ProducerSequence = i;
                ring.Publish(sequence);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(consumer.FirstViolation);
        Assert.Equal(producers * perProducer, consumer.Count);
        Assert.All(Enumerable.Range(0, producers), id => Assert.Equal(perProducer, consumer.ReceivedFrom(id)));
    }

    [Fact]
    public void Three_producers_claiming_batches_lose_nothing()
    {
        const int producers = 3;
        const int batch = 8;
        const long batchesPerProducer = 200_000;
        var ring = RingTestKit.Ring(256, ProducerType.Multi);
        var consumer = new MultiProducerCheckingHandler(producers);
        using var graph = new ConsumerGraph<RingTestEvent>(ring);
        graph.HandleEventsWith(consumer);
        graph.Start();

        var threads = Enumerable.Range(0, producers).Select(id => new Thread(() =>
        {
            long own = 0;
            for (long b = 0; b < batchesPerProducer; b++)
            {
                long high = ring.Next(batch);
                for (long sequence = high - batch + 1; sequence <= high; sequence++)
                {
                    ref var e = ref ring[sequence];
                    e.ProducerId = id;
                    e.ProducerSequence = own++;
                }
                ring.Publish(high - batch + 1, high);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.True(graph.DrainAndStop(RingTestKit.Patience));
        Assert.Null(consumer.FirstViolation);
        Assert.Equal(producers * batchesPerProducer * batch, consumer.Count);
    }
}
