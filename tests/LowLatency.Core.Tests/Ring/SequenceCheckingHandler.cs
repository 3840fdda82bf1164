using LowLatency.Core.Ring;

namespace LowLatency.Core.Tests.Ring;

/// <summary>
/// A terminal consumer that checks every event carries its own sequence (payload = sequence, so a
/// slot overwritten by a producer that lapped the consumer shows) and that sequences arrive
/// contiguously. Violations are recorded, not thrown, so the processor's policy does not hide them.
/// </summary>
public sealed class SequenceCheckingHandler : IEventHandler<RingTestEvent>
{
    private long _expected;

    public SequenceCheckingHandler(long firstSequence = 0) => _expected = firstSequence;

    public long Count { get; private set; }

    public long Violations { get; private set; }

    public string? FirstViolation { get; private set; }

    public void OnEvent(ref RingTestEvent data, long sequence, bool endOfBatch)
    {
        if (sequence != _expected)
            Violate($"expected sequence {_expected}, got {sequence}");
        else if (data.Value != sequence)
            Violate($"slot of sequence {sequence} holds payload {data.Value}");
        _expected = sequence + 1;
        Count++;
    }

    private void Violate(string message)
    {
        Violations++;
        FirstViolation ??= message;
    }
}
