using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Ring;
using LowLatency.Core.Ring;

namespace LowLatency.Benchmarks.Micro.Ring;

/// <summary>
/// Producer-side cost of the ring on one thread: claim, write and publish one event (or a batch),
/// with a consumer that never holds the producer back, against a bounded channel's write and read.
/// </summary>
[MemoryDiagnoser]
public class RingPublishBenchmarks
{
    private const int Operations = 1024;
    private const int Batch = 16;

    private RingBuffer<RingBenchEvent> _single = null!;
    private RingBuffer<RingBenchEvent> _multi = null!;
    private RingBuffer<RingBenchEvent> _blocking = null!;
    private RingBuffer<RingBenchEvent> _dropping = null!;
    private Sequence _droppingConsumer = null!;
    private Channel<RingBenchEvent> _channel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _single = Ring(ProducerType.Single, new YieldingWaitStrategy(), FullRingPolicy.Block);
        _multi = Ring(ProducerType.Multi, new YieldingWaitStrategy(), FullRingPolicy.Block);
        _blocking = Ring(ProducerType.Single, new HybridWaitStrategy(), FullRingPolicy.Block);
        _dropping = Ring(ProducerType.Single, new YieldingWaitStrategy(), FullRingPolicy.DropAndFlagGap);
        _droppingConsumer = new Sequence();
        _dropping.Sequencer.AddGatingSequences(_droppingConsumer);
        _channel = Channel.CreateBounded<RingBenchEvent>(new BoundedChannelOptions(RingBenchSetup.Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
        });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public long Channel_TryWrite_then_TryRead()
    {
        long sum = 0;
        var writer = _channel.Writer;
        var reader = _channel.Reader;
        for (int i = 0; i < Operations; i++)
        {
            writer.TryWrite(new RingBenchEvent { Value = i, Price = 1 });
            reader.TryRead(out var e);
            sum += e.Value;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public long SingleProducer_Next_Publish() => PublishSingly(_single);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long SingleProducer_batch_of_16() => PublishInBatches(_single);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long MultiProducer_Next_Publish() => PublishSingly(_multi);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long MultiProducer_batch_of_16() => PublishInBatches(_multi);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long SingleProducer_Next_Publish_signalling_a_blocking_strategy() => PublishSingly(_blocking);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long SingleProducer_TryClaim_Publish_with_drop_policy()
    {
        long last = 0;
        for (int i = 0; i < Operations; i++)
        {
            if (_dropping.TryClaim(out long sequence))
            {
                _dropping[sequence] = new RingBenchEvent { Value = i, Price = 1 };
                _dropping.Publish(sequence);
                last = sequence;
            }
        }
        _droppingConsumer.SetValue(last);
        return last;
    }

    private static RingBuffer<RingBenchEvent> Ring(ProducerType producers, IWaitStrategy waitStrategy, FullRingPolicy policy) =>
        new(new RingBufferOptions<RingBenchEvent>
        {
            Capacity = RingBenchSetup.Capacity,
            ProducerType = producers,
            WaitStrategy = waitStrategy,
            FullRingPolicy = policy,
        });

    private static long PublishSingly(RingBuffer<RingBenchEvent> ring)
    {
        long sequence = 0;
        for (int i = 0; i < Operations; i++)
        {
            sequence = ring.Next();
            ring[sequence] = new RingBenchEvent { Value = i, Price = 1 };
            ring.Publish(sequence);
        }
        return sequence;
    }

    private static long PublishInBatches(RingBuffer<RingBenchEvent> ring)
    {
        long high = 0;
        for (int i = 0; i < Operations; i += Batch)
        {
            high = ring.Next(Batch);
            for (long sequence = high - Batch + 1; sequence <= high; sequence++)
                ring[sequence] = new RingBenchEvent { Value = sequence, Price = 1 };
            ring.Publish(high - Batch + 1, high);
        }
        return high;
    }
}
