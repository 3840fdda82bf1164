using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>
/// A consumer that dawdles inside each batch (yielding the CPU to the producer) and then checks
/// that the batch's first event is still intact: a producer that overtook it would have rewritten
/// the slot with a later sequence. When given a stage, it marks each event it finished in
/// <see cref="RingTestEvent.Stage3"/> for the consumers after it to check.
/// </summary>
public sealed class SlowConsumerHandler : IEventHandler<RingTestEvent>
{
    private readonly RingBuffer<RingTestEvent> _ring;
    private readonly bool _marks;
    private long _batchStart = -1;

    public SlowConsumerHandler(RingBuffer<RingTestEvent> ring, bool marks = false)
    {
        _ring = ring;
        _marks = marks;
    }

    public long Count { get; private set; }

    public long Violations { get; private set; }

    public string? FirstViolation { get; private set; }

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        if (_batchStart < 0)
            _batchStart = sequence;
        if (data.Value != sequence)
            Violate($"slot of sequence {sequence} holds payload {data.Value}");
        if (sequence % 7 == 0)
            Thread.Yield();
        if (_marks)
            data.Stage3 = StageHandler.Mark(3, sequence);
        if (endOfBatch)
        {
            long first = _ring[_batchStart].Value;
            if (first != _batchStart)
                Violate($"while processing batch from {_batchStart} to {sequence}, its first slot was rewritten with {first}");
            _batchStart = -1;
        }
        Count++;
    }

    private void Violate(string message)
    {
        Violations++;
        FirstViolation ??= message;
    }
}
