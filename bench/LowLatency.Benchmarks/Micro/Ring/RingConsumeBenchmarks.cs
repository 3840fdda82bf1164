using BenchmarkDotNet.Attributes;
using LowLatency.Benchmarks.Scenarios.Ring;
using LowLatency.Core.Ring;

namespace LowLatency.Benchmarks.Micro.Ring;

/// <summary>
/// Hand-over cost through a running consumer thread: publish a burst of events and wait until the
/// consumer has processed them all (what one market-data message costs end to end in the ring).
/// </summary>
[MemoryDiagnoser]
public class RingConsumeBenchmarks
{
    private const int Burst = 4096;

    private RingBuffer<RingBenchEvent> _ring = null!;
    private ConsumerGraph<RingBenchEvent> _graph = null!;
    private IEventProcessor _consumer = null!;

    [Params(WaitStrategyKind.Yielding, WaitStrategyKind.Hybrid)]
    public WaitStrategyKind Wait { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ring = new RingBuffer<RingBenchEvent>(new RingBufferOptions<RingBenchEvent>
        {
            Capacity = RingBenchSetup.Capacity,
            WaitStrategy = WaitStrategies.Create(Wait),
        });
        _graph = new ConsumerGraph<RingBenchEvent>(_ring);
        _graph.HandleEventsWith(new SummingHandler());
        _graph.Start();
        _consumer = _graph.Consumers[0];
    }

    [GlobalCleanup]
    public void Cleanup() => _graph.Halt();

    [Benchmark(OperationsPerInvoke = Burst)]
    public long Publish_burst_and_wait_for_the_consumer()
    {
        long sequence = 0;
        for (int i = 0; i < Burst; i++)
        {
            sequence = _ring.Next();
            _ring[sequence] = new RingBenchEvent { Value = i, Price = 1 };
            _ring.Publish(sequence);
        }
        var spin = default(SpinWait);
        while (_consumer.Sequence.Value < sequence)
            spin.SpinOnce(sleep1Threshold: -1);
        return sequence;
    }

    /// <summary>A struct handler, so the processor's loop is specialized for it and the call inlined.</summary>
    private struct SummingHandler : IEventHandler<RingBenchEvent>
    {
        private long _sum;

        public void OnEvent(ref RingBenchEvent data, long sequence, bool endOfBatch) => _sum += data.Value;
    }
}
