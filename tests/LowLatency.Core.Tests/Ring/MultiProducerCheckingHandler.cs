using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>
/// The consumer of a multi-producer ring: each producer's events must arrive in that producer's
/// order with none missing or repeated, and every sequence must arrive contiguously.
/// </summary>
public sealed class MultiProducerCheckingHandler(int producers) : IEventHandler<RingTestEvent>
{
    private readonly long[] _expectedPerProducer = new long[producers];
    private long _expectedSequence;

    public long Count { get; private set; }

    public long Violations { get; private set; }

    public string? FirstViolation { get; private set; }

    public long ReceivedFrom(int producer) => _expectedPerProducer[producer];

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        if (sequence != _expectedSequence)
            Violate($"expected sequence {_expectedSequence}, got {sequence}");
        _expectedSequence = sequence + 1;
        if ((uint)data.ProducerId >= (uint)_expectedPerProducer.Length)
        {
            Violate($"sequence {sequence} names producer {data.ProducerId}");
        }
        else
        {
            ref long expected = ref _expectedPerProducer[data.ProducerId];
            if (data.ProducerSequence != expected)
                Violate($"producer {data.ProducerId}: expected its event {expected}, got {data.ProducerSequence} at sequence {sequence}");
            expected = data.ProducerSequence + 1;
        }
        Count++;
    }

    private void Violate(string message)
    {
        Violations++;
        FirstViolation ??= message;
    }
}
