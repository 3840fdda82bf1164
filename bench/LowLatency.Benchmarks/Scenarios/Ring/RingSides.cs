using LowLatency.Benchmarks.Compare;
using LowLatency.Core.Ring;

namespace LowLatency.Benchmarks.Scenarios.Ring;

/// <summary>
/// Our side of the ring scenarios: a fresh ring and consumer graph per round (so no idle consumer
/// competes with the peer's round), timed from the first claim to the last event consumed.
/// </summary>
public static class RingSides
{
    /// <summary>One producer (this thread) to one consumer, claiming <paramref name="batch"/> events at a time.</summary>
    public static RoundResult OneToOne(long events, int batch)
    {
        var ring = RingBenchSetup.Ring(ProducerType.Single);
        var clock = new RingRoundClock();
        using var graph = new ConsumerGraph<RingBenchEvent>(ring);
        graph.HandleEventsWith(new TerminalBenchHandler(events - 1, clock));
        graph.Start();

        clock.Start();
        long before = GC.GetAllocatedBytesForCurrentThread();
        if (batch == 1)
            PublishSingly(ring, 0, events);
        else
            PublishInBatches(ring, events, batch);
        clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - before);
        var result = clock.Result(events);
        graph.Halt();
        return result;
    }

    /// <summary>One producer (this thread) to three consumers in a pipeline.</summary>
    public static RoundResult Pipeline(long events)
    {
        var ring = RingBenchSetup.Ring(ProducerType.Single);
        var clock = new RingRoundClock();
        using var graph = new ConsumerGraph<RingBenchEvent>(ring);
        graph.HandleEventsWith(new StageBenchHandler(events - 1, clock))
            .Then(new StageBenchHandler(events - 1, clock))
            .Then(new TerminalBenchHandler(events - 1, clock));
        graph.Start();

        clock.Start();
        long before = GC.GetAllocatedBytesForCurrentThread();
        PublishSingly(ring, 0, events);
        clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - before);
        var result = clock.Result(events);
        graph.Halt();
        return result;
    }

    /// <summary>Three producer threads into one multi-producer ring, one consumer.</summary>
    public static RoundResult ThreeToOne(long eventsPerProducer)
    {
        var ring = RingBenchSetup.Ring(ProducerType.Multi);
        var clock = new RingRoundClock();
        using var graph = new ConsumerGraph<RingBenchEvent>(ring);
        graph.HandleEventsWith(new TerminalBenchHandler(3 * eventsPerProducer - 1, clock));
        graph.Start();

        using var go = new ManualResetEventSlim();
        var producers = new Thread[3];
        for (int p = 0; p < producers.Length; p++)
        {
            long first = p * eventsPerProducer;
            producers[p] = new Thread(() =>
            {
                go.Wait();
                long before = GC.GetAllocatedBytesForCurrentThread();
                PublishSingly(ring, first, eventsPerProducer);
                clock.AddAllocated(GC.GetAllocatedBytesForCurrentThread() - before);
            }) { IsBackground = true };
            producers[p].Start();
        }
        clock.Start();
        go.Set();
        var result = clock.Result(3 * eventsPerProducer);
        Array.ForEach(producers, t => t.Join());
        graph.Halt();
        return result;
    }

    private static void PublishSingly(RingBuffer<RingBenchEvent> ring, long first, long count)
    {
        for (long i = first; i < first + count; i++)
        {
            long sequence = ring.Next();
            ring[sequence] = new RingBenchEvent { Value = i, Price = 1 };
            ring.Publish(sequence);
        }
    }

    private static void PublishInBatches(RingBuffer<RingBenchEvent> ring, long events, int batch)
    {
        for (long i = 0; i < events; i += batch)
        {
            long high = ring.Next(batch);
            long low = high - batch + 1;
            for (long sequence = low; sequence <= high; sequence++)
                ring[sequence] = new RingBenchEvent { Value = sequence, Price = 1 };
            ring.Publish(low, high);
        }
    }
}
